package org.molscreen.chem.smarts;

import java.util.ArrayList;
import java.util.List;

/**
 * First-match atom typing over an ordered table of rooted SMARTS, the scheme of Wildman–Crippen logP: an
 * atom gets the type of the first row whose pattern matches with its first atom on that atom.
 *
 * <p>Most rows cannot apply to a given atom because their root names another element, so the rows are
 * indexed once by the element keys their root can take ({@link MolGraph#key}); typing an atom tries only
 * the rows of its key, still in table order. Immutable and thread-safe.
 */
public final class AtomTyper {

    private final SmartsQuery[] rows;
    /** For each element key: the rows whose first atom can have it, in table order. */
    private final int[][] rowsByKey;

    /**
     * @param rows the table in priority order, each parsed with {@link SmartsQuery#parseRooted}
     * @throws IllegalArgumentException when a row was not parsed rooted
     */
    public AtomTyper(List<SmartsQuery> rows) {
        this.rows = rows.toArray(new SmartsQuery[0]);
        for (SmartsQuery row : this.rows) {
            if (!row.isRooted()) {
                throw new IllegalArgumentException("pattern '" + row.smarts() + "' was parsed with parse(), not parseRooted()");
            }
        }
        int keyCount = 64 * MolGraph.KEY_WORDS;
        rowsByKey = new int[keyCount][];
        for (int key = 0; key < keyCount; key++) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < this.rows.length; i++) {
                long[] root = this.rows[i].rootKeys();
                if (root == null || (root[key >>> 6] & (1L << key)) != 0) {
                    candidates.add(i);
                }
            }
            rowsByKey[key] = candidates.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The first row that matches rooted on vertex v, or -1 when none does. */
    public int typeOf(MolGraph g, int v) {
        for (int row : rowsByKey[MolGraph.key(g.element[v], g.aromatic[v])]) {
            if (rows[row].matchesAt(g, v)) {
                return row;
            }
        }
        return -1;
    }

    /** The rows that can match on an atom of the given element and aromaticity, in table order; for benchmarks. */
    public int[] candidateRows(int element, boolean aromatic) {
        return rowsByKey[MolGraph.key(element, aromatic)].clone();
    }
}
