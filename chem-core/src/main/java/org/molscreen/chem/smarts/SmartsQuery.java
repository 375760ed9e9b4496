package org.molscreen.chem.smarts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtom;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.isomorphism.matchers.QueryBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.Smarts;
import org.openscience.cdk.smarts.SmartsResult;

/**
 * A SMARTS pattern parsed by CDK and compiled to plain predicates over a {@link MolGraph}, matched by
 * backtracking with RDKit's semantics: {@code -} and {@code =} never match an aromatic bond, {@code H} is
 * the total hydrogen count, {@code D} counts bonded vertices, {@code X} adds implicit hydrogens, {@code R<n>}
 * counts rings (see {@link MolGraph#ringCount}), and a match maps every query atom, components included,
 * to a distinct vertex.
 *
 * <p>Why a hand-written matcher when CDK's {@link DepthFirstSmarts DfPattern} is the default here: the
 * descriptors run some 250 patterns per molecule, most of them rooted at one atom (Crippen typing) or on
 * one atom ({@code $()} and the QED acceptors), and on exactly those patterns this class is several times
 * faster with the same answers. {@code SmartsMatcherBenchmark} (benchmarks module; first 1,000 NCI
 * molecules, identical results on all of them; three short runs on a 2-core machine shared with other
 * builds, so absolute times varied and only the ratios are quoted): Crippen typing 2.5-4x faster than
 * {@code DfPattern.matchesRoot} on the same candidate rows, QED's 128 patterns 6x faster or more, and that
 * with this side building its graph per molecule and CDK's given its explicit hydrogens and ring
 * preparation for free. {@code DfPattern} does offer a rooted match; what it lacks is the rest: it
 * rebuilds its search state per call, while this class skips patterns whose elements are absent
 * ({@link #mayMatch}), tests the cheap parts of an atom expression first, defers ring counts and reads
 * primitive arrays.
 *
 * <p>Supports the SMARTS primitives the Crippen, QED and Lipinski patterns use and rejects any other at
 * construction, so an unsupported pattern fails when the class loads, not on some molecule. Immutable and
 * thread-safe.
 */
public final class SmartsQuery {

    @FunctionalInterface
    private interface AtomTest {
        boolean test(MolGraph g, int v);
    }

    @FunctionalInterface
    private interface BondTest {
        boolean test(MolGraph g, int b);
    }

    private static final int RECURSIVE_COST = 1000;
    private static final int RING_COUNT_COST = 50;

    private final String smarts;
    private final int size;
    /** Per query atom: the test run during the search, with {@code R<n>} relaxed to "in a ring"... */
    private final AtomTest[] atomTests;
    /** ...and the exact test, run on a complete match; null where the two are the same. Ring counts need
     * a ring search over the whole molecule, and the patterns with {@code R<n>} (medium rings, crown
     * ethers, benzidines) seldom match even relaxed, so deferring the count almost always avoids it. */
    private final AtomTest[] exactTests;
    private final boolean deferred;
    private final boolean rooted;
    /** Element keys each query atom can match (see {@link MolGraph#key}); null when any element can. */
    private final long[][] atomKeys;
    /** Whether each query bond lies on a cycle of the pattern. */
    private final boolean[] cyclicBonds;
    /** Bond classes each query bond can match (see {@link MolGraph#bondClasses}). */
    private final int[] bondMasks;
    /** Match plan, by position: the query atom placed there, the earlier position it is reached from
     * (-1: try every vertex), the bond test to it, and the other earlier positions it must be bonded to. */
    private final int[] order;
    private final int[] parentPos;
    private final BondTest[] parentBond;
    private final int[][] closurePos;
    private final BondTest[][] closureBond;

