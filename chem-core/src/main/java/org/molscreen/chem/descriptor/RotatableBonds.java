package org.molscreen.chem.descriptor;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Rotatable bonds by the "strict" definition that Daylight uses and RDKit reproduces
 * ({@code NumRotatableBonds} with {@code Strict}): a single, acyclic bond between two non-terminal atoms,
 * neither of which carries a triple bond or is the centre of a CF3, CCl3, CBr3 or tert-butyl group; amide,
 * thioamide, ester-like and amidinium C–N/O/S bonds are not rotatable. This is RDKit's SMARTS
 * {@link #STRICT_SMARTS}, evaluated in Java (one pass over the bonds); {@code RotatableBondsTest} checks
 * that the two agree, on hand-picked cases and on 2,000 NCI molecules.
 *
 * <p>Why Java rather than the SMARTS through {@code chem.smarts}: it runs on every molecule, and the
 * SMARTS, even on a graph already built, took 2.7-12 times as long as this class in three runs of
 * {@code SmartsMatcherBenchmark.rotatable*}: 5-12 µs more per molecule, on a descriptor pass of 40-50 µs.
 * Input: a perceived molecule with implicit hydrogens.
 */
public final class RotatableBonds {

    /** RDKit's strict rotatable-bond SMARTS, as compiled into Code/GraphMol/Descriptors/Lipinski.cpp (2022.09). */
    public static final String STRICT_SMARTS = "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)"
            + "&!$(C([CH3])([CH3])[CH3])&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])"
            + "&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]-,:;!@"
            + "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])]";

    private RotatableBonds() {
    }

    public static int count(IAtomContainer mol) {
        int count = 0;
        for (IBond bond : mol.bonds()) {
            if (bond.getOrder() != IBond.Order.SINGLE || bond.isAromatic() || bond.isInRing()) {
                continue;
            }
            IAtom u = bond.getBegin();
            IAtom v = bond.getEnd();
            if (!isEnd(mol, u) || !isEnd(mol, v)) {
                continue;
            }
            if (!amideLike(mol, u) || !amideLike(mol, v)) {
                count++;
            }
        }
        return count;
    }

    /** The conditions both ends of a rotatable bond meet. */
    private static boolean isEnd(IAtomContainer mol, IAtom atom) {
        if (heavyDegree(mol, atom) <= 1 || hasTripleBond(mol, atom)) {
            return false;
        }
        if (isAliphaticCarbon(atom)) {
            int fluorine = 0;
            int chlorine = 0;
            int bromine = 0;
            int methyl = 0;
            for (IAtom neighbour : mol.getConnectedAtomsList(atom)) {
                switch (element(neighbour)) {
                    case 9 -> fluorine++;
                    case 17 -> chlorine++;
                    case 35 -> bromine++;
                    case 6 -> {
                        if (isAliphaticCarbon(neighbour) && totalHydrogens(mol, neighbour) == 3) {
                            methyl++;
                        }
                    }
                    default -> {
                    }
                }
            }
            return fluorine < 3 && chlorine < 3 && bromine < 3 && methyl < 3;
        }
        return true;
    }

    /** The amide-like environments that RDKit's strict pattern excludes on one end of the bond. */
    private static boolean amideLike(IAtomContainer mol, IAtom atom) {
        if (isCarbonylLikeCarbon(mol, atom, false)) {
            for (IBond bond : mol.getConnectedBondsList(atom)) {
                if (isAcyclicSingle(bond) && isNos(mol, bond.getOther(atom))) {
                    return true;
                }
            }
        }
        if (isNos(mol, atom)) {
            for (IBond bond : mol.getConnectedBondsList(atom)) {
                if (isAcyclicSingle(bond) && isCarbonylLikeCarbon(mol, bond.getOther(atom), false)) {
                    return true;
                }
            }
        }
        if (isCarbonylLikeCarbon(mol, atom, true)) {
            for (IBond bond : mol.getConnectedBondsList(atom)) {
                IAtom other = bond.getOther(atom);
                if (isAcyclicSingle(bond) && element(other) == 7 && heavyDegree(mol, other) != 1) {
                    return true;
                }
            }
        }
        if (element(atom) == 7 && heavyDegree(mol, atom) != 1) {
            for (IBond bond : mol.getConnectedBondsList(atom)) {
                if (isAcyclicSingle(bond) && isCarbonylLikeCarbon(mol, bond.getOther(atom), true)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code [CD3]=[N,O,S]} or, with {@code iminium}, {@code [CD3]=[N+]}. */
    private static boolean isCarbonylLikeCarbon(IAtomContainer mol, IAtom atom, boolean iminium) {
        if (!isAliphaticCarbon(atom) || heavyDegree(mol, atom) != 3) {
            return false;
        }
        for (IBond bond : mol.getConnectedBondsList(atom)) {
            if (bond.getOrder() != IBond.Order.DOUBLE || bond.isAromatic()) {
                continue;
            }
            IAtom other = bond.getOther(atom);
            if (other.isAromatic()) {
                continue;
            }
            int z = element(other);
            if (iminium ? z == 7 && charge(other) == 1 : z == 7 || z == 8 || z == 16) {
                return true;
            }
        }
        return false;
    }

    /** {@code [#7,O,S!D1]}: any nitrogen, aliphatic oxygen, or aliphatic non-terminal sulfur. */
    private static boolean isNos(IAtomContainer mol, IAtom atom) {
        int z = element(atom);
        return z == 7
                || (z == 8 && !atom.isAromatic())
                || (z == 16 && !atom.isAromatic() && heavyDegree(mol, atom) != 1);
    }

    private static boolean isAcyclicSingle(IBond bond) {
        return bond.getOrder() == IBond.Order.SINGLE && !bond.isAromatic() && !bond.isInRing();
    }

    private static boolean hasTripleBond(IAtomContainer mol, IAtom atom) {
        for (IBond bond : mol.getConnectedBondsList(atom)) {
            if (bond.getOrder() == IBond.Order.TRIPLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAliphaticCarbon(IAtom atom) {
        return element(atom) == 6 && !atom.isAromatic();
    }

    /** SMARTS D: explicit connections; hydrogens are implicit here, so explicit H atoms count too. */
    private static int heavyDegree(IAtomContainer mol, IAtom atom) {
        return mol.getConnectedBondsCount(atom);
    }

    private static int totalHydrogens(IAtomContainer mol, IAtom atom) {
        int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
        for (IAtom neighbour : mol.getConnectedAtomsList(atom)) {
            if (element(neighbour) == 1) {
                hydrogens++;
            }
        }
        return hydrogens;
    }

    private static int element(IAtom atom) {
        return atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
    }

    private static int charge(IAtom atom) {
        return atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    }
}
