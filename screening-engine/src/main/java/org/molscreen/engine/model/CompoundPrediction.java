package org.molscreen.engine.model;

/**
 * A model's prediction for one compound.
 *
 * @param mean              ensemble mean per endpoint (probability for classification, the unit of the
 *                          endpoint for regression)
 * @param std               ensemble standard deviation per endpoint (0 for a single network)
 * @param nearestTraining   highest Tanimoto similarity to any training compound
 * @param inDomain          whether {@code nearestTraining} reaches the model's applicability threshold
 * @param nearestActive     highest Tanimoto similarity to a training active (affinity models), else NaN
 */
public record CompoundPrediction(double[] mean, double[] std, double nearestTraining, boolean inDomain,
                                 double nearestActive) implements java.io.Serializable {

    public CompoundPrediction {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public double mean(int endpoint) {
        return mean[endpoint];
    }

    public double std(int endpoint) {
        return std[endpoint];
    }
}
