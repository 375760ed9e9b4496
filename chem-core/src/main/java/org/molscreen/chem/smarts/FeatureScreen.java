package org.molscreen.chem.smarts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtom;
import org.openscience.cdk.isomorphism.matchers.QueryBond;

/**
 * Prefilter keys for a set of queries: a necessary-condition screen run before the substructure search,
 * which skips every query the molecule cannot contain because it has too few atoms or bonds of some kind.
 *
 * <p>Why it is safe (never skips a query that matches): a match maps distinct query atoms to distinct
 * molecule atoms and distinct query bonds to distinct molecule bonds. For each query atom we derive, from
 * its expression alone, facts that every atom it can match must have (element, aromatic or aliphatic, a
 * lower bound on the total hydrogen count, formal charge) and, from the query graph, a lower bound on its
 * number of neighbours and whether three or more of its bonds must be aromatic (a ring-fusion atom).
 *
 * <p>A <em>descriptor</em> is (element or "any element", aromatic or aliphatic or "either"). An atom
 * <em>feature</em> is a descriptor with "at least h hydrogens", with "at least k neighbours" or with "three
 * or more aromatic bonds", or an element (or "any") with a charge. A bond feature is (descriptor of one end,
 * descriptor of the other end, single/double/triple/aromatic). Every molecule atom or bond is counted once
 * under each feature it has, and every query atom or bond once under each feature it is guaranteed to have.
 * If the query holds k atoms or bonds with a feature, any molecule it matches holds at least k; the screen
 * checks exactly these counts. Bonds whose class is not implied (e.g. {@code ~}, {@code -,:}, implicit
 * single-or-aromatic) add no bond requirement; recursive {@code $(...)} parts add nothing. Each derivation
 * rule follows CDK's definition of the expression type in {@code Expr.matches}. {@code PainsScreenTest}
 * checks the screen against unscreened matching.
 *
 * <p>Immutable and thread-safe; {@link #count} allocates its result per call.
 */
public final class FeatureScreen {

    private static final int ALIPHATIC = AtomFacts.ALIPHATIC;
    private static final int AROMATIC = AtomFacts.AROMATIC;
    private static final int ANY = AtomFacts.ANY;
    private static final int STATES = 3;
    private static final int MAX_H = AtomFacts.MAX_H;
    /** Neighbour lower bounds are tracked as 1, 2, 3 and "4 or more". */
    private static final int MAX_DEGREE = 4;
    /** Formal charges tracked: -3..+3 except 0. */
    private static final int MAX_CHARGE = 3;
    /** Bond classes: 0 not implied, 1 single, 2 double, 3 triple (all non-aromatic), 4 aromatic. */
    private static final int BOND_CLASSES = 5;
    private static final int AROMATIC_BOND = 4;

    /** Atomic number to element slot 1..n for elements some query names; 0 = "any element". */
    private final int[] elementSlot;
    /** Element slot to atomic number (slot 0: none). */
    private final int[] slotElement;
    private final int descriptors;
    private final int degreeBase;
    private final int chargeBase;
    private final int bondBase;
    private final int fusionBase;
    /** Raw feature key to the index in the count array, -1 for features no query needs. */
    private final int[] denseIndex;
    private final int featureCount;
    private final int[][] requiredFeature;
    private final int[][] requiredCount;
    /** Element slots including slot 0 ("any element" / not named by any query). */
    private final int elementSlotCount;
    private final int[][] atomFeatures;
    private final int[][] bondFeatures;

