package org.molscreen.chem.descriptor;

/**
 * The descriptors molscreen computes for every compound. Counts follow Lipinski's definitions where
 * Lipinski gave one.
 *
 * @param mw             average molecular weight (g/mol), standard atomic weights, hydrogens included
 * @param exactMass      monoisotopic mass (Da) of the most abundant isotopes, or of the isotopes written
 * @param clogp          Wildman–Crippen logP (J. Chem. Inf. Comput. Sci. 1999, 39, 868), as RDKit's MolLogP
 * @param tpsa           topological polar surface area (Ertl 2000), N and O only, Å²
 * @param hbd            H-bond donors, Lipinski: hydrogens on N and O
 * @param hba            H-bond acceptors, Lipinski: N and O atoms
 * @param rotb           rotatable bonds, strict (Daylight/RDKit) definition
 * @param heavyAtoms     non-hydrogen atoms
 * @param rings          smallest set of smallest rings (the cyclomatic number)
 * @param aromaticRings  rings of that set whose bonds are all aromatic
 * @param fsp3           fraction of carbons that are sp3 (0 when there is no carbon)
 * @param formalCharge   sum of formal charges
 * @param qed            quantitative estimate of drug-likeness (Bickerton et al. 2012), weighted mean, 0..1
 * @param topological    {@link TopologicalDescriptors}' values when a model that reads them asked for them, else
 *                       null; never stored with a library (callers must not modify the array)
 */
public record MolecularDescriptors(double mw, double exactMass, double clogp, double tpsa, int hbd, int hba,
                                   int rotb, int heavyAtoms, int rings, int aromaticRings, double fsp3,
                                   int formalCharge, double qed, double[] topological) implements java.io.Serializable {

    public MolecularDescriptors {
        if (topological != null && topological.length != TopologicalDescriptors.names().size()) {
            throw new IllegalArgumentException(topological.length + " topological descriptors, expected "
                    + TopologicalDescriptors.names().size());
        }
    }

    /** The descriptors every compound carries, without the topological block. */
    public MolecularDescriptors(double mw, double exactMass, double clogp, double tpsa, int hbd, int hba,
                                int rotb, int heavyAtoms, int rings, int aromaticRings, double fsp3,
                                int formalCharge, double qed) {
        this(mw, exactMass, clogp, tpsa, hbd, hba, rotb, heavyAtoms, rings, aromaticRings, fsp3, formalCharge, qed, null);
    }

    /** These descriptors with the topological block added (see {@link TopologicalDescriptors}). */
    public MolecularDescriptors withTopological(double[] values) {
        return new MolecularDescriptors(mw, exactMass, clogp, tpsa, hbd, hba, rotb, heavyAtoms, rings, aromaticRings, fsp3,
                formalCharge, qed, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MolecularDescriptors d && Double.compare(mw, d.mw) == 0 && Double.compare(exactMass, d.exactMass) == 0
                && Double.compare(clogp, d.clogp) == 0 && Double.compare(tpsa, d.tpsa) == 0 && hbd == d.hbd && hba == d.hba
                && rotb == d.rotb && heavyAtoms == d.heavyAtoms && rings == d.rings && aromaticRings == d.aromaticRings
                && Double.compare(fsp3, d.fsp3) == 0 && formalCharge == d.formalCharge && Double.compare(qed, d.qed) == 0
                && java.util.Arrays.equals(topological, d.topological);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(mw, exactMass, clogp, tpsa, hbd, hba, rotb, heavyAtoms, rings, aromaticRings, fsp3,
                formalCharge, qed) * 31 + java.util.Arrays.hashCode(topological);
    }

    @Override
    public String toString() {
        return "MolecularDescriptors[mw=" + mw + ", clogp=" + clogp + ", tpsa=" + tpsa + ", heavyAtoms=" + heavyAtoms
                + ", qed=" + qed + (topological == null ? "" : ", " + topological.length + " topological") + "]";
    }

    /** Stands in for descriptors a partial featurisation left out (see {@code FeatureSelection}); never shown. */
    public static final MolecularDescriptors NOT_COMPUTED =
            new MolecularDescriptors(Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, -1, -1, -1, -1, -1, Double.NaN, 0, Double.NaN);

    /**
     * Lipinski's rule of five (Adv. Drug Deliv. Rev. 1997, 23, 3): how many of MW &gt; 500, cLogP &gt; 5,
     * HBD &gt; 5 and HBA &gt; 10 the compound violates (0 to 4; Lipinski flags poor absorption at 2 or more).
     */
    public int ruleOfFiveViolations() {
        int violations = 0;
        if (mw > 500) {
            violations++;
        }
        if (clogp > 5) {
            violations++;
        }
        if (hbd > 5) {
            violations++;
        }
        if (hba > 10) {
            violations++;
        }
        return violations;
    }

    /** Veber's rule (J. Med. Chem. 2002, 45, 2615): at most 10 rotatable bonds and TPSA at most 140 Å². */
    public boolean veberPass() {
        return rotb <= 10 && tpsa <= 140.0;
    }
}
