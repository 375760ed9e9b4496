package org.molscreen.chem.standardize;

import java.util.ArrayList;
import java.util.List;
import org.molscreen.chem.InvalidRecordException;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Brings a parsed molecule to the one form molscreen scores, in this order:
 * <ol>
 *   <li><b>Explicit hydrogens</b> become implicit counts (isotopic and stereo-bearing hydrogens are kept,
 *       as CDK's {@code suppressHydrogens} does).</li>
 *   <li><b>Largest organic fragment.</b> Salts, counter-ions and solvents are dropped: of the connected
 *       fragments that contain carbon, the one with the most atoms, hydrogens included, is kept (MolVS's
 *       rule: triethylamine beats trifluoroacetate although both have seven heavy atoms); ties go to the
 *       larger molecular weight, then to the lexically smaller canonical SMILES, so the choice never
 *       depends on the order fragments were written in. A record with no carbon at all keeps its largest fragment.</li>
 *   <li><b>Neutralisation where a neutral form exists</b> (the rules of RDKit's/MolVS's "uncharger"):
 *       a positive N, P, S or O that carries hydrogen loses one (protonated amine to amine); a negative O,
 *       S, N or C that is not bonded to a positive atom gains one (carboxylate to acid, thiolate to thiol),
 *       except that as many anions stay charged as there are positive atoms that cannot lose a hydrogen
 *       (quaternary ammonium), so a real zwitterion such as a betaine stays balanced. Charge-separated
 *       groups with adjacent opposite charges ({@code [N+](=O)[O-]} nitro, N-oxides, ylides) are left as
 *       written, since they have no neutral form in that valence model. Metals keep their charges.</li>
 *   <li><b>Aromaticity</b> with one fixed model: {@link Perception} (Daylight, all simple cycles).</li>
 *   <li><b>Canonical SMILES</b>: CDK's canonical, isomeric (stereo and isotopes kept) SMILES with aromatic
 *       lower-case symbols.</li>
 * </ol>
 * Tautomers are not canonicalised: two tautomers of a compound stay two structures.
 *
 * <p>Stateless and thread-safe. The input molecule is changed in place and returned (or a fragment of it).
 */
public final class Standardizer {

    /** Canonical without stereo or isotopes: about 12 µs a molecule. */
    private static final SmilesGenerator CANONICAL =
            new SmilesGenerator(SmiFlavor.Canonical | SmiFlavor.UseAromaticSymbols);
    /**
     * Canonical with stereo and isotopes: CDK canonicalises stereo through InChI numbering (cdk-inchi), about
     * 15 times slower, so it is used only for molecules that have stereo or isotopes to write.
     */
    private static final SmilesGenerator ABSOLUTE =
            new SmilesGenerator(SmiFlavor.Absolute | SmiFlavor.UseAromaticSymbols);

    /** Standardises the molecule (steps 1 to 4 above) and returns the kept fragment, perceived. */
    public IAtomContainer standardize(IAtomContainer mol) {
        try {
            IAtomContainer kept = largestOrganicFragment(AtomContainerManipulator.suppressHydrogens(mol));
            neutralise(kept);
            return Perception.perceive(kept);
        } catch (CDKException e) {
            throw new InvalidRecordException("structure", "cannot be standardised: " + e.getMessage(), e);
        }
    }

    /** Perceives the molecule as written (no fragment or charge changes): for {@code --no-standardize}. */
    public IAtomContainer asGiven(IAtomContainer mol) {
        try {
            return Perception.perceive(AtomContainerManipulator.suppressHydrogens(mol));
        } catch (CDKException e) {
            throw new InvalidRecordException("structure", "cannot be perceived: " + e.getMessage(), e);
        }
    }

    /** The canonical SMILES of a perceived molecule. */
    public String canonicalSmiles(IAtomContainer perceived) {
        try {
            return (needsAbsolute(perceived) ? ABSOLUTE : CANONICAL).create(perceived);
        } catch (CDKException e) {
            throw new InvalidRecordException("structure", "cannot be written as SMILES: " + e.getMessage(), e);
        }
    }

    private static boolean needsAbsolute(IAtomContainer mol) {
        if (mol.stereoElements().iterator().hasNext()) {
            return true;
        }
        for (IAtom atom : mol.atoms()) {
            if (atom.getMassNumber() != null) {
                return true;
            }
        }
        return false;
    }

    static IAtomContainer largestOrganicFragment(IAtomContainer mol) throws CDKException {
        if (ConnectivityChecker.isConnected(mol)) {
            return mol;
        }
        IAtomContainerSet fragments = ConnectivityChecker.partitionIntoMolecules(mol);
        List<IAtomContainer> candidates = new ArrayList<>();
        for (IAtomContainer fragment : fragments.atomContainers()) {
            if (hasCarbon(fragment)) {
                candidates.add(fragment);
            }
        }
        if (candidates.isEmpty()) {
            for (IAtomContainer fragment : fragments.atomContainers()) {
                candidates.add(fragment);
            }
        }
        IAtomContainer best = null;
        int bestHeavy = -1;
        double bestMass = -1;
        String bestSmiles = null;
        for (IAtomContainer fragment : candidates) {
            int heavy = atomsWithHydrogens(fragment);
            if (heavy < bestHeavy) {
                continue;
            }
            double mass = AtomContainerManipulator.getMass(fragment, AtomContainerManipulator.MolWeight);
            if (heavy == bestHeavy && mass < bestMass - 1e-9) {
                continue;
            }
            if (heavy == bestHeavy && Math.abs(mass - bestMass) <= 1e-9) {
                String smiles = CANONICAL.create(fragment);
                if (bestSmiles == null) {
                    bestSmiles = CANONICAL.create(best);
                }
                if (smiles.compareTo(bestSmiles) >= 0) {
                    continue;
                }
                bestSmiles = smiles;
            } else {
                bestSmiles = null;
            }
            best = fragment;
            bestHeavy = heavy;
            bestMass = mass;
        }
        return best;
    }

    static void neutralise(IAtomContainer mol) {
        int lockedPositives = 0;
        List<IAtom> anions = new ArrayList<>();
        for (IAtom atom : mol.atoms()) {
            int charge = charge(atom);
            if (charge == 0 || isMetal(atom) || hasOppositelyChargedNeighbour(mol, atom)) {
                continue;
            }
            if (charge > 0) {
                int element = atom.getAtomicNumber();
                boolean canLoseHydrogen = element == 7 || element == 15 || element == 16 || element == 8;
                int hydrogens = hydrogens(atom);
                if (canLoseHydrogen && hydrogens > 0) {
                    int removable = Math.min(charge, hydrogens);
                    atom.setImplicitHydrogenCount(hydrogens - removable);
                    atom.setFormalCharge(charge - removable);
                    lockedPositives += charge - removable;
                } else {
                    lockedPositives += charge;
                }
            } else if (isNeutralisableAnion(atom)) {
                anions.add(atom);
            }
        }
        int keepCharged = Math.min(lockedPositives, anions.size());
        for (int i = keepCharged; i < anions.size(); i++) {
            IAtom atom = anions.get(i);
            int charge = charge(atom);
            atom.setImplicitHydrogenCount(hydrogens(atom) - charge);
            atom.setFormalCharge(0);
        }
    }

    private static boolean isNeutralisableAnion(IAtom atom) {
        int element = atom.getAtomicNumber();
        return element == 8 || element == 16 || element == 7 || element == 6 || element == 34;
    }

    private static boolean hasOppositelyChargedNeighbour(IAtomContainer mol, IAtom atom) {
        int sign = Integer.signum(charge(atom));
        for (IBond bond : mol.getConnectedBondsList(atom)) {
            if (Integer.signum(charge(bond.getOther(atom))) == -sign) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMetal(IAtom atom) {
        int z = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
        return switch (z) {
            case 1, 2, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 33, 34, 35, 36, 52, 53, 54, 85, 86 -> false;
            default -> z != 0;
        };
    }

    private static boolean hasCarbon(IAtomContainer fragment) {
        for (IAtom atom : fragment.atoms()) {
            if (atom.getAtomicNumber() != null && atom.getAtomicNumber() == 6) {
                return true;
            }
        }
        return false;
    }

    private static int atomsWithHydrogens(IAtomContainer fragment) {
        int atoms = 0;
        for (IAtom atom : fragment.atoms()) {
            atoms += 1 + hydrogens(atom);
        }
        return atoms;
    }

    private static int charge(IAtom atom) {
        return atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    }

    private static int hydrogens(IAtom atom) {
        return atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
    }
}
