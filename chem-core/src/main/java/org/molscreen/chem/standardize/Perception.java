package org.molscreen.chem.standardize;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.Kekulization;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.tools.CDKHydrogenAdder;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * The one way molscreen perceives a molecule before anything reads its features: atom types,
 * implicit hydrogen counts, ring membership and aromaticity.
 *
 * <p>Aromaticity is always the Daylight model over all simple cycles (CDK {@code Aromaticity.Model.Daylight}
 * with {@code Cycles.or(Cycles.all(), Cycles.all(6))}), the model SMILES and SMARTS were defined for, so
 * that fingerprints, SMARTS alerts and canonical SMILES never disagree about which ring is aromatic.
 *
 * <p>Stateless; safe to call from any thread on molecules that are not shared between threads.
 */
public final class Perception {

    private static final Aromaticity DAYLIGHT =
            new Aromaticity(Aromaticity.Model.Daylight, Cycles.or(Cycles.all(), Cycles.all(6)));

    private Perception() {
    }

    /**
     * Perceives the molecule in place: sets atom types, fills implicit hydrogen counts that are unset
     * (molfiles leave them unset; SMILES sets them), marks ring atoms and bonds, and applies Daylight
     * aromaticity (existing aromatic flags are cleared first, so a molfile's aromatic bond type 4 or a
     * SMILES written with lower-case atoms ends up with the same flags as its Kekulé form).
     *
     * @throws CDKException when atom typing fails or aromatic bonds of a molfile admit no Kekulé form
     */
    public static IAtomContainer perceive(IAtomContainer mol) throws CDKException {
        boolean missingHydrogens = false;
        for (IAtom atom : mol.atoms()) {
            if (atom.getImplicitHydrogenCount() == null) {
                missingHydrogens = true;
                break;
            }
        }
        if (missingHydrogens) {
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(mol);
            CDKHydrogenAdder.getInstance(mol.getBuilder()).addImplicitHydrogens(mol);
        }
        for (IBond bond : mol.bonds()) {
            // molfile bond type 4 ("aromatic") leaves the order unset; Daylight perception needs a Kekulé form
            if (bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET) {
                Kekulization.kekulize(mol);
                break;
            }
        }
        Cycles.markRingAtomsAndBonds(mol);
        Aromaticity.clear(mol);
        DAYLIGHT.apply(mol);
        return mol;
    }
}
