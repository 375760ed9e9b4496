package org.molscreen.chem.descriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** QED.py's AcceptorSmarts; an atom counts once per pattern it matches. */
    private static final List<String> ACCEPTORS = List.of(
            "[oH0;X2]",
            "[OH1;X2;v2]",
            "[OH0;X2;v2]",
            "[OH0;X1;v2]",
            "[O-;X1]",
            "[SH0;X2;v2]",
            "[SH0;X1;v2]",
            "[S-;X1]",
            "[nH0;X2]",
            "[NH0;X1;v3]",
            "[$([N;+0;X3;v3]);!$(N[C,S]=O)]");

    /** RDKit's CalcNumHBD pattern (Code/GraphMol/Descriptors/Lipinski.cpp). */
    private static final String DONOR = "[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]";

    /** QED.py's StructuralAlertSmarts: the unwanted substructures behind ALERTS, each counted once if present. */
    private static final List<String> ALERTS = List.of(
            "*1[O,S,N]*1",
            "[S,C](=[O,S])[F,Br,Cl,I]",
            "[CX4][Cl,Br,I]",
            "[#6]S(=O)(=O)O[#6]",
            "[$([CH]),$(CC)]#CC(=O)[#6]",
            "[$([CH]),$(CC)]#CC(=O)O[#6]",
            "n[OH]",
            "[$([CH]),$(CC)]#CS(=O)(=O)[#6]",
            "C=C(C=O)C=O",
            "n1c([F,Cl,Br,I])cccc1",
            "[CH1](=O)",
            "[#8][#8]",
            "[C;!R]=[N;!R]",
            "[N!R]=[N!R]",
            "[#6](=O)[#6](=O)",
            "[#16][#16]",
            "[#7][NH2]",
            "C(=O)N[NH2]",
            "[#6]=S",
            "[$([CH2]),$([CH][CX4]),$(C([CX4])[CX4])]=[$([CH2]),$([CH][CX4]),$(C([CX4])[CX4])]",
            "C1(=[O,N])C=CC(=[O,N])C=C1",
            "C1(=[O,N])C(=[O,N])C=CC=C1",
            "a21aa3a(aa1aaaa2)aaaa3",
            "a31a(a2a(aa1)aaaa2)aaaa3",
            "a1aa2a3a(a1)A=AA=A3=AA=A2",
            "c1cc([NH2])ccc1",
            "[Hg,Fe,As,Sb,Zn,Se,se,Te,B,Si,Na,Ca,Ge,Ag,Mg,K,Ba,Sr,Be,Ti,Mo,Mn,Ru,Pd,Ni,Cu,Au,Cd,Al,Ga,Sn,Rh,Tl,Bi,Nb,Li,Pb,Hf,Ho]",
            "I",
            "OS(=O)(=O)[O-]",
            "[N+](=O)[O-]",
            "C(=O)N[OH]",
            "C1NC(=O)NC(=O)1",
            "[SH]",
            "[S-]",
            "c1ccc([Cl,Br,I,F])c([Cl,Br,I,F])c1[Cl,Br,I,F]",
            "c1cc([Cl,Br,I,F])cc([Cl,Br,I,F])c1[Cl,Br,I,F]",
            "[CR1]1[CR1][CR1][CR1][CR1][CR1][CR1]1",
            "[CR1]1[CR1][CR1]cc[CR1][CR1]1",
            "[CR2]1[CR2][CR2][CR2][CR2][CR2][CR2][CR2]1",
            "[CR2]1[CR2][CR2]cc[CR2][CR2][CR2]1",
            "[CH2R2]1N[CH2R2][CH2R2][CH2R2][CH2R2][CH2R2]1",
            "[CH2R2]1N[CH2R2][CH2R2][CH2R2][CH2R2][CH2R2][CH2R2]1",
            "C#C",
            "[OR2,NR2]@[CR2]@[CR2]@[OR2,NR2]@[CR2]@[CR2]@[OR2,NR2]",
            "[$([N+R]),$([n+R]),$([N+]=C)][O-]",
            "[#6]=N[OH]",
            "[#6]=NOC=O",
            "[#6](=O)[CX4,CR0X3,O][#6](=O)",
            "c1ccc2c(c1)ccc(=O)o2",
            "[O+,o+,S+,s+]",
            "N=C=O",
            "[NX3,NX4][F,Cl,Br,I]",
            "c1ccccc1OC(=O)[#6]",
            "[CR0]=[CR0][CR0]=[CR0]",
            "[C+,c+,C-,c-]",
            "N=[N+]=[N-]",
            "C12C(NC(N1)=O)CSC2",
            "c1c([OH])c([OH,NH2,NH])ccc1",
            "P",
            "[N,O,S]C#N",
            "C=C=O",
            "[Si][F,Cl,Br,I]",
            "[SX2]O",
            "[SiR0,CR0](c1ccccc1)(c2ccccc2)(c3ccccc3)",
            "O1CCCCC1OC2CCC3CCCCC3C2",
            "N=[CR0][N,n,O,S]",
            "[cR2]1[cR2][cR2]([Nv3X3,Nv4X4])[cR2][cR2][cR2]1[cR2]2[cR2][cR2][cR2]([Nv3X3,Nv4X4])[cR2][cR2]2",
            "C=[C!r]C#N",
            "[cR2]1[cR2]c([N+0X3R0,nX3R0])c([N+0X3R0,nX3R0])[cR2][cR2]1",
            "[cR2]1[cR2]c([N+0X3R0,nX3R0])[cR2]c([N+0X3R0,nX3R0])[cR2]1",
            "[cR2]1[cR2]c([N+0X3R0,nX3R0])[cR2][cR2]c1([N+0X3R0,nX3R0])",
            "[OH]c1ccc([OH,NH2,NH])cc1",
            "c1ccccc1OC(=O)O",
            "[SX2H0][N]",
            "c12ccccc1(SC(S)=N2)",
            "c12ccccc1(SC(=S)N2)",
            "c1nnnn1C=O",
            "s1c(S)nnc1NC=O",
            "S1C=CSC1=S",
            "C(=O)Onnn",
            "OS(=O)(=O)C(F)(F)F",
            "N#CC[OH]",
            "N#CC(=O)",
            "S(=O)(=O)C#N",
            "N[CH2]C#N",
            "C1(=O)NCC1",
            "S(=O)(=O)[O-,OH]",
            "NC[F,Cl,Br,I]",
            "C=[C!r]O",
            "[NX2+0]=[O+0]",
            "[OR0,NR0][OR0,NR0]",
            "C(=O)O[C,H1].C(=O)O[C,H1].C(=O)O[C,H1]",
            "[CX2R0][NX3R0]",
            "c1ccccc1[C;!R]=[C;!R]c2ccccc2",
            "[NX3R0,NX4R0,OR0,SX2R0][CX4][NX3R0,NX4R0,OR0,SX2R0]",
            "[s,S,c,C,n,N,o,O]~[n+,N+](~[s,S,c,C,n,N,o,O])(~[s,S,c,C,n,N,o,O])~[s,S,c,C,n,N,o,O]",
            "[s,S,c,C,n,N,o,O]~[nX3+,NX3+](~[s,S,c,C,n,N])~[s,S,c,C,n,N]",
            "[*]=[N+]=[*]",
            "[SX3](=O)[O-,OH]",
            "N#N",
            "F.F.F.F",
            "[R0;D2][R0;D2][R0;D2][R0;D2]",
            "[cR,CR]~C(=O)NC(=O)~[cR,CR]",
            "C=!@CC=[O,S]",
            "[#6,#8,#16][#6](=O)O[#6]",
            "c[C;R0](=[O,S])[#6]",
            "c[SX2][C;!R]",
            "C=C=C",
            "c1nc([F,Cl,Br,I,S])ncc1",
            "c1ncnc([F,Cl,Br,I,S])c1",
            "c1nc(c2c(n1)nc(n2)[F,Cl,Br,I])",
            "[#6]S(=O)(=O)c1ccc(cc1)F",
            "[15N]",
            "[13C]",
            "[18O]",
            "[34S]");

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
        this.acceptors = ACCEPTORS.stream().map(SmartsQuery::parse).toArray(SmartsQuery[]::new);
        this.donor = SmartsQuery.parse(DONOR);
        this.alerts = ALERTS.stream().map(SmartsQuery::parse).toArray(SmartsQuery[]::new);
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
