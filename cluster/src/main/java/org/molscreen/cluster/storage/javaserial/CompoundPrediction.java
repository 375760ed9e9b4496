package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.engine.model.CompoundPrediction}, read only; never change it. */
public record CompoundPrediction(double[] mean, double[] std, double nearestTraining, boolean inDomain,
                                 double nearestActive) implements java.io.Serializable {
}