    private SmartsQuery(String smarts, IAtomContainer query, boolean rooted) {
        this.smarts = smarts;
        this.size = query.getAtomCount();
        this.atomTests = new AtomTest[size];
        this.exactTests = new AtomTest[size];
        this.atomKeys = new long[size][];
        // an atom or bond on a cycle of the pattern can only map onto a ring atom or bond: testing
        // that first cuts the search short for ring patterns (seven-membered carbocycle, crown ether)
        this.cyclicBonds = cyclicBonds(query);
        boolean[] cyclicAtoms = new boolean[size];
        for (int b = 0; b < cyclicBonds.length; b++) {
            if (cyclicBonds[b]) {
                cyclicAtoms[query.indexOf(query.getBond(b).getBegin())] = true;
                cyclicAtoms[query.indexOf(query.getBond(b).getEnd())] = true;
            }
        }
        boolean anyDeferred = false;
        for (int i = 0; i < size; i++) {
            Expr expr = expression(query.getAtom(i));
            AtomTest test = compileAtom(expr, smarts, true);
            atomTests[i] = cyclicAtoms[i] ? (g, v) -> g.inRing[v] && test.test(g, v) : test;
            if (hasPositiveRingCount(expr)) {
                exactTests[i] = compileAtom(expr, smarts, false);
                anyDeferred = true;
            }
            atomKeys[i] = elementKeys(expr);
        }
        this.deferred = anyDeferred;
        this.rooted = rooted;
        this.order = new int[size];
        this.parentPos = new int[size];
        this.parentBond = new BondTest[size];
        this.closurePos = new int[size][];
        this.closureBond = new BondTest[size][];
        this.bondMasks = new int[query.getBondCount()];
        for (int b = 0; b < bondMasks.length; b++) {
            bondMasks[b] = bondClasses(bondExpression(query.getBond(b)));
        }
        plan(query, rooted);
    }

    /**
     * Parses a SMARTS string.
     *
     * @throws IllegalArgumentException when CDK cannot parse it or it uses a primitive this class does not support
     */
    public static SmartsQuery parse(String smarts) {
        return new SmartsQuery(smarts, parseQuery(smarts), false);
    }

    /**
     * Parses a SMARTS string for {@link #matchesAt}, which maps its first atom onto a given vertex.
     *
     * @throws IllegalArgumentException when CDK cannot parse it or it uses a primitive this class does not support
     */
    public static SmartsQuery parseRooted(String smarts) {
        return new SmartsQuery(smarts, parseQuery(smarts), true);
    }

    /**
     * Compiles a query CDK has already parsed (and perhaps rewritten, as {@link DepthFirstSmarts} merges
     * hydrogens); {@code label} names it in messages. The query is only read.
     *
     * @throws IllegalArgumentException when it uses a primitive this class does not support
     */
    public static SmartsQuery of(String label, IAtomContainer query) {
        return new SmartsQuery(label, query, false);
    }

    private static IAtomContainer parseQuery(String smarts) {
        IAtomContainer query = new QueryAtomContainer(SilentChemObjectBuilder.getInstance());
        // parseToResult, not parse + getLastErrorMesg: the latter is a static shared by all threads
        SmartsResult result = Smarts.parseToResult(query, smarts);
        if (!result.ok()) {
            throw new IllegalArgumentException("invalid SMARTS '" + smarts + "': " + result.getMessage()
                    + " at character " + result.getPosition());
        }
        return query;
    }

    public String smarts() {
        return smarts;
    }

    /** Element keys the first query atom can match, or null when it can match any element. */
    long[] rootKeys() {
        return atomKeys[0];
    }

    /** Whether this query was parsed for {@link #matchesAt}. */
    boolean isRooted() {
        return rooted;
    }

