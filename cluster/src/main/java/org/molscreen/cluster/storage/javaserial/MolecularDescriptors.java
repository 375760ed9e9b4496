package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.chem.descriptor.MolecularDescriptors}, read only; never change it. */
public record MolecularDescriptors(double mw, double exactMass, double clogp, double tpsa, int hbd, int hba,
                                   int rotb, int heavyAtoms, int rings, int aromaticRings, double fsp3,
                                   int formalCharge, double qed) implements java.io.Serializable {
}
