package org.molscreen.chem.descriptor;

import java.util.List;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Topological polar surface area (Ertl, Rohde and Selzer, J. Med. Chem. 2000, 43, 3714) in Å², from the
 * N and O contributions of Daylight's contrib program {@code tpsa.c}, which is also what RDKit computes
 * by default. S and P are not counted: Ertl found ADME correlations better without them.
 *
 * <p>Written here rather than taken from CDK's {@code TPSADescriptor} because that class fills a static
 * map in its constructor (racy across threads) and clones every molecule; this is a pure function.
 * Input: a perceived molecule with implicit hydrogens.
 */
public final class PolarSurfaceArea {

    private PolarSurfaceArea() {
    }

    public static double of(IAtomContainer mol) {
        double total = 0;
        for (IAtom atom : mol.atoms()) {
            Integer element = atom.getAtomicNumber();
            if (element != null && (element == 7 || element == 8)) {
                total += contribution(mol, atom, element);
            }
        }
        return total;
    }

    private static double contribution(IAtomContainer mol, IAtom atom, int element) {
        int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
        int charge = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
        int neighbours = 0;
        int single = 0;
        int dbl = 0;
        int triple = 0;
        int aromatic = 0;
        List<IBond> bonds = mol.getConnectedBondsList(atom);
        for (IBond bond : bonds) {
            IAtom other = bond.getOther(atom);
            if (other.getAtomicNumber() != null && other.getAtomicNumber() == 1) {
                hydrogens++;
                continue;
            }
            neighbours++;
            if (bond.isAromatic()) {
                aromatic++;
            } else if (bond.getOrder() == IBond.Order.SINGLE) {
                single++;
            } else if (bond.getOrder() == IBond.Order.DOUBLE) {
                dbl++;
            } else if (bond.getOrder() == IBond.Order.TRIPLE) {
                triple++;
            }
        }
        double value = -1;
        if (element == 7) {
            switch (neighbours) {
                case 1 -> {
                    if (hydrogens == 0 && triple == 1 && charge == 0) value = 23.79;
                    else if (hydrogens == 1 && dbl == 1 && charge == 0) value = 23.85;
                    else if (hydrogens == 2 && single == 1 && charge == 0) value = 26.02;
                    else if (hydrogens == 2 && dbl == 1 && charge == 1) value = 25.59;
                    else if (hydrogens == 3 && single == 1 && charge == 1) value = 27.64;
                }
                case 2 -> {
                    if (hydrogens == 0 && single == 1 && dbl == 1 && charge == 0) value = 12.36;
                    else if (hydrogens == 0 && triple == 1 && dbl == 1 && charge == 0) value = 13.60;
                    else if (hydrogens == 1 && single == 2 && charge == 0) value = inThreeRing(mol, atom) ? 21.94 : 12.03;
                    else if (hydrogens == 0 && triple == 1 && single == 1 && charge == 1) value = 4.36;
                    else if (hydrogens == 1 && dbl == 1 && single == 1 && charge == 1) value = 13.97;
                    else if (hydrogens == 2 && single == 2 && charge == 1) value = 16.61;
                    else if (hydrogens == 0 && aromatic == 2 && charge == 0) value = 12.89;
                    else if (hydrogens == 1 && aromatic == 2 && charge == 0) value = 15.79;
                    else if (hydrogens == 1 && aromatic == 2 && charge == 1) value = 14.14;
                }
                case 3 -> {
                    if (hydrogens == 0 && single == 3 && charge == 0) value = inThreeRing(mol, atom) ? 3.01 : 3.24;
                    else if (hydrogens == 0 && single == 1 && dbl == 2 && charge == 0) value = 11.68;
                    else if (hydrogens == 0 && single == 2 && dbl == 1 && charge == 1) value = 3.01;
                    else if (hydrogens == 1 && single == 3 && charge == 1) value = 4.44;
                    else if (hydrogens == 0 && aromatic == 3 && charge == 0) value = 4.41;
                    else if (hydrogens == 0 && single == 1 && aromatic == 2 && charge == 0) value = 4.93;
                    else if (hydrogens == 0 && dbl == 1 && aromatic == 2 && charge == 0) value = 8.39;
                    else if (hydrogens == 0 && aromatic == 3 && charge == 1) value = 4.10;
                    else if (hydrogens == 0 && single == 1 && aromatic == 2 && charge == 1) value = 3.88;
                }
                case 4 -> {
                    if (hydrogens == 0 && single == 4 && charge == 1) value = 0.0;
                }
                default -> {
                }
            }
            if (value < 0) {
                // tpsa.c's fallback for environments outside its table
                value = Math.max(0.0, 30.5 - neighbours * 8.2 + hydrogens * 1.5);
            }
        } else {
            switch (neighbours) {
                case 1 -> {
                    if (hydrogens == 0 && dbl == 1 && charge == 0) value = 17.07;
                    else if (hydrogens == 1 && single == 1 && charge == 0) value = 20.23;
                    else if (hydrogens == 0 && single == 1 && charge == -1) value = 23.06;
                }
                case 2 -> {
                    if (hydrogens == 0 && single == 2 && charge == 0) value = inThreeRing(mol, atom) ? 12.53 : 9.23;
                    else if (hydrogens == 0 && aromatic == 2 && charge == 0) value = 13.14;
                }
                default -> {
                }
            }
            if (value < 0) {
                value = Math.max(0.0, 28.5 - neighbours * 8.6 + hydrogens * 1.5);
            }
        }
        return value;
    }

    /** Whether two neighbours of the atom are bonded to each other. */
    private static boolean inThreeRing(IAtomContainer mol, IAtom atom) {
        if (!atom.isInRing()) {
            return false;
        }
        List<IAtom> neighbours = mol.getConnectedAtomsList(atom);
        for (int i = 0; i < neighbours.size(); i++) {
            for (int j = i + 1; j < neighbours.size(); j++) {
                if (mol.getBond(neighbours.get(i), neighbours.get(j)) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
