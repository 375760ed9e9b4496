package org.molscreen.chem.descriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.molscreen.chem.smarts.MolGraph;
import org.molscreen.chem.smarts.SmartsQuery;
import org.openscience.cdk.config.IsotopeFactory;
import org.openscience.cdk.config.Isotopes;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IIsotope;

/**
 * Quantitative estimate of drug-likeness (G. R. Bickerton et al., "Quantifying the chemical beauty of
 * drugs", Nat. Chem. 2012, 4, 90): the weighted geometric mean of eight desirability functions, with the
 * paper's "mean" weights. Between 0 (unlike a drug) and about 0.95.
 *
 * <p>Mirrors RDKit 2022.09 {@code rdkit/Chem/QED.py} (see {@code NOTICE}): the same asymmetric double
 * sigmoid (ADS) parameters and weights, and the same property definitions (see {@link QedProperties}),
 * computed on the molecule without explicit hydrogens as QED.py's {@code RemoveHs} leaves it. Results
 * differ from RDKit where CDK's Daylight aromaticity differs from RDKit's (aromatic ring count, Crippen
 * types, acceptor and alert patterns written with aromatic atoms), where RDKit's sanitisation rewrites
 * the input (hypervalent forms such as perchlorate {@code OCl(=O)(=O)=O} or nitro {@code N(=O)=O} become
 * charge-separated; here the molecule is taken as given), and where an explicit isotopic hydrogen such as
 * {@code [2H]}, which RDKit keeps as an atom, is folded into its neighbour here. Molecular weight uses CDK's
 * standard atomic weights, within 0.01 Da of RDKit's for drug-like molecules.
 *
 * <p>Input: a molecule perceived by {@code Perception.perceive}; it is not modified. Immutable and
 * thread-safe: one instance can serve all threads.
 */
public final class Qed {

    /** QED.py's ADS parameters, one row per property in {@link QedProperties} order: A, B, C, D, E, F, DMAX. */
    private static final double[][] ADS = {
            {2.817065973, 392.5754953, 290.7489764, 2.419764353, 49.22325677, 65.37051707, 104.9805561},
            {3.172690585, 137.8624751, 2.534937431, 4.581497897, 0.822739154, 0.576295591, 131.3186604},
            {2.948620388, 160.4605972, 3.615294657, 4.435986202, 0.290141953, 1.300669958, 148.7763046},
            {1.618662227, 1010.051101, 0.985094388, 0.000000001, 0.713820843, 0.920922555, 258.1632616},
            {1.876861559, 125.2232657, 62.90773554, 87.83366614, 12.01999824, 28.51324732, 104.5686167},
            {0.010000000, 272.4121427, 2.558379970, 1.565547684, 1.271567166, 2.758063707, 105.4420403},
            {3.217788970, 957.7374108, 2.274627939, 0.000000001, 1.317690384, 0.375760881, 312.3372610},
            {0.010000000, 1199.094025, -0.09002883, 0.000000001, 0.185904477, 0.875193782, 417.7253140},
    };

    /** QED.py's WEIGHT_MEAN, in {@link QedProperties} order. */
    private static final double[] WEIGHT_MEAN = {0.66, 0.46, 0.05, 0.61, 0.06, 0.65, 0.48, 0.95};

    /** QED's SMARTS (acceptors, donor, alerts), in RDKit's order; see the resource's header. */
    private static final String SMARTS_TABLE = "qed.tsv";

    private static final double HYDROGEN_MASS;
    /** Standard atomic weight by atomic number (CDK's natural abundances); index 0, pseudo atoms, weighs nothing. */
    private static final double[] NATURAL_MASS = new double[119];

    static {
        IsotopeFactory isotopes = isotopes();
        for (int z = 1; z < NATURAL_MASS.length; z++) {
            NATURAL_MASS[z] = isotopes.getNaturalMass(z);
        }
        HYDROGEN_MASS = NATURAL_MASS[1];
    }

    private final CrippenLogP crippen;
    private final SmartsQuery[] acceptors;
    private final SmartsQuery donor;
    private final SmartsQuery[] alerts;

    /** QED with its own {@link CrippenLogP}. */
    public Qed() {
        this(new CrippenLogP());
    }

    /** QED sharing an existing (thread-safe) {@link CrippenLogP}. */
    public Qed(CrippenLogP crippen) {
        this.crippen = crippen;
        List<SmartsQuery> acceptorList = new ArrayList<>();
        List<SmartsQuery> donorList = new ArrayList<>();
        List<SmartsQuery> alertList = new ArrayList<>();
        for (String[] row : TsvResource.read(Qed.class, SMARTS_TABLE, 2, "role and SMARTS")) {
            List<SmartsQuery> into = switch (row[0]) {
                case "acceptor" -> acceptorList;
                case "donor" -> donorList;
                case "alert" -> alertList;
                default -> throw new IllegalStateException(SMARTS_TABLE + ": role '" + row[0]
                        + "' is not acceptor, donor or alert");
            };
            into.add(SmartsQuery.parse(row[1]));
        }
        if (donorList.size() != 1) {
            throw new IllegalStateException(SMARTS_TABLE + ": expected one donor row, found " + donorList.size());
        }
        this.acceptors = acceptorList.toArray(new SmartsQuery[0]);
        this.donor = donorList.get(0);
        this.alerts = alertList.toArray(new SmartsQuery[0]);
    }

