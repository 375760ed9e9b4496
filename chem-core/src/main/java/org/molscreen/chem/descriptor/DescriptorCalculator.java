package org.molscreen.chem.descriptor;

import org.openscience.cdk.graph.ConnectedComponents;
import org.openscience.cdk.graph.GraphUtil;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Computes {@link MolecularDescriptors} for a perceived molecule with implicit hydrogens (see
 * {@code Perception}). Does not modify the molecule's structure.
 *
 * <p>Thread-safe: the Crippen and QED matchers it holds are immutable.
 */
public final class DescriptorCalculator {

    private final Qed qed = new Qed(new CrippenLogP());

    public MolecularDescriptors calculate(IAtomContainer mol) {
        double mw = AtomContainerManipulator.getMass(mol, AtomContainerManipulator.MolWeight);
        double exactMass = AtomContainerManipulator.getMass(mol, AtomContainerManipulator.MonoIsotopic);
        int heavy = 0;
        int hbd = 0;
        int hba = 0;
        int carbons = 0;
        int sp3Carbons = 0;
        int charge = 0;
        boolean anyAromatic = false;
        for (IAtom atom : mol.atoms()) {
            int z = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
            int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
            charge += atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
            if (z == 1) {
                continue;
            }
            heavy++;
            anyAromatic |= atom.isAromatic();
            if (z == 7 || z == 8) {
                hba++;
                hbd += hydrogens + explicitHydrogens(mol, atom);
            } else if (z == 6) {
                carbons++;
                if (onlySingleBonds(mol, atom)) {
                    sp3Carbons++;
                }
            }
        }
        int components = new ConnectedComponents(GraphUtil.toAdjList(mol)).nComponents();
        int rings = mol.getBondCount() - mol.getAtomCount() + components;
        int aromaticRings = anyAromatic ? aromaticRings(mol) : 0;
        // QED's eight properties include Crippen logP, Ertl TPSA and strict rotatable bonds: computed once, used twice
        QedProperties qedProperties = qed.properties(mol);
        return new MolecularDescriptors(mw, exactMass, qedProperties.alogp(), qedProperties.psa(), hbd, hba,
                qedProperties.rotb(), heavy, rings, aromaticRings,
                carbons == 0 ? 0.0 : (double) sp3Carbons / carbons, charge, qed.qed(qedProperties));
    }

    private static int explicitHydrogens(IAtomContainer mol, IAtom atom) {
        int count = 0;
        for (IAtom neighbour : mol.getConnectedAtomsList(atom)) {
            if (neighbour.getAtomicNumber() != null && neighbour.getAtomicNumber() == 1) {
                count++;
            }
        }
        return count;
    }

    private static boolean onlySingleBonds(IAtomContainer mol, IAtom atom) {
        if (atom.isAromatic()) {
            return false;
        }
        for (IBond bond : mol.getConnectedBondsList(atom)) {
            if (bond.getOrder() != IBond.Order.SINGLE || bond.isAromatic()) {
                return false;
            }
        }
        return true;
    }

    /** Rings of the SSSR whose every bond is aromatic, as RDKit's CalcNumAromaticRings. */
    private static int aromaticRings(IAtomContainer mol) {
        int count = 0;
        int[][] paths = Cycles.sssr(mol).paths();
        for (int[] path : paths) {
            boolean aromatic = true;
            for (int i = 0; i + 1 < path.length && aromatic; i++) {
                IBond bond = mol.getBond(mol.getAtom(path[i]), mol.getAtom(path[i + 1]));
                aromatic = bond != null && bond.isAromatic();
            }
            if (aromatic) {
                count++;
            }
        }
        return count;
    }
}