    /** @param queries CDK query graphs, e.g. {@link DepthFirstSmarts#query()}; indices follow the list */
    public FeatureScreen(List<IAtomContainer> queries) {
        TreeSet<Integer> elements = new TreeSet<>();
        List<List<AtomFacts>> atomFacts = new ArrayList<>();
        for (IAtomContainer query : queries) {
            List<AtomFacts> facts = new ArrayList<>();
            for (IAtom atom : query.atoms()) {
                AtomFacts f = AtomFacts.of(((QueryAtom) atom).getExpression());
                facts.add(f);
                if (f.element() > 0) {
                    elements.add(f.element());
                }
            }
            atomFacts.add(facts);
        }
        int maxElement = elements.isEmpty() ? 0 : elements.last();
        this.elementSlot = new int[maxElement + 1];
        this.slotElement = new int[elements.size() + 1];
        int slot = 0;
        for (int z : elements) {
            elementSlot[z] = ++slot;
            slotElement[slot] = z;
        }
        this.elementSlotCount = slot + 1;
        this.descriptors = (slot + 1) * STATES;
        this.degreeBase = descriptors * (MAX_H + 1);
        this.chargeBase = degreeBase + descriptors * MAX_DEGREE;
        this.bondBase = chargeBase + (slot + 1) * (2 * MAX_CHARGE + 1);
        this.fusionBase = bondBase + descriptors * descriptors * BOND_CLASSES;
        int rawSpace = fusionBase + descriptors;

        List<Map<Integer, Integer>> required = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            required.add(requirements(queries.get(q), atomFacts.get(q)));
        }
        this.denseIndex = new int[rawSpace];
        Arrays.fill(denseIndex, -1);
        int dense = 0;
        for (Map<Integer, Integer> req : required) {
            for (int raw : req.keySet()) {
                if (denseIndex[raw] < 0) {
                    denseIndex[raw] = dense++;
                }
            }
        }
        this.featureCount = dense;
        this.requiredFeature = new int[queries.size()][];
        this.requiredCount = new int[queries.size()][];
        for (int q = 0; q < queries.size(); q++) {
            // most demanding first (required count over a typical molecule's count), so most queries fail
            // on their first or second check; the order changes speed only
            List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(required.get(q).entrySet());
            entries.sort(Comparator.<Map.Entry<Integer, Integer>>comparingDouble(
                    e -> -e.getValue() / typicalCount(e.getKey())));
            requiredFeature[q] = new int[entries.size()];
            requiredCount[q] = new int[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                requiredFeature[q][i] = denseIndex[entries.get(i).getKey()];
                requiredCount[q][i] = entries.get(i).getValue();
            }
        }
        this.atomFeatures = atomFeatureTable();
        this.bondFeatures = bondFeatureTable();
    }

    /**
     * A rough count of the feature in a typical drug-like molecule ({@link ElementRarity}), used only to
     * order the checks; nothing depends on its exact value.
     */
    private double typicalCount(int raw) {
        double atoms = ElementRarity.TYPICAL_HEAVY_ATOMS;
        if (raw >= fusionBase) {
            return atoms * share(raw - fusionBase) * 0.1;
        }
        if (raw >= bondBase) {
            int pair = (raw - bondBase) / BOND_CLASSES;
            int cls = (raw - bondBase) % BOND_CLASSES;
            double classShare = new double[]{1, 0.55, 0.1, 0.01, 0.35}[cls];
            return ElementRarity.TYPICAL_BONDS * classShare * share(pair / descriptors) * share(pair % descriptors) * 2;
        }
        if (raw >= chargeBase) {
            int slot = (raw - chargeBase) / (2 * MAX_CHARGE + 1);
            return atoms * 0.003 * share(slot * STATES + ANY);
        }
        if (raw >= degreeBase) {
            int k = (raw - degreeBase) % MAX_DEGREE + 1;
            return atoms * share((raw - degreeBase) / MAX_DEGREE) * new double[]{1, 0.75, 0.3, 0.05}[k - 1];
        }
        int k = raw % (MAX_H + 1);
        return atoms * share(raw / (MAX_H + 1)) * new double[]{1, 0.55, 0.25, 0.1}[k];
    }

    /** Typical share of heavy atoms a descriptor covers. */
    private double share(int descriptor) {
        int slot = descriptor / STATES;
        int state = descriptor % STATES;
        int z = slot == 0 ? 0 : slotElement[slot];
        return state == ANY ? ElementRarity.share(z) : ElementRarity.share(z, state == AROMATIC);
    }

    /**
     * Counts the features of a molecule.
     *
     * @param mol a perceived molecule whose atoms know their container (CDK's default AtomContainer2)
     * @return counts indexed like the requirements; pass to {@link #admits}
     * @throws IllegalArgumentException if an atom has no implicit hydrogen count (not perceived)
     */
    public int[] count(IAtomContainer mol) {
        int[] counts = new int[featureCount];
        int n = mol.getAtomCount();
        // per atom: element slot * 2 + aromatic, the molecule-side kind the tables are indexed by
        int[] kind = new int[n];
        int[] hydrogens = new int[n];
        boolean explicitHydrogens = false;
        for (int i = 0; i < n; i++) {
            IAtom atom = mol.getAtom(i);
            Integer z = atom.getAtomicNumber();
            Integer implicit = atom.getImplicitHydrogenCount();
            if (implicit == null) {
                throw new IllegalArgumentException("atom " + i + " (" + atom.getSymbol()
                        + ") has no implicit hydrogen count: perceive the molecule before matching alerts");
            }
            hydrogens[i] = implicit;
            if (z != null && z == 1) {
                explicitHydrogens = true;
            }
            int element = z != null && z > 0 && z < elementSlot.length ? elementSlot[z] : 0;
            kind[i] = element * 2 + (atom.isAromatic() ? 1 : 0);
            Integer charge = atom.getFormalCharge();
            if (charge != null && charge != 0 && Math.abs(charge) <= MAX_CHARGE) {
                increment(counts, chargeKey(element, charge));
                if (element != 0) {
                    increment(counts, chargeKey(0, charge));
                }
            }
        }
        if (explicitHydrogens) {
            // the same total CDK's TOTAL_H_COUNT uses: implicit plus hydrogen neighbours
            for (IBond bond : mol.bonds()) {
                IAtom beg = bond.getBegin();
                IAtom end = bond.getEnd();
                if (isHydrogen(end)) {
                    hydrogens[beg.getIndex()]++;
                }
                if (isHydrogen(beg)) {
                    hydrogens[end.getIndex()]++;
                }
            }
        }
        int[] aromaticBonds = new int[n];
        int kinds = elementSlotCount * 2;
        for (IBond bond : mol.bonds()) {
            int cls = bondClass(bond);
            if (cls == 0) {
                continue;
            }
            int i1 = bond.getBegin().getIndex();
            int i2 = bond.getEnd().getIndex();
            if (cls == AROMATIC_BOND) {
                aromaticBonds[i1]++;
                aromaticBonds[i2]++;
            }
            int k1 = kind[i1];
            int k2 = kind[i2];
            for (int feature : bondFeatures[(Math.min(k1, k2) * kinds + Math.max(k1, k2)) * BOND_CLASSES + cls]) {
                counts[feature]++;
            }
        }
        for (int i = 0; i < n; i++) {
            int h = Math.min(hydrogens[i], MAX_H);
            int degree = Math.min(mol.getAtom(i).getBondCount(), MAX_DEGREE);
            int fusion = aromaticBonds[i] >= 3 ? 1 : 0;
            for (int feature : atomFeatures[((kind[i] * (MAX_H + 1) + h) * (MAX_DEGREE + 1) + degree) * 2 + fusion]) {
                counts[feature]++;
            }
        }
        return counts;
    }

    /**
     * The features (dense indices) a molecule atom has, for every (element slot * 2 + aromatic, hydrogens
     * capped at {@link #MAX_H}, neighbours capped at {@link #MAX_DEGREE}, three or more aromatic bonds):
     * its own descriptor, the same with either aromaticity, and "any element" with its aromaticity and with
     * either. Precomputed so that counting a molecule costs one table look-up per atom and per bond.
     */
    private int[][] atomFeatureTable() {
        int kinds = elementSlotCount * 2;
        int[][] table = new int[kinds * (MAX_H + 1) * (MAX_DEGREE + 1) * 2][];
        for (int kind = 0; kind < kinds; kind++) {
            int element = kind / 2;
            int d = element * STATES + (kind % 2 == 1 ? AROMATIC : ALIPHATIC);
            Set<Integer> descriptorsOfAtom = new LinkedHashSet<>(List.of(d, element * STATES + ANY, d % STATES, ANY));
            for (int h = 0; h <= MAX_H; h++) {
                for (int degree = 0; degree <= MAX_DEGREE; degree++) {
                    for (int fusion = 0; fusion <= 1; fusion++) {
                        List<Integer> raw = new ArrayList<>();
                        for (int c : descriptorsOfAtom) {
                            for (int k = 0; k <= h; k++) {
                                raw.add(c * (MAX_H + 1) + k);
                            }
                            for (int k = 1; k <= degree; k++) {
                                raw.add(degreeBase + c * MAX_DEGREE + k - 1);
                            }
                            if (fusion == 1) {
                                raw.add(fusionBase + c);
                            }
                        }
                        table[((kind * (MAX_H + 1) + h) * (MAX_DEGREE + 1) + degree) * 2 + fusion] = dense(raw);
                    }
                }
            }
        }
        return table;
    }

    /**
     * The features (dense indices) a molecule bond has, for every pair of end kinds and bond class: each
     * end as (element, either), (any, either) and, for a named element, (element, aromaticity), the same
     * three {@link #bondCoarsenings} gives on the query side.
     */
    private int[][] bondFeatureTable() {
        int kinds = elementSlotCount * 2;
        int[][] table = new int[kinds * kinds * BOND_CLASSES][];
        for (int k1 = 0; k1 < kinds; k1++) {
            for (int k2 = 0; k2 < kinds; k2++) {
                for (int cls = 0; cls < BOND_CLASSES; cls++) {
                    List<Integer> raw = new ArrayList<>();
                    if (cls != 0) {
                        for (int c1 : bondCoarsenings(k1 / 2 * STATES + (k1 % 2 == 1 ? AROMATIC : ALIPHATIC))) {
                            for (int c2 : bondCoarsenings(k2 / 2 * STATES + (k2 % 2 == 1 ? AROMATIC : ALIPHATIC))) {
                                raw.add(bondKey(c1, c2, cls));
                            }
                        }
                    }
                    table[(k1 * kinds + k2) * BOND_CLASSES + cls] = dense(raw);
                }
            }
        }
        return table;
    }

    /** The dense indices of the raw keys some query needs, without repeats. */
    private int[] dense(List<Integer> raw) {
        return raw.stream().distinct().mapToInt(r -> denseIndex[r]).filter(i -> i >= 0).toArray();
    }

    /** Whether the molecule whose {@link #count counts} are given may contain query {@code q}. */
    public boolean admits(int q, int[] counts) {
        int[] features = requiredFeature[q];
        int[] minima = requiredCount[q];
        for (int i = 0; i < features.length; i++) {
            if (counts[features[i]] < minima[i]) {
                return false;
            }
        }
        return true;
    }

    private void increment(int[] counts, int raw) {
        int i = denseIndex[raw];
        if (i >= 0) {
            counts[i]++;
        }
    }

    private int chargeKey(int element, int charge) {
        return chargeBase + element * (2 * MAX_CHARGE + 1) + charge + MAX_CHARGE;
    }

    private int bondKey(int d1, int d2, int cls) {
        int lo = Math.min(d1, d2);
        int hi = Math.max(d1, d2);
        return bondBase + (lo * descriptors + hi) * BOND_CLASSES + cls;
    }

    private Map<Integer, Integer> requirements(IAtomContainer query, List<AtomFacts> facts) {
        Map<Integer, Integer> req = new LinkedHashMap<>();
        int[] descriptor = new int[query.getAtomCount()];
        for (int i = 0; i < descriptor.length; i++) {
            AtomFacts f = facts.get(i);
            int element = f.element() == 0 ? 0 : elementSlot[f.element()];
            int d = element * STATES + f.aromaticity();
            descriptor[i] = d;
            IAtom atom = query.getAtom(i);
            int degree = Math.min(query.getConnectedBondsCount(atom), MAX_DEGREE);
            int aromaticBonds = 0;
            for (IBond bond : query.getConnectedBondsList(atom)) {
                aromaticBonds += bondClass(((QueryBond) bond).getExpression()) == AROMATIC_BOND ? 1 : 0;
            }
            for (int c : atomCoarsenings(d)) {
                for (int k = 0; k <= f.minHydrogens(); k++) {
                    req.merge(c * (MAX_H + 1) + k, 1, Integer::sum);
                }
                for (int k = 1; k <= degree; k++) {
                    req.merge(degreeBase + c * MAX_DEGREE + k - 1, 1, Integer::sum);
                }
                if (aromaticBonds >= 3) {
                    req.merge(fusionBase + c, 1, Integer::sum);
                }
            }
            int charge = f.charge();
            if (charge != 0 && Math.abs(charge) <= MAX_CHARGE) {
                req.merge(chargeKey(element, charge), 1, Integer::sum);
                if (element != 0) {
                    req.merge(chargeKey(0, charge), 1, Integer::sum);
                }
            }
        }
        for (IBond bond : query.bonds()) {
            int cls = bondClass(((QueryBond) bond).getExpression());
            if (cls == 0) {
                continue;
            }
            int d1 = descriptor[query.indexOf(bond.getBegin())];
            int d2 = descriptor[query.indexOf(bond.getEnd())];
            // a set: (C,aromatic)-(C,either) and (C,either)-(C,aromatic) are one key, counted once per bond
            // here as in the molecule's table
            Set<Integer> keys = new LinkedHashSet<>();
            for (int c1 : bondCoarsenings(d1)) {
                for (int c2 : bondCoarsenings(d2)) {
                    keys.add(bondKey(c1, c2, cls));
                }
            }
            keys.forEach(key -> req.merge(key, 1, Integer::sum));
        }
        return req;
    }

    /** A query atom descriptor and every coarser one it implies (dropping aromaticity, then the element). */
    private static Set<Integer> atomCoarsenings(int d) {
        int element = d / STATES;
        int state = d % STATES;
        return new LinkedHashSet<>(List.of(d, element * STATES + ANY, state, ANY));
    }

    /**
     * Descriptors of a bond end used for bond features: (element, either) and (any, either) always, and
     * (element, aromaticity) when the element is named. The molecule side ({@link #count}) counts each
     * bond under the same three, so the two sides agree on which keys exist.
     */
    private static Set<Integer> bondCoarsenings(int d) {
        int element = d / STATES;
        Set<Integer> out = new LinkedHashSet<>(List.of(element * STATES + ANY, ANY));
        if (element != 0) {
            out.add(d);
        }
        return out;
    }

    private static boolean isHydrogen(IAtom atom) {
        Integer z = atom.getAtomicNumber();
        return z != null && z == 1;
    }

    private static int bondClass(IBond bond) {
        if (bond.isAromatic()) {
            return AROMATIC_BOND;
        }
        IBond.Order order = bond.getOrder();
        if (order == null) {
            return 0;
        }
        return switch (order) {
            case SINGLE -> 1;
            case DOUBLE -> 2;
            case TRIPLE -> 3;
            default -> 0;
        };
    }

    /**
     * The bond class every bond matching the expression has: {@code ALIPHATIC_ORDER=n} is "not aromatic
     * and order n", {@code IS_AROMATIC} is "aromatic"; a conjunction implies what either side implies,
     * a disjunction what both sides imply. Anything else implies nothing (0).
     */
    static int bondClass(Expr expr) {
        return switch (expr.type()) {
            case ALIPHATIC_ORDER -> expr.value() >= 1 && expr.value() <= 3 ? expr.value() : 0;
            case IS_AROMATIC -> AROMATIC_BOND;
            case AND -> {
                int left = bondClass(expr.left());
                yield left != 0 ? left : bondClass(expr.right());
            }
            case OR -> {
                int left = bondClass(expr.left());
                yield left == bondClass(expr.right()) ? left : 0;
            }
            default -> 0;
        };
    }
}
