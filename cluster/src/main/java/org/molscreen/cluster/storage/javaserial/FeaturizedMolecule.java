package org.molscreen.cluster.storage.javaserial;

import java.util.List;

/** Frozen copy of release 0.1.0's {@code org.molscreen.chem.featurize.FeaturizedMolecule}, read only; never change it. */
public record FeaturizedMolecule(RecordLocation location, String id, String smiles, Fingerprint fingerprint,
                                 MolecularDescriptors descriptors, List<String> alerts) implements java.io.Serializable {
}
