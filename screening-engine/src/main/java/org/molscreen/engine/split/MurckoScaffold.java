package org.molscreen.engine.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.chem.InvalidRecordException;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.GraphUtil;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Bemis–Murcko frameworks (Bemis &amp; Murcko, J. Med. Chem. 1996, 39, 2887) as RDKit's
 * {@code MurckoScaffold.GetScaffoldForMol} computes them, with atom and bond types kept (not the generic
 * all-carbon form), and the framework's canonical SMILES as the key that groups molecules for a scaffold split.
 *
 * <p>The framework is every ring atom plus every atom on a path between rings (linkers), found by
 * repeatedly removing atoms of degree one, plus, as RDKit does, each removed atom that is double-bonded to a
 * kept one: a ring or linker carbonyl stays ({@code O=C1CCCN1Cc1ccccc1} keeps its lactam oxygen), a
 * sulfonyl keeps both oxygens, a methyl or nitrile goes. Atoms that lose a neighbour gain hydrogens for the
 * bond order lost, so {@code Cn1ccnc1} gives {@code c1c[nH]cn1}. Stereo and isotopes are dropped (Chemprop
 * groups with {@code includeChirality=False}); charges are kept. A molecule without rings has the empty
 * scaffold {@link #ACYCLIC}, so all acyclic molecules form one group, as in RDKit and Chemprop.
 *
 * <p>Why not CDK's {@code MurckoFragmenter}: its linear-time {@code scaffold} method prunes the same
 * atoms but also drops exocyclic double-bonded atoms, so it disagrees with RDKit on every amide, lactam
 * and sulfonamide framework, and the rest of that class enumerates all sub-frameworks, which a split does not need.
 *
 * <p>The key is CDK's canonical SMILES with aromatic symbols, aromaticity perceived by molscreen's one
 * model ({@link Perception}, Daylight) on the whole molecule before pruning, so Kekulé and aromatic input
 * of one molecule get one key. The key is not RDKit's SMILES string; molecules RDKit puts in one group
 * are in one group here (checked on MoleculeNet's BACE set in the tests).
 *
 * <p>The molecule is taken as given: no salt stripping or neutralisation (RDKit and Chemprop do none),
 * so a protonated and a neutral form of one ring system are two scaffolds; an isolated counter-ion has no
 * ring and disappears. Stateless and thread-safe; each call creates its own CDK objects.
 */
public final class MurckoScaffold {

    /** The scaffold of a molecule without rings. */
    public static final String ACYCLIC = "";

    /** Canonical, no stereo or isotopes (so no InChI numbering, about 12 µs a molecule); thread-safe. */
    private static final SmilesGenerator CANONICAL = new SmilesGenerator(SmiFlavor.Canonical | SmiFlavor.UseAromaticSymbols);

    private MurckoScaffold() {
    }

    /**
     * The scaffold key of a molecule. The molecule is perceived in place ({@link Perception#perceive}: atom
     * types, ring flags, Daylight aromaticity), which is what the rest of molscreen does to a molecule anyway;
     * its atoms and bonds are not changed.
     *
     * @param molecule a molecule as {@link StructureParser} or the standardiser returns it
     * @return the canonical SMILES of the framework, or {@link #ACYCLIC}
     * @throws InvalidRecordException when the molecule cannot be perceived or written
     */
    public static String key(IAtomContainer molecule) {
        IAtomContainer framework = framework(molecule);
        if (framework.isEmpty()) {
            return ACYCLIC;
        }
        try {
            return CANONICAL.create(framework);
        } catch (CDKException e) {
            throw new InvalidRecordException("structure", "its Murcko framework cannot be written as SMILES: " + e.getMessage(), e);
        }
    }

    /**
     * The scaffold keys of a list of SMILES, one per row, in row order.
     *
     * @throws InvalidInputException naming the row (counted from 1, and its 0-based index) of the first
     *                               SMILES that cannot be parsed or perceived
     */
    public static List<String> keys(List<String> smiles) {
        StructureParser parser = new StructureParser();
        List<String> keys = new ArrayList<>(smiles.size());
        for (int row = 0; row < smiles.size(); row++) {
            String text = smiles.get(row);
            try {
                if (text == null) {
                    throw new InvalidRecordException("smiles", "missing SMILES");
                }
                keys.add(key(parser.parseSmiles(text)));
            } catch (InvalidRecordException e) {
                throw new InvalidInputException("smiles", "row " + (row + 1) + " (index " + row + "): " + e.reason()
                        + "; a scaffold split needs every structure", e);
            }
        }
        return keys;
    }

    /**
     * The Murcko framework as a new molecule (the input's atoms are not shared), with hydrogen counts
     * adjusted for the removed substituents and aromatic flags from the perceived input. Empty for an
     * acyclic molecule. The input is perceived in place as for {@link #key}.
     */
    public static IAtomContainer framework(IAtomContainer molecule) {
        try {
            Perception.perceive(molecule);
        } catch (CDKException e) {
            throw new InvalidRecordException("structure", "cannot be perceived for its Murcko framework: " + e.getMessage(), e);
        }
        int n = molecule.getAtomCount();
        GraphUtil.EdgeToBondMap bonds = GraphUtil.EdgeToBondMap.withSpaceFor(molecule);
        int[][] neighbours = GraphUtil.toAdjList(molecule, bonds);
        boolean[] kept = ringsAndLinkers(neighbours);
        boolean[] inFramework = kept.clone();
        // RDKit keeps a side-chain atom double-bonded to a ring or linker atom (C=O, S=O, C=N, C=C)
        for (int atom = 0; atom < n; atom++) {
            if (kept[atom]) {
                continue;
            }
            for (int other : neighbours[atom]) {
                if (kept[other] && bonds.get(atom, other).getOrder() == IBond.Order.DOUBLE) {
                    inFramework[atom] = true;
                    break;
                }
            }
        }
        return copy(molecule, neighbours, bonds, inFramework);
    }

    /**
     * Strips atoms of degree one until none is left (Bemis and Murcko's side chains), in linear time;
     * what remains are ring atoms and the linkers between them. Isolated atoms (degree zero) go too.
     */
    private static boolean[] ringsAndLinkers(int[][] neighbours) {
        int n = neighbours.length;
        int[] degree = new int[n];
        boolean[] removed = new boolean[n];
        Deque<Integer> terminal = new ArrayDeque<>();
        for (int atom = 0; atom < n; atom++) {
            degree[atom] = neighbours[atom].length;
            if (degree[atom] <= 1) {
                terminal.add(atom);
            }
        }
        while (!terminal.isEmpty()) {
            int atom = terminal.poll();
            if (removed[atom]) {
                continue;
            }
            removed[atom] = true;
            for (int other : neighbours[atom]) {
                if (!removed[other] && --degree[other] == 1) {
                    terminal.add(other);
                }
            }
        }
        boolean[] kept = new boolean[n];
        for (int atom = 0; atom < n; atom++) {
            kept[atom] = !removed[atom];
        }
        return kept;
    }

    private static IAtomContainer copy(IAtomContainer molecule, int[][] neighbours, GraphUtil.EdgeToBondMap bonds, boolean[] inFramework) {
        IAtomContainer framework = molecule.getBuilder().newAtomContainer();
        int n = molecule.getAtomCount();
        int[] newIndex = new int[n];
        for (int atom = 0; atom < n; atom++) {
            if (!inFramework[atom]) {
                continue;
            }
            IAtom original = molecule.getAtom(atom);
            int hydrogens = original.getImplicitHydrogenCount() == null ? 0 : original.getImplicitHydrogenCount();
            for (int other : neighbours[atom]) {
                if (!inFramework[other]) {
                    // valence kept: the bond to a removed substituent becomes hydrogens, as RDKit recomputes them
                    Integer order = bonds.get(atom, other).getOrder().numeric();
                    hydrogens += order == null ? 1 : order;
                }
            }
            IAtom copy = molecule.getBuilder().newAtom();
            copy.setAtomicNumber(original.getAtomicNumber());
            copy.setSymbol(original.getSymbol());
            copy.setFormalCharge(original.getFormalCharge() == null ? 0 : original.getFormalCharge());
            copy.setImplicitHydrogenCount(hydrogens);
            copy.setIsAromatic(original.isAromatic());
            newIndex[atom] = framework.getAtomCount();
            framework.addAtom(copy);
        }
        for (IBond bond : molecule.bonds()) {
            int begin = molecule.indexOf(bond.getBegin());
            int end = molecule.indexOf(bond.getEnd());
            if (inFramework[begin] && inFramework[end]) {
                framework.addBond(newIndex[begin], newIndex[end], bond.getOrder());
                framework.getBond(framework.getBondCount() - 1).setIsAromatic(bond.isAromatic());
            }
        }
        return framework;
    }
}
