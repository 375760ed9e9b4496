package org.molscreen.engine.train;

import org.molscreen.engine.model.CompoundPrediction;

/**
 * Ways to rank library compounds for one affinity model, compared in the enrichment study that training
 * runs. The first endpoint is the affinity.
 */
public enum AffinityRanking {
    /** The ensemble's mean predicted affinity. */
    MODEL("model") {
        @Override
        public double score(CompoundPrediction p) {
            return p.mean(0);
        }
    },
    /** Highest Tanimoto similarity to a training active, ignoring the network. */
    NEAREST_ACTIVE("nearest_active") {
        @Override
        public double score(CompoundPrediction p) {
            return p.nearestActive();
        }
    },
    /**
     * The prediction weighted by how close the compound is to known actives: a network extrapolates freely
     * far from its chemical series, so a high prediction counts only as far as similarity backs it.
     */
    MODEL_TIMES_SIMILARITY("model_x_similarity") {
        @Override
        public double score(CompoundPrediction p) {
            return p.mean(0) * p.nearestActive();
        }
    };

    private final String registryName;

    AffinityRanking(String registryName) {
        this.registryName = registryName;
    }

    public String registryName() {
        return registryName;
    }

    public abstract double score(CompoundPrediction prediction);
}
