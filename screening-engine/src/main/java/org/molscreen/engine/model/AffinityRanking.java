package org.molscreen.engine.model;

import org.molscreen.chem.RegistryNamed;

/**
 * Ways to rank library compounds for one affinity model: training compares them in its enrichment study
 * and records the result in the card, and a screen ranks by the one that did best ({@link #bestFor}). The
 * first endpoint is the affinity.
 */
public enum AffinityRanking implements RegistryNamed {
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

    /** The name of the ranking's metrics in a card's enrichment study ({@code model_x_similarity/ef1}, ...). */
    @Override
    public String registryName() {
        return registryName;
    }

    public abstract double score(CompoundPrediction prediction);

    /**
     * The ranking that found held-out actives best in the model's own enrichment study (highest EF1%, then
     * ROC-AUC, recorded in the card under {@code enrichment}); {@link #MODEL} when the card has no study.
     */
    public static AffinityRanking bestFor(ModelCard card) {
        java.util.Map<String, Double> study = card.metrics().get("enrichment");
        AffinityRanking best = MODEL;
        if (study == null) {
            return best;
        }
        double bestEf = study.getOrDefault(MODEL.registryName + "/ef1", Double.NaN);
        double bestAuc = study.getOrDefault(MODEL.registryName + "/roc_auc", Double.NaN);
        for (AffinityRanking ranking : values()) {
            Double ef = study.get(ranking.registryName + "/ef1");
            Double auc = study.get(ranking.registryName + "/roc_auc");
            if (ef == null || auc == null || ef.isNaN()) {
                continue;
            }
            if (Double.isNaN(bestEf) || ef > bestEf + 1e-9 || (Math.abs(ef - bestEf) <= 1e-9 && auc > bestAuc)) {
                best = ranking;
                bestEf = ef;
                bestAuc = auc;
            }
        }
        return best;
    }
}
