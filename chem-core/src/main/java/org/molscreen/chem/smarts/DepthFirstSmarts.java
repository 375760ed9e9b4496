package org.molscreen.chem.smarts;

import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.isomorphism.DfPattern;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtom;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.isomorphism.matchers.QueryBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.Smarts;
import org.openscience.cdk.smarts.SmartsResult;

/**
 * A SMARTS compiled for whole-molecule matching by CDK's depth-first search ({@link DfPattern}), read as
 * RDKit's {@code MolFromSmarts(smarts, mergeHs=True)} reads it: explicit hydrogens are merged into their
 * heavy neighbours, and the search starts from the query's rarest atom. This is the default matcher for
 * SMARTS on CDK molecules; {@link SmartsQuery} exists only for the descriptor tables, where the benchmark
 * shows it is much faster. On a sample of 48 PAINS alerts (no screen) it was faster too, 3.5-9x, with the
 * same answers, but alerts stay here: a user's catalog may use primitives {@code SmartsQuery} rejects
 * ({@code r}, {@code x}, hybridisation), and an explicit hydrogen atom in the molecule is an atom here,
 * as the alert contract documents, whereas {@code SmartsQuery} folds it into its neighbour.
 *
 * <p>{@code DfPattern} rather than {@code SmartsPattern}: the latter runs VF2, which builds an adjacency
 * list of the molecule on every call, and applies an atom-map filter to every SMARTS containing ':' (all
 * aromatic-bond PAINS); on the PAINS alerts that pass the screen, {@code DfPattern} was about 20% faster
 * with identical results.
 *
 * <p>Immutable once built and safe to share between threads: {@link DfPattern} copies its search
 * state for every match, and the only lazily filled field CDK has here (the pattern of a recursive
 * {@code $(...)} expression) is filled in the constructor, so final fields of an owner publish it safely.
 */
public final class DepthFirstSmarts {

    private static final IChemObjectBuilder BUILDER = SilentChemObjectBuilder.getInstance();

    private final String smarts;
    private final QueryAtomContainer query;
    private final DfPattern pattern;

    private DepthFirstSmarts(String smarts, QueryAtomContainer query) {
        this.smarts = smarts;
        this.query = query;
        this.pattern = DfPattern.findSubstructure(query);
        initialiseRecursivePatterns(query, probeAtom());
    }

    /**
     * Compiles a SMARTS.
     *
     * @throws IllegalArgumentException with the reason when CDK cannot parse the SMARTS or it uses a
     *                                  feature this class does not support (see {@link #checkSupported})
     */
    public static DepthFirstSmarts compile(String smarts) {
        QueryAtomContainer query = new QueryAtomContainer(BUILDER);
        // parseToResult, not parse + getLastErrorMesg: the latter is a static shared by all threads
        SmartsResult result = Smarts.parseToResult(query, smarts);
        if (!result.ok()) {
            // not SmartsResult.displayErrorLocation(): it throws when the error is at the end of the string
            throw new IllegalArgumentException("CDK cannot parse the SMARTS: " + result.getMessage()
                    + " at character " + result.getPosition());
        }
        checkSupported(query);
        mergeQueryHydrogens(query);
        return new DepthFirstSmarts(smarts, rarestAtomFirst(query));
    }

    public String smarts() {
        return smarts;
    }

    /**
     * The query after hydrogen merging, rarest atom first, for {@link FeatureScreen} and {@link SmartsQuery#of};
     * read-only by convention (it backs the pattern).
     */
    public IAtomContainer query() {
        return query;
    }

    /** Whether the SMARTS occurs in the molecule; the molecule is only read. */
    public boolean matches(IAtomContainer mol) {
        return pattern.matches(mol);
    }

