package org.molscreen.chem.descriptor;

/**
 * The eight molecular properties QED maps through its desirability functions (Bickerton et al., Nat. Chem.
 * 2012, 4, 90), defined as RDKit's {@code QED.properties} defines them.
 *
 * @param mw     average molecular weight, hydrogens included (Da)
 * @param alogp  Wildman–Crippen logP ({@link CrippenLogP})
 * @param hba    hydrogen-bond acceptors by QED's own eleven SMARTS
 * @param hbd    hydrogen-bond donors by RDKit's Lipinski donor SMARTS
 * @param psa    Ertl topological polar surface area, N and O only (Å²)
 * @param rotb   rotatable bonds, RDKit's "strict" definition (amide C–N, CF3, tert-butyl and the like excluded)
 * @param arom   rings left after deleting every aliphatic ring atom singly bonded to a non-aromatic atom;
 *               counts aromatic rings, and also, as RDKit does, rings such as fluorene's five-membered one
 *               and anthraquinone's middle one
 * @param alerts number of QED's structural alerts (unwanted substructures) found at least once
 */
public record QedProperties(double mw, double alogp, int hba, int hbd, double psa, int rotb, int arom, int alerts) {

    public QedProperties {
        if (!(mw >= 0) || Double.isInfinite(mw)) {
            throw new IllegalArgumentException("mw must be a finite weight >= 0, got " + mw);
        }
        if (!Double.isFinite(alogp)) {
            throw new IllegalArgumentException("alogp must be finite, got " + alogp);
        }
        if (!(psa >= 0) || Double.isInfinite(psa)) {
            throw new IllegalArgumentException("psa must be a finite area >= 0, got " + psa);
        }
        if (hba < 0 || hbd < 0 || rotb < 0 || arom < 0 || alerts < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got hba=" + hba + " hbd=" + hbd + " rotb=" + rotb
                    + " arom=" + arom + " alerts=" + alerts);
        }
    }
}
