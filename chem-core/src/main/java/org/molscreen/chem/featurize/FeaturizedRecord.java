package org.molscreen.chem.featurize;

import org.molscreen.chem.io.RecordLocation;

/** The outcome of featurising one library record: its features, or why it has none. */
public sealed interface FeaturizedRecord permits FeaturizedMolecule, PartialMolecule, RejectedRecord {

    RecordLocation location();

    String id();
}
