package org.molscreen.cluster.storage.javaserial;

import java.util.List;
import java.util.Map;

/** Frozen copy of release 0.1.0's {@code org.molscreen.engine.screen.Hit}, read only; never change it. */
public record Hit(FeaturizedMolecule molecule, double score, Map<String, CompoundPrediction> predictions,
                  double similarity, List<String> filteredBy) implements java.io.Serializable {
}
