package org.molscreen.chem.smarts;

import java.util.List;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * A compact, array-based copy of a perceived molecule for {@link SmartsQuery} matching, with RDKit's
 * SMARTS semantics in mind; descriptors that walk the graph themselves read it through the public accessors.
 *
 * <p>{@link #of} folds hydrogen atoms that are explicit in the container into their neighbour's hydrogen
 * count, as RDKit's {@code RemoveHs} does before QED; {@link #withHydrogenVertices()} turns every hydrogen
 * into a vertex, as RDKit's {@code AddHs} does before Crippen typing. Ring membership and aromaticity are
 * read from the container (set by {@code Perception.perceive}); bond orders of aromatic bonds keep their
 * Kekulé value, which only valence ({@code v}) reads.
 *
 * <p>Built per molecule and confined to the thread that built it: the ring counts behind SMARTS
 * {@code R<n>} are computed lazily and cached in place.
 */
public final class MolGraph {

    /** Bond order that {@code bondOrder} stores for a bond that is not single, double or triple. */
    public static final int OTHER_ORDER = 0;
    /** Length of an element-key set: one bit per (element up to 127, aromatic flag). */
    static final int KEY_WORDS = 4;
    /** Bond classes, as bits of {@link #bondClasses}: aromatic, then non-aromatic by order (0 = other). */
    static final int AROMATIC_BOND = 1 << 5;
    static final int ANY_BOND = AROMATIC_BOND | 0b1111;

    final int atomCount;
    final int[] element;
    final int[] charge;
    /** Mass number, 0 when unspecified. */
    final int[] massNumber;
    final boolean[] aromatic;
    final boolean[] inRing;
    /** Hydrogens that are not vertices of this graph. */
    final int[] implicitH;
    /** Adjacent vertices of each vertex, and (parallel) the index of the bond to each. */
    final int[][] neighbours;
    final int[][] bondsOf;
    final int[] bondOrder;
    final boolean[] bondAromatic;
    final boolean[] bondInRing;
    /** The source container and the vertex of each container atom (-1: folded into a neighbour). */
    private final IAtomContainer source;
    private final int[] vertexOfAtom;
    /** Bit {@code 2 * element + (aromatic ? 1 : 0)} is set when some vertex has that element and flag. */
    final long[] elementKeys;
    /** Element key of each vertex ({@link #key}). */
    final int[] keys;
    /** The bond classes present: {@link #AROMATIC_BOND}, or {@code 1 << order} for a non-aromatic bond. */
    int bondClasses;
    private int[] ringCounts;

    private MolGraph(int atomCount, int bondCount, IAtomContainer source, int[] vertexOfAtom) {
        this.atomCount = atomCount;
        this.element = new int[atomCount];
        this.charge = new int[atomCount];
        this.massNumber = new int[atomCount];
        this.aromatic = new boolean[atomCount];
        this.inRing = new boolean[atomCount];
        this.implicitH = new int[atomCount];
        this.neighbours = new int[atomCount][];
        this.bondsOf = new int[atomCount][];
        this.bondOrder = new int[bondCount];
        this.bondAromatic = new boolean[bondCount];
        this.bondInRing = new boolean[bondCount];
        this.source = source;
        this.vertexOfAtom = vertexOfAtom;
        this.elementKeys = new long[KEY_WORDS];
        this.keys = new int[atomCount];
    }

    /**
     * The heavy-atom graph of a perceived molecule: explicit hydrogen atoms with one non-hydrogen
     * neighbour become part of that neighbour's hydrogen count (isotope labels included, unlike RDKit,
     * which keeps {@code [2H]} as an atom).
     *
     * @throws IllegalArgumentException when an atom has no implicit hydrogen count (not perceived)
     */
    public static MolGraph of(IAtomContainer mol) {
        int n = mol.getAtomCount();
        int[] vertexOfAtom = new int[n];
        int[] foldedH = new int[n];
        int vertices = 0;
        for (int i = 0; i < n; i++) {
            IAtom atom = mol.getAtom(i);
            if (atom.getImplicitHydrogenCount() == null) {
                throw new IllegalArgumentException("atom " + i + " (" + atom.getSymbol()
                        + ") has no implicit hydrogen count; expected a molecule perceived by Perception.perceive");
            }
            int heavyNeighbour = foldableInto(mol, atom);
            if (heavyNeighbour >= 0) {
                vertexOfAtom[i] = -1;
                foldedH[heavyNeighbour]++;
            } else {
                vertexOfAtom[i] = vertices++;
            }
        }
        int bonds = 0;
        for (IBond bond : mol.bonds()) {
            if (vertexOfAtom[index(mol, bond.getBegin())] >= 0 && vertexOfAtom[index(mol, bond.getEnd())] >= 0) {
                bonds++;
            }
        }
        MolGraph g = new MolGraph(vertices, bonds, mol, vertexOfAtom);
        int[] degree = new int[vertices];
        for (int i = 0; i < n; i++) {
            int v = vertexOfAtom[i];
            if (v < 0) {
                continue;
            }
            IAtom atom = mol.getAtom(i);
            g.element[v] = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
            g.charge[v] = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
            g.massNumber[v] = atom.getMassNumber() == null ? 0 : atom.getMassNumber();
            g.aromatic[v] = atom.isAromatic();
            g.inRing[v] = atom.isInRing();
            g.implicitH[v] = atom.getImplicitHydrogenCount() + foldedH[i];
            addKey(g.elementKeys, g.element[v], g.aromatic[v]);
            g.keys[v] = key(g.element[v], g.aromatic[v]);
        }
        int[] begins = new int[bonds];
        int[] ends = new int[bonds];
        int b = 0;
        for (IBond bond : mol.bonds()) {
            int u = vertexOfAtom[index(mol, bond.getBegin())];
            int w = vertexOfAtom[index(mol, bond.getEnd())];
            if (u < 0 || w < 0) {
                continue;
            }
            begins[b] = u;
            ends[b] = w;
            g.bondOrder[b] = order(bond);
            g.bondAromatic[b] = bond.isAromatic();
            g.bondInRing[b] = bond.isInRing();
            g.bondClasses |= bondClass(g.bondOrder[b], g.bondAromatic[b]);
            degree[u]++;
            degree[w]++;
            b++;
        }
        g.link(begins, ends, degree);
        return g;
    }

    /**
     * This graph with every hydrogen as a vertex (RDKit {@code AddHs}): vertices {@code 0..atomCount-1}
     * stay as they are and keep their indices, the hydrogens of vertex {@code v} follow in order, bonded
     * to {@code v} by a single, acyclic bond.
     */
    public MolGraph withHydrogenVertices() {
        int extra = 0;
        for (int v = 0; v < atomCount; v++) {
            extra += implicitH[v];
        }
        int oldBonds = bondOrder.length;
        MolGraph g = new MolGraph(atomCount + extra, oldBonds + extra, source, vertexOfAtom);
        System.arraycopy(element, 0, g.element, 0, atomCount);
        System.arraycopy(charge, 0, g.charge, 0, atomCount);
        System.arraycopy(massNumber, 0, g.massNumber, 0, atomCount);
        System.arraycopy(aromatic, 0, g.aromatic, 0, atomCount);
        System.arraycopy(inRing, 0, g.inRing, 0, atomCount);
        System.arraycopy(bondOrder, 0, g.bondOrder, 0, oldBonds);
        System.arraycopy(bondAromatic, 0, g.bondAromatic, 0, oldBonds);
        System.arraycopy(bondInRing, 0, g.bondInRing, 0, oldBonds);
        System.arraycopy(elementKeys, 0, g.elementKeys, 0, elementKeys.length);
        System.arraycopy(keys, 0, g.keys, 0, atomCount);
        g.ringCounts = ringCounts;
        g.bondClasses = bondClasses;
        if (extra > 0) {
            addKey(g.elementKeys, 1, false);
            g.bondClasses |= bondClass(1, false);
        }
        int[] begins = new int[oldBonds + extra];
        int[] ends = new int[oldBonds + extra];
        int[] degree = new int[g.atomCount];
        for (int v = 0; v < atomCount; v++) {
            for (int k = 0; k < neighbours[v].length; k++) {
                int bond = bondsOf[v][k];
                if (neighbours[v][k] > v) {
                    begins[bond] = v;
                    ends[bond] = neighbours[v][k];
                }
            }
            degree[v] = neighbours[v].length + implicitH[v];
        }
        int h = atomCount;
        int bond = oldBonds;
        for (int v = 0; v < atomCount; v++) {
            for (int k = 0; k < implicitH[v]; k++, h++, bond++) {
                g.element[h] = 1;
                g.keys[h] = key(1, false);
                g.bondOrder[bond] = 1;
                begins[bond] = v;
                ends[bond] = h;
                degree[h] = 1;
            }
        }
        g.link(begins, ends, degree);
        return g;
    }

    private void link(int[] begins, int[] ends, int[] degree) {
        for (int v = 0; v < atomCount; v++) {
            neighbours[v] = new int[degree[v]];
            bondsOf[v] = new int[degree[v]];
        }
        int[] fill = new int[atomCount];
        for (int b = 0; b < begins.length; b++) {
            int u = begins[b];
            int w = ends[b];
            neighbours[u][fill[u]] = w;
            bondsOf[u][fill[u]++] = b;
            neighbours[w][fill[w]] = u;
            bondsOf[w][fill[w]++] = b;
        }
    }

    /** The element-key bit of an element (127 stands for anything heavier) and aromatic flag. */
    static int key(int element, boolean aromatic) {
        return 2 * Math.min(Math.max(element, 0), 127) + (aromatic ? 1 : 0);
    }

    static int bondClass(int order, boolean aromatic) {
        return aromatic ? AROMATIC_BOND : 1 << Math.min(order, 3);
    }

    static void addKey(long[] keys, int element, boolean aromatic) {
        int key = key(element, aromatic);
        keys[key >>> 6] |= 1L << key;
    }

    /** Whether some vertex has an element key in the set. */
    boolean hasAnyKey(long[] keys) {
        for (int w = 0; w < KEY_WORDS; w++) {
            if ((keys[w] & elementKeys[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Number of vertices. */
    public int atomCount() {
        return atomCount;
    }

    public int element(int v) {
        return element[v];
    }

    public boolean aromatic(int v) {
        return aromatic[v];
    }

    public boolean inRing(int v) {
        return inRing[v];
    }

    /** Hydrogens of vertex v that are not vertices themselves. */
    public int implicitHydrogens(int v) {
        return implicitH[v];
    }

    /** The vertices bonded to v; the caller must not modify the array. */
    public int[] neighbours(int v) {
        return neighbours[v];
    }

    /** The bonds of v, parallel to {@link #neighbours}; the caller must not modify the array. */
    public int[] bondsOf(int v) {
        return bondsOf[v];
    }

    /** Order of a bond (1, 2, 3, or {@link #OTHER_ORDER}); an aromatic bond keeps its Kekulé order. */
    public int bondOrder(int b) {
        return bondOrder[b];
    }

    public boolean bondAromatic(int b) {
        return bondAromatic[b];
    }

    /** Number of bonded vertices (SMARTS {@code D}). */
    int degree(int v) {
        return neighbours[v].length;
    }

    /** Total hydrogen count: implicit plus hydrogen vertices bonded to v (SMARTS {@code H}). */
    int totalH(int v) {
        int h = implicitH[v];
        for (int nbr : neighbours[v]) {
            if (element[nbr] == 1) {
                h++;
            }
        }
        return h;
    }

    /** Total connectivity (SMARTS {@code X}). */
    int totalDegree(int v) {
        return neighbours[v].length + implicitH[v];
    }

    /** Total valence, bond orders plus implicit hydrogens (SMARTS {@code v}); aromatic bonds count their Kekulé order. */
    int valence(int v) {
        int sum = implicitH[v];
        for (int bond : bondsOf[v]) {
            sum += bondOrder[bond];
        }
        return sum;
    }

    /** The bond between two vertices, or -1. */
    int bondBetween(int u, int w) {
        int[] nbrs = neighbours[u];
        for (int k = 0; k < nbrs.length; k++) {
            if (nbrs[k] == w) {
                return bondsOf[u][k];
            }
        }
        return -1;
    }

    /**
     * Number of rings the vertex belongs to (SMARTS {@code R<n>}). RDKit counts the rings of its
     * symmetrised SSSR; CDK's relevant cycles (the union of all minimum cycle bases) give the same set
     * for ordinary ring systems and for the symmetric cages (bicyclo[2.2.2]octane, cubane) where a plain
     * SSSR would not.
     */
    int ringCount(int v) {
        if (!inRing[v]) {
            return 0;
        }
        if (ringCounts == null) {
            ringCounts = computeRingCounts();
        }
        return v < ringCounts.length ? ringCounts[v] : 0;
    }

    private int[] computeRingCounts() {
        int[] counts = new int[atomCount];
        for (int[] path : Cycles.relevant(source).paths()) {
            // a path is closed: its first atom is repeated at the end
            for (int k = 0; k < path.length - 1; k++) {
                int v = vertexOfAtom[path[k]];
                if (v >= 0) {
                    counts[v]++;
                }
            }
        }
        return counts;
    }

    private static int foldableInto(IAtomContainer mol, IAtom atom) {
        if (atom.getAtomicNumber() == null || atom.getAtomicNumber() != 1
                || (atom.getFormalCharge() != null && atom.getFormalCharge() != 0)) {
            return -1;
        }
        List<IAtom> nbrs = mol.getConnectedAtomsList(atom);
        if (nbrs.size() != 1) {
            return -1;
        }
        IAtom nbr = nbrs.get(0);
        if (nbr.getAtomicNumber() != null && nbr.getAtomicNumber() == 1) {
            return -1;
        }
        return index(mol, nbr);
    }

    private static int index(IAtomContainer mol, IAtom atom) {
        int i = atom.getIndex();
        return i >= 0 ? i : mol.indexOf(atom);
    }

    private static int order(IBond bond) {
        IBond.Order order = bond.getOrder();
        if (order == IBond.Order.SINGLE) {
            return 1;
        } else if (order == IBond.Order.DOUBLE) {
            return 2;
        } else if (order == IBond.Order.TRIPLE) {
            return 3;
        }
        return OTHER_ORDER;
    }
}