    /**
     * A necessary condition for a match, cheap enough to run before every search: each query atom
     * restricted to some elements (or to aromatic or aliphatic atoms) finds one, and each query bond
     * finds a bond of a class it accepts (a triple bond for {@code #}, say).
     */
    boolean mayMatch(MolGraph g) {
        for (long[] keys : atomKeys) {
            if (keys != null && !g.hasAnyKey(keys)) {
                return false;
            }
        }
        for (int mask : bondMasks) {
            if ((mask & g.bondClasses) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the pattern matches with its first atom on vertex v (the semantics of a {@code $()} root). */
    public boolean matchesAt(MolGraph g, int v) {
        if (!rooted) {
            throw new IllegalStateException("pattern '" + smarts + "' was parsed with parse(), not parseRooted()");
        }
        // most calls fail on the root atom; answer those without allocating the search state
        if (!atomTests[0].test(g, v)) {
            return false;
        }
        if (size == 1) {
            return exactTests[0] == null || exactTests[0].test(g, v);
        }
        return tryVertex(g, new int[size], new boolean[g.atomCount], 0, v, FIRST);
    }

    /** Whether the pattern occurs anywhere in the molecule (RDKit {@code HasSubstructMatch}). */
    public boolean matches(MolGraph g) {
        if (!mayMatch(g)) {
            return false;
        }
        return extend(g, new int[size], new boolean[g.atomCount], 0, FIRST);
    }

    /** Number of matches that differ in their set of vertices (RDKit {@code GetSubstructMatches}, uniquified). */
    public int countUniqueMatches(MolGraph g) {
        if (!mayMatch(g)) {
            return 0;
        }
        if (size == 1) {
            int count = 0;
            for (int v = 0; v < g.atomCount; v++) {
                if (hasKey(0, g, v) && atomTests[0].test(g, v) && (exactTests[0] == null || exactTests[0].test(g, v))) {
                    count++;
                }
            }
            return count;
        }
        Set<BitSet> seen = new HashSet<>();
        extend(g, new int[size], new boolean[g.atomCount], 0, image -> {
            BitSet atoms = new BitSet(g.atomCount);
            for (int v : image) {
                atoms.set(v);
            }
            seen.add(atoms);
            return false;
        });
        return seen.size();
    }

    @Override
    public String toString() {
        return smarts;
    }

    /** Receives each complete match (vertex by plan position); returns true to stop the search. */
    @FunctionalInterface
    private interface Sink {
        boolean accept(int[] image);
    }

    private static final Sink FIRST = image -> true;

    private boolean extend(MolGraph g, int[] image, boolean[] used, int k, Sink sink) {
        if (k == size) {
            return exact(g, image) && sink.accept(image);
        }
        int p = parentPos[k];
        if (p < 0) {
            for (int v = 0; v < g.atomCount; v++) {
                if (tryVertex(g, image, used, k, v, sink)) {
                    return true;
                }
            }
            return false;
        }
        int from = image[p];
        int[] nbrs = g.neighbours[from];
        int[] bonds = g.bondsOf[from];
        BondTest bondTest = parentBond[k];
        for (int i = 0; i < nbrs.length; i++) {
            if (bondTest.test(g, bonds[i]) && tryVertex(g, image, used, k, nbrs[i], sink)) {
                return true;
            }
        }
        return false;
    }

    private boolean tryVertex(MolGraph g, int[] image, boolean[] used, int k, int v, Sink sink) {
        if (used[v] || !hasKey(order[k], g, v) || !atomTests[order[k]].test(g, v)) {
            return false;
        }
        int[] closures = closurePos[k];
        for (int c = 0; c < closures.length; c++) {
            int bond = g.bondBetween(v, image[closures[c]]);
            if (bond < 0 || !closureBond[k][c].test(g, bond)) {
                return false;
            }
        }
        image[k] = v;
        used[v] = true;
        boolean stop = extend(g, image, used, k + 1, sink);
        used[v] = false;
        return stop;
    }

    /** The element-key precheck: a bit test that spares most vertices the (megamorphic) atom test calls. */
    private boolean hasKey(int queryAtom, MolGraph g, int v) {
        long[] keys = atomKeys[queryAtom];
        if (keys == null) {
            return true;
        }
        int key = g.keys[v];
        return (keys[key >>> 6] & (1L << key)) != 0;
    }

    private boolean exact(MolGraph g, int[] image) {
        if (!deferred) {
            return true;
        }
        for (int k = 0; k < size; k++) {
            AtomTest test = exactTests[order[k]];
            if (test != null && !test.test(g, image[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders the query atoms so that each one after the first of its component is reached from an atom
     * placed before it. Unrooted patterns start each component at its most selective atom (one that can
     * only be a rare element), so that the vertex scan rejects most vertices at once.
     */
    private void plan(IAtomContainer query, boolean rooted) {
        int[] position = new int[size];
        Arrays.fill(position, -1);
        int placed = 0;
        while (placed < size) {
            int start = -1;
            for (int i = 0; i < size; i++) {
                if (position[i] < 0 && (start < 0 || (!rooted && selectivityCost(i) < selectivityCost(start)))) {
                    start = i;
                }
            }
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            position[start] = placed;
            order[placed] = start;
            parentPos[placed] = -1;
            placed++;
            while (!queue.isEmpty()) {
                int q = queue.poll();
                IAtom atom = query.getAtom(q);
                for (IBond bond : query.getConnectedBondsList(atom)) {
                    int nbr = query.indexOf(bond.getOther(atom));
                    if (position[nbr] >= 0) {
                        continue;
                    }
                    position[nbr] = placed;
                    order[placed] = nbr;
                    parentPos[placed] = position[q];
                    parentBond[placed] = bondTest(query, bond);
                    placed++;
                    queue.add(nbr);
                }
            }
        }
        for (int k = 0; k < size; k++) {
            IAtom atom = query.getAtom(order[k]);
            List<Integer> earlier = new ArrayList<>();
            List<BondTest> tests = new ArrayList<>();
            for (IBond bond : query.getConnectedBondsList(atom)) {
                int nbrPos = position[query.indexOf(bond.getOther(atom))];
                if (nbrPos < k && nbrPos != parentPos[k]) {
                    earlier.add(nbrPos);
                    tests.add(bondTest(query, bond));
                }
            }
            closurePos[k] = earlier.stream().mapToInt(Integer::intValue).toArray();
            closureBond[k] = tests.toArray(new BondTest[0]);
        }
    }

    private BondTest bondTest(IAtomContainer query, IBond bond) {
        BondTest test = compileBond(bondExpression(bond), smarts);
        return cyclicBonds[query.indexOf(bond)] ? (g, b) -> g.bondInRing[b] && test.test(g, b) : test;
    }

    /** A bond is on a cycle when its ends stay connected without it (patterns are small: a search per bond). */
    private static boolean[] cyclicBonds(IAtomContainer query) {
        boolean[] cyclic = new boolean[query.getBondCount()];
        for (int b = 0; b < cyclic.length; b++) {
            IBond without = query.getBond(b);
            boolean[] seen = new boolean[query.getAtomCount()];
            Deque<IAtom> todo = new ArrayDeque<>();
            todo.add(without.getBegin());
            seen[query.indexOf(without.getBegin())] = true;
            while (!todo.isEmpty() && !cyclic[b]) {
                IAtom atom = todo.poll();
                for (IBond bond : query.getConnectedBondsList(atom)) {
                    IAtom nbr = bond.getOther(atom);
                    int n = query.indexOf(nbr);
                    if (bond == without || seen[n]) {
                        continue;
                    }
                    if (nbr.equals(without.getEnd())) {
                        cyclic[b] = true;
                        break;
                    }
                    seen[n] = true;
                    todo.add(nbr);
                }
            }
        }
        return cyclic;
    }

    /** Lower is rarer: the share of a typical molecule's atoms the query atom can match ({@link ElementRarity}). */
    private double selectivityCost(int queryAtom) {
        long[] keys = atomKeys[queryAtom];
        if (keys == null) {
            return Double.MAX_VALUE;
        }
        double cost = 0;
        for (int key = 0; key < 64 * keys.length; key++) {
            if ((keys[key >>> 6] & (1L << key)) != 0) {
                cost += ElementRarity.share(key >>> 1, (key & 1) != 0);
            }
        }
        return cost;
    }

    private static Expr expression(IAtom atom) {
        return ((QueryAtom) atom).getExpression();
    }

    private static Expr bondExpression(IBond bond) {
        return ((QueryBond) bond).getExpression();
    }

    /**
     * Compiles an atom expression; with {@code relaxed}, a ring count {@code R<n>} (n > 0) outside any
     * negation becomes "in a ring", which is implied by it, so the relaxed test accepts at least what the
     * exact one does.
     */
    private static AtomTest compileAtom(Expr e, String smarts, boolean relaxed) {
        int value = e.value();
        switch (e.type()) {
            case TRUE:
                return (g, v) -> true;
            case FALSE:
                return (g, v) -> false;
            case IS_AROMATIC:
                return (g, v) -> g.aromatic[v];
            case IS_ALIPHATIC:
                return (g, v) -> !g.aromatic[v];
            case IS_IN_RING:
                return (g, v) -> g.inRing[v];
            case IS_IN_CHAIN:
                return (g, v) -> !g.inRing[v];
            case ELEMENT:
                return (g, v) -> g.element[v] == value;
            case ALIPHATIC_ELEMENT:
                return (g, v) -> g.element[v] == value && !g.aromatic[v];
            case AROMATIC_ELEMENT:
                return (g, v) -> g.element[v] == value && g.aromatic[v];
            case TOTAL_H_COUNT:
                return (g, v) -> g.totalH(v) == value;
            case DEGREE:
                return (g, v) -> g.degree(v) == value;
            case TOTAL_DEGREE:
                return (g, v) -> g.totalDegree(v) == value;
            case VALENCE:
                return (g, v) -> g.valence(v) == value;
            case FORMAL_CHARGE:
                return (g, v) -> g.charge[v] == value;
            case ISOTOPE:
                return (g, v) -> g.massNumber[v] == value;
            case RING_COUNT:
                if (value == 0) {
                    return (g, v) -> !g.inRing[v];
                }
                return relaxed ? (g, v) -> g.inRing[v] : (g, v) -> g.inRing[v] && g.ringCount(v) == value;
            case NOT: {
                // relaxing under a negation would tighten the test: inside, ring counts stay exact
                AtomTest inner = compileAtom(e.left(), smarts, false);
                return (g, v) -> !inner.test(g, v);
            }
            case AND:
            case OR: {
                List<Expr> terms = new ArrayList<>();
                flatten(e, e.type(), terms);
                // cheap tests first: a failing element test should spare a ring count or a $() search
                terms.sort(Comparator.comparingInt(SmartsQuery::cost));
                AtomTest[] tests = terms.stream().map(t -> compileAtom(t, smarts, relaxed)).toArray(AtomTest[]::new);
                return e.type() == Expr.Type.AND ? (g, v) -> {
                    for (AtomTest t : tests) {
                        if (!t.test(g, v)) {
                            return false;
                        }
                    }
                    return true;
                } : (g, v) -> {
                    for (AtomTest t : tests) {
                        if (t.test(g, v)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case RECURSIVE: {
                SmartsQuery inner = new SmartsQuery(smarts + " (a $() inside it)", e.subquery(), true);
                return inner::matchesAt;
            }
            default:
                throw new IllegalArgumentException("SMARTS '" + smarts + "': atom primitive " + e.type()
                        + " is not supported (expected element, aromaticity, H, D, X, v, charge, isotope, ring or $())");
        }
    }

    private static BondTest compileBond(Expr e, String smarts) {
        int value = e.value();
        switch (e.type()) {
            case TRUE:
                return (g, b) -> true;
            case FALSE:
                return (g, b) -> false;
            case ALIPHATIC_ORDER:
            case ORDER:
                // RDKit: an aromatic bond has its own type, so '-' and '=' never match one
                return (g, b) -> !g.bondAromatic[b] && g.bondOrder[b] == value;
            case SINGLE_OR_AROMATIC:
                return (g, b) -> g.bondAromatic[b] || g.bondOrder[b] == 1;
            case DOUBLE_OR_AROMATIC:
                return (g, b) -> g.bondAromatic[b] || g.bondOrder[b] == 2;
            case IS_AROMATIC:
                return (g, b) -> g.bondAromatic[b];
            case IS_ALIPHATIC:
                return (g, b) -> !g.bondAromatic[b];
            case IS_IN_RING:
                return (g, b) -> g.bondInRing[b];
            case IS_IN_CHAIN:
                return (g, b) -> !g.bondInRing[b];
            case NOT: {
                BondTest inner = compileBond(e.left(), smarts);
                return (g, b) -> !inner.test(g, b);
            }
            case AND: {
                BondTest left = compileBond(e.left(), smarts);
                BondTest right = compileBond(e.right(), smarts);
                return (g, b) -> left.test(g, b) && right.test(g, b);
            }
            case OR: {
                BondTest left = compileBond(e.left(), smarts);
                BondTest right = compileBond(e.right(), smarts);
                return (g, b) -> left.test(g, b) || right.test(g, b);
            }
            default:
                throw new IllegalArgumentException("SMARTS '" + smarts + "': bond primitive " + e.type()
                        + " is not supported (expected order, aromaticity, ring or any)");
        }
    }

    /** Whether the expression has a ring count {@code R<n>}, n > 0, outside any negation (see {@link #compileAtom}). */
    private static boolean hasPositiveRingCount(Expr e) {
        switch (e.type()) {
            case RING_COUNT:
                return e.value() > 0;
            case AND:
            case OR:
                return hasPositiveRingCount(e.left()) || hasPositiveRingCount(e.right());
            default:
                return false;
        }
    }

    private static void flatten(Expr e, Expr.Type type, List<Expr> into) {
        if (e.type() == type) {
            flatten(e.left(), type, into);
            flatten(e.right(), type, into);
        } else {
            into.add(e);
        }
    }

    private static int cost(Expr e) {
        switch (e.type()) {
            case RECURSIVE:
                return RECURSIVE_COST;
            case RING_COUNT:
                return RING_COUNT_COST;
            case AND:
            case OR:
                return cost(e.left()) + cost(e.right());
            case NOT:
                return cost(e.left());
            default:
                return 1;
        }
    }

    /** The bond classes a bond expression can match; any class when it does not restrict them. */
    private static int bondClasses(Expr e) {
        switch (e.type()) {
            case FALSE:
                return 0;
            case ALIPHATIC_ORDER:
            case ORDER:
                return MolGraph.bondClass(e.value() >= 1 && e.value() <= 3 ? e.value() : MolGraph.OTHER_ORDER, false);
            case SINGLE_OR_AROMATIC:
                return MolGraph.bondClass(1, false) | MolGraph.AROMATIC_BOND;
            case DOUBLE_OR_AROMATIC:
                return MolGraph.bondClass(2, false) | MolGraph.AROMATIC_BOND;
            case IS_AROMATIC:
                return MolGraph.AROMATIC_BOND;
            case IS_ALIPHATIC:
                return MolGraph.ANY_BOND & ~MolGraph.AROMATIC_BOND;
            case AND:
                return bondClasses(e.left()) & bondClasses(e.right());
            case OR:
                return bondClasses(e.left()) | bondClasses(e.right());
            default:
                return MolGraph.ANY_BOND;
        }
    }

    /** The element keys an atom expression can match, or null when it does not restrict the element. */
    private static long[] elementKeys(Expr e) {
        switch (e.type()) {
            case IS_AROMATIC:
            case IS_ALIPHATIC: {
                // aromatic keys are the odd bits, aliphatic ones the even bits
                long[] keys = new long[MolGraph.KEY_WORDS];
                Arrays.fill(keys, e.type() == Expr.Type.IS_AROMATIC ? 0xAAAAAAAAAAAAAAAAL : 0x5555555555555555L);
                return keys;
            }
            case ELEMENT: {
                long[] keys = new long[MolGraph.KEY_WORDS];
                MolGraph.addKey(keys, e.value(), false);
                MolGraph.addKey(keys, e.value(), true);
                return keys;
            }
            case ALIPHATIC_ELEMENT:
            case AROMATIC_ELEMENT: {
                long[] keys = new long[MolGraph.KEY_WORDS];
                MolGraph.addKey(keys, e.value(), e.type() == Expr.Type.AROMATIC_ELEMENT);
                return keys;
            }
            case AND: {
                long[] left = elementKeys(e.left());
                long[] right = elementKeys(e.right());
                if (left == null || right == null) {
                    return left == null ? right : left;
                }
                long[] keys = new long[MolGraph.KEY_WORDS];
                for (int w = 0; w < keys.length; w++) {
                    keys[w] = left[w] & right[w];
                }
                return keys;
            }
            case OR: {
                long[] left = elementKeys(e.left());
                long[] right = elementKeys(e.right());
                if (left == null || right == null) {
                    return null;
                }
                long[] keys = new long[MolGraph.KEY_WORDS];
                for (int w = 0; w < keys.length; w++) {
                    keys[w] = left[w] | right[w];
                }
                return keys;
            }
            default:
                return null;
        }
    }
}