    /**
     * QED of a perceived molecule, all fragments together (as RDKit; strip salts first if that is not wanted).
     *
     * @throws IllegalArgumentException when an atom has no implicit hydrogen count (the molecule was not perceived)
     */
    public double qed(IAtomContainer mol) {
        return qed(properties(mol));
    }

    /** QED from already computed properties: {@code exp(sum(w_i ln d_i) / sum(w_i))} with the mean weights. */
    public double qed(QedProperties p) {
        double[] x = {p.mw(), p.alogp(), p.hba(), p.hbd(), p.psa(), p.rotb(), p.arom(), p.alerts()};
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < x.length; i++) {
            weighted += WEIGHT_MEAN[i] * Math.log(desirability(x[i], ADS[i]));
            weights += WEIGHT_MEAN[i];
        }
        return Math.exp(weighted / weights);
    }

    /**
     * The eight raw properties QED combines.
     *
     * @throws IllegalArgumentException when an atom has no implicit hydrogen count (the molecule was not perceived)
     */
    public QedProperties properties(IAtomContainer mol) {
        MolGraph g = MolGraph.of(mol);
        int hba = 0;
        for (SmartsQuery acceptor : acceptors) {
            hba += acceptor.countUniqueMatches(g);
        }
        int alertCount = 0;
        for (SmartsQuery alert : alerts) {
            if (alert.matches(g)) {
                alertCount++;
            }
        }
        return new QedProperties(molecularWeight(mol), crippen.logP(g), hba, donor.countUniqueMatches(g),
                PolarSurfaceArea.of(mol), RotatableBonds.count(mol), aromaticRings(g), alertCount);
    }

    /** QED.py's asymmetric double sigmoid, scaled to a maximum of 1. */
    private static double desirability(double x, double[] p) {
        double a = p[0];
        double b = p[1];
        double c = p[2];
        double d = p[3];
        double e = p[4];
        double f = p[5];
        double dmax = p[6];
        double exp1 = 1 + Math.exp(-(x - c + d / 2) / e);
        double exp2 = 1 + Math.exp(-(x - c - d / 2) / f);
        return (a + b / exp1 * (1 - 1 / exp2)) / dmax;
    }

    /** Average molecular weight with implicit hydrogens; a labelled atom weighs its isotope (RDKit {@code _CalcMolWt}). */
    private static double molecularWeight(IAtomContainer mol) {
        double sum = 0;
        for (IAtom atom : mol.atoms()) {
            int z = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
            Integer massNumber = atom.getMassNumber();
            IIsotope isotope = massNumber == null || z <= 0 || z >= NATURAL_MASS.length
                    ? null : isotopes().getIsotope(atom.getSymbol(), massNumber);
            if (isotope != null && isotope.getExactMass() != null) {
                sum += isotope.getExactMass();
            } else if (z > 0 && z < NATURAL_MASS.length) {
                sum += NATURAL_MASS[z];
            }
            Integer hydrogens = atom.getImplicitHydrogenCount();
            sum += hydrogens == null ? 0 : hydrogens * HYDROGEN_MASS;
        }
        return sum;
    }

    /**
     * QED.py's AROM: the SSSR size of what is left after deleting aliphatic ring atoms singly bonded to
     * a non-aromatic neighbour ({@code [$([A;R][!a])]}). The SSSR of a graph has as many rings as its
     * cycle rank, edges - vertices + connected components, so no ring search is needed.
     */
    private static int aromaticRings(MolGraph g) {
        int n = g.atomCount();
        boolean[] kept = new boolean[n];
        int vertices = 0;
        for (int v = 0; v < n; v++) {
            boolean deleted = false;
            if (!g.aromatic(v) && g.inRing(v)) {
                for (int k = 0; k < g.neighbours(v).length; k++) {
                    int bond = g.bondsOf(v)[k];
                    // SMARTS' implicit bond is single or aromatic: a C=O carbon whose other neighbours are
                    // aromatic stays, so anthraquinone counts 3 rings, as in RDKit
                    if (!g.aromatic(g.neighbours(v)[k]) && !g.bondAromatic(bond) && g.bondOrder(bond) == 1) {
                        deleted = true;
                        break;
                    }
                }
            }
            kept[v] = !deleted;
            if (kept[v]) {
                vertices++;
            }
        }
        int edges = 0;
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int components = 0;
        int[] stack = new int[n];
        for (int v = 0; v < n; v++) {
            if (!kept[v]) {
                continue;
            }
            for (int nbr : g.neighbours(v)) {
                if (nbr > v && kept[nbr]) {
                    edges++;
                }
            }
            if (component[v] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = v;
            component[v] = components;
            while (top > 0) {
                int u = stack[--top];
                for (int nbr : g.neighbours(u)) {
                    if (kept[nbr] && component[nbr] < 0) {
                        component[nbr] = components;
                        stack[top++] = nbr;
                    }
                }
            }
            components++;
        }
        return edges - vertices + components;
    }

    private static IsotopeFactory isotopes() {
        try {
            return Isotopes.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("CDK's isotope table cannot be read", e);
        }
    }
}