    /**
     * RDKit's {@code MolOps::mergeQueryHs} in CDK terms. Every plain {@code [#1]} query atom bonded to a
     * heavy query atom is removed, and each heavy atom that lost n such neighbours gets
     * {@code !H0 & ... & !H(n-1)} added to its expression, i.e. "at least n hydrogens" counting
     * implicit and explicit ones (CDK's {@code TOTAL_H_COUNT}, RDKit's {@code H}). The query bond to the
     * hydrogen is dropped whatever it was, as RDKit does. A hydrogen with no heavy neighbour (as in
     * {@code [#1]-[#1]}) is kept. Recursive {@code $(...)} sub-queries are merged the same way (RDKit
     * does this too, github issue 544), so {@code $(c~[#7](-[#1])-[#6])} matches an N-H given by an
     * implicit hydrogen.
     */
    static void mergeQueryHydrogens(IAtomContainer query) {
        boolean[] plainH = new boolean[query.getAtomCount()];
        for (int i = 0; i < plainH.length; i++) {
            plainH[i] = isPlainHydrogen(query.getAtom(i));
        }
        List<IAtom> merged = new ArrayList<>();
        for (int i = 0; i < plainH.length; i++) {
            if (plainH[i]) {
                continue;
            }
            QueryAtom atom = (QueryAtom) query.getAtom(i);
            int hydrogens = 0;
            for (IAtom nbr : query.getConnectedAtomsList(atom)) {
                if (plainH[query.indexOf(nbr)]) {
                    hydrogens++;
                    if (!merged.contains(nbr)) {
                        merged.add(nbr);
                    }
                }
            }
            Expr expr = atom.getExpression();
            for (int h = 0; h < hydrogens; h++) {
                expr = new Expr(Expr.Type.AND, expr, new Expr(Expr.Type.NOT, new Expr(Expr.Type.TOTAL_H_COUNT, h), null));
            }
            atom.setExpression(expr);
            mergeRecursive(expr);
        }
        for (IAtom hydrogen : merged) {
            query.removeAtom(hydrogen); // also removes its bonds
        }
    }

    private static void mergeRecursive(Expr expr) {
        switch (expr.type()) {
            case AND, OR -> {
                mergeRecursive(expr.left());
                mergeRecursive(expr.right());
            }
            case NOT -> mergeRecursive(expr.left());
            case RECURSIVE -> mergeQueryHydrogens(expr.subquery());
            default -> {
            }
        }
    }

    private static boolean isPlainHydrogen(IAtom atom) {
        Expr expr = ((QueryAtom) atom).getExpression();
        return expr.type() == Expr.Type.ELEMENT && expr.value() == 1;
    }

