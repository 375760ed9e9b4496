package org.molscreen.chem.descriptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Wildman–Crippen logP (S. A. Wildman and G. M. Crippen, J. Chem. Inf. Comput. Sci. 1999, 39, 868): the
 * sum of atom contributions, each atom typed by the first of 110 ordered SMARTS that matches with that
 * atom first. Hydrogens are typed by their neighbourhood too (every hydrogen becomes an atom for typing,
 * as RDKit's {@code AddHs} does) and contribute once per hydrogen.
 *
 * <p>Reproduces RDKit 2022.09 {@code Crippen.MolLogP}: same parameter table (the one compiled into
 * RDKit's C++, bundled as {@code crippen.tsv}; see {@code NOTICE}), same first-match typing, atoms no
 * row matches contribute 0. Values differ from RDKit where CDK's Daylight aromaticity differs from
 * RDKit's, since most carbon, nitrogen and oxygen types depend on it, and where RDKit's sanitisation
 * rewrites the input (perchlorate {@code OCl(=O)(=O)=O} or nitro {@code N(=O)=O} become charge-separated
 * there; here the molecule is typed as given).
 *
 * <p>Input: a molecule perceived by {@code Perception.perceive} (implicit hydrogen counts, ring flags,
 * Daylight aromaticity); it is not modified. Immutable and thread-safe: one instance can serve all threads.
 */
public final class CrippenLogP {

    private static final String TABLE = "crippen.tsv";

    private final String[] types;
    private final SmartsQuery[] patterns;
    private final double[] contributions;
    /** For each element key ({@link MolGraph#key}): the rows whose first atom can have it, in table order. */
    private final int[][] rowsByKey;

    /** Loads the bundled parameter table. */
    public CrippenLogP() {
        List<String[]> rows = readTable();
        int n = rows.size();
        types = new String[n];
        patterns = new SmartsQuery[n];
        contributions = new double[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            types[i] = row[0];
            patterns[i] = SmartsQuery.parseRooted(row[1]);
            contributions[i] = Double.parseDouble(row[2]);
        }
        int keyCount = 64 * MolGraph.KEY_WORDS;
        rowsByKey = new int[keyCount][];
        for (int key = 0; key < keyCount; key++) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long[] root = patterns[i].rootKeys();
                if (root == null || (root[key >>> 6] & (1L << key)) != 0) {
                    candidates.add(i);
                }
            }
            rowsByKey[key] = candidates.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Wildman–Crippen logP of a perceived molecule (all fragments together, as RDKit).
     *
     * @throws IllegalArgumentException when an atom has no implicit hydrogen count (the molecule was not perceived)
     */
    public double logP(IAtomContainer mol) {
        return logP(MolGraph.of(mol));
    }

    /** logP of a heavy-atom graph, for {@link Qed}, which has built one already. */
    double logP(MolGraph heavy) {
        MolGraph g = heavy.withHydrogenVertices();
        double sum = 0;
        int hydrogen = heavy.atomCount;
        for (int v = 0; v < heavy.atomCount; v++) {
            int row = typeRow(g, v);
            sum += row < 0 ? 0 : contributions[row];
            int hCount = heavy.implicitH[v];
            if (hCount > 0) {
                // the hydrogens of one atom have the same neighbourhood, hence the same type
                int hRow = typeRow(g, hydrogen);
                sum += hRow < 0 ? 0 : hCount * contributions[hRow];
                hydrogen += hCount;
            }
        }
        return sum;
    }

    /** The Wildman–Crippen type of each atom of the heavy-atom graph, then of one hydrogen per atom ("" when untyped); for diagnostics. */
    List<String> types(IAtomContainer mol) {
        MolGraph heavy = MolGraph.of(mol);
        MolGraph g = heavy.withHydrogenVertices();
        List<String> out = new ArrayList<>();
        for (int v = 0; v < heavy.atomCount; v++) {
            int row = typeRow(g, v);
            out.add(row < 0 ? "" : types[row]);
        }
        int hydrogen = heavy.atomCount;
        for (int v = 0; v < heavy.atomCount; v++) {
            if (heavy.implicitH[v] > 0) {
                int row = typeRow(g, hydrogen);
                out.add(row < 0 ? "" : types[row]);
                hydrogen += heavy.implicitH[v];
            }
        }
        return out;
    }

    private int typeRow(MolGraph g, int v) {
        for (int row : rowsByKey[MolGraph.key(g.element[v], g.aromatic[v])]) {
            if (patterns[row].matchesAt(g, v)) {
                return row;
            }
        }
        return -1;
    }

    private static List<String[]> readTable() {
        InputStream in = CrippenLogP.class.getResourceAsStream(TABLE);
        if (in == null) {
            throw new IllegalStateException("resource " + TABLE + " is missing from the classpath beside "
                    + CrippenLogP.class.getName());
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < 3) {
                    throw new IllegalStateException(TABLE + ": expected type, SMARTS and logP separated by tabs, got '"
                            + line + "'");
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return rows;
    }
}