    /**
     * The same query with its rarest atom moved to index 0. CDK's depth-first search starts from query atom
     * 0, trying it against every molecule atom, and grows the match along query bonds from there; starting
     * from an atom few molecule atoms can match (a charged nitrogen, a sulfur, a doubly substituted
     * carbonyl carbon) instead of the first aromatic carbon of the SMARTS prunes the search early. Rarity
     * is a rough prior for drug-like molecules ({@link ElementRarity}, scaled down for required hydrogens,
     * charge and neighbours); it changes speed only, never the result.
     */
    static QueryAtomContainer rarestAtomFirst(QueryAtomContainer query) {
        int n = query.getAtomCount();
        int rarest = 0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            IAtom atom = query.getAtom(i);
            double expected = expectedCount(AtomFacts.of(((QueryAtom) atom).getExpression()),
                    query.getConnectedBondsCount(atom));
            if (expected < best) {
                best = expected;
                rarest = i;
            }
        }
        if (rarest == 0) {
            return query;
        }
        QueryAtomContainer reordered = new QueryAtomContainer(BUILDER);
        reordered.addAtom(query.getAtom(rarest));
        for (int i = 0; i < n; i++) {
            if (i != rarest) {
                reordered.addAtom(query.getAtom(i));
            }
        }
        for (IBond bond : query.bonds()) {
            reordered.addBond(bond);
        }
        return reordered;
    }

    /** Molecule atoms a typical molecule has that the query atom could match: {@link ElementRarity} scaled down for what the atom requires. */
    private static double expectedCount(AtomFacts facts, int degree) {
        double count = ElementRarity.TYPICAL_HEAVY_ATOMS * (facts.aromaticity() == AtomFacts.ANY
                ? ElementRarity.share(facts.element())
                : ElementRarity.share(facts.element(), facts.aromaticity() == AtomFacts.AROMATIC));
        count *= new double[]{1, 0.6, 0.3, 0.1}[facts.minHydrogens()];
        count *= facts.charge() != 0 ? 0.05 : 1;
        count *= new double[]{1, 1, 0.7, 0.25, 0.03}[Math.min(degree, 4)];
        return count;
    }

    /**
     * Rejects what {@link DfPattern} would silently ignore or what is not safe to evaluate from several
     * threads, so that a custom alert catalog either behaves like RDKit or fails at load time:
     * <ul>
     *   <li>stereochemistry and component-level grouping ({@code (C).(C)}) need the post-match filters of
     *       CDK's {@code SmartsPattern}, which this class does not apply;</li>
     *   <li>ring counts {@code R<n>} go through a global, lazily created CDK cache;</li>
     *   <li>a hydrogen query other than plain {@code [#1]} (e.g. {@code [#1;+0]}): RDKit merges some of
     *       those under rules we do not reproduce.</li>
     * </ul>
     * PAINS uses none of these.
     */
    static void checkSupported(IAtomContainer query) {
        if (query.stereoElements().iterator().hasNext()) {
            throw new IllegalArgumentException("stereochemistry in alert SMARTS is not supported");
        }
        for (IAtom atom : query.atoms()) {
            if (atom.getProperty(CDKConstants.REACTION_GROUP) != null) {
                throw new IllegalArgumentException("component-level grouping in alert SMARTS is not supported");
            }
            Expr expr = ((QueryAtom) atom).getExpression();
            if (!isPlainHydrogen(atom) && hasUnnegatedHydrogenInConjunction(expr)) {
                throw new IllegalArgumentException("hydrogen query atom other than plain [#1] is not supported: " + expr);
            }
            checkSupported(expr);
        }
        for (IBond bond : query.bonds()) {
            if (bond instanceof QueryBond qb) {
                checkSupported(qb.getExpression());
            }
        }
    }

    private static void checkSupported(Expr expr) {
        switch (expr.type()) {
            case AND, OR -> {
                checkSupported(expr.left());
                checkSupported(expr.right());
            }
            case NOT -> checkSupported(expr.left());
            case RECURSIVE -> checkSupported(expr.subquery());
            case STEREOCHEMISTRY -> throw new IllegalArgumentException("stereochemistry in alert SMARTS is not supported");
            case RING_COUNT -> throw new IllegalArgumentException("ring count R<n> in alert SMARTS is not supported");
            case REACTION_ROLE -> throw new IllegalArgumentException("reaction roles in alert SMARTS are not supported");
            default -> {
            }
        }
    }

    private static boolean hasUnnegatedHydrogenInConjunction(Expr expr) {
        return switch (expr.type()) {
            case ELEMENT -> expr.value() == 1;
            case AND -> hasUnnegatedHydrogenInConjunction(expr.left()) || hasUnnegatedHydrogenInConjunction(expr.right());
            default -> false;
        };
    }

    /**
     * Forces CDK to build the pattern of every recursive expression now, in the constructing thread.
     * CDK builds it on first use and stores it in a plain field; doing it here means a catalog shared
     * between threads is never written to after construction.
     */
    private static void initialiseRecursivePatterns(IAtomContainer query, IAtom probe) {
        for (IAtom atom : query.atoms()) {
            initialiseRecursivePatterns(((QueryAtom) atom).getExpression(), probe);
        }
    }

    private static void initialiseRecursivePatterns(Expr expr, IAtom probe) {
        switch (expr.type()) {
            case AND, OR -> {
                initialiseRecursivePatterns(expr.left(), probe);
                initialiseRecursivePatterns(expr.right(), probe);
            }
            case NOT -> initialiseRecursivePatterns(expr.left(), probe);
            case RECURSIVE -> {
                initialiseRecursivePatterns(expr.subquery(), probe);
                expr.matches(probe); // the result is irrelevant; the call fills the pattern field
            }
            default -> {
            }
        }
    }

    /** A methane carbon inside a molecule: recursive matching needs an atom that knows its container. */
    private static IAtom probeAtom() {
        IAtomContainer mol = BUILDER.newAtomContainer();
        IAtom carbon = BUILDER.newAtom();
        carbon.setAtomicNumber(6);
        carbon.setSymbol("C");
        carbon.setImplicitHydrogenCount(4);
        mol.addAtom(carbon);
        return mol.getAtom(0);
    }
}
