package org.molscreen.engine.screen;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a screen asks for.
 *
 * @param models        model names to run, in column order
 * @param rankModel     the model whose endpoint ranks the hits
 * @param rankEndpoint  that model's endpoint (index into its card's endpoints)
 * @param top           how many hits to keep
 * @param filters       property filters
 * @param maxTox        the highest toxicity probability allowed on any endpoint of any classification model
 *                      other than the ranking model, or null for no limit
 * @param similarTo     a reference active as SMILES, or null
 * @param minSimilarity the least Tanimoto similarity to {@code similarTo}
 * @param keepFiltered  keep filtered compounds in the ranking, with the reason, instead of dropping them
 */
public record ScreenSettings(List<String> models, String rankModel, int rankEndpoint, int top, Set<HitFilter> filters,
                             Double maxTox, String similarTo, double minSimilarity, boolean keepFiltered)
        implements java.io.Serializable {

    /** The most hits a screen keeps: enough for any follow-up, small enough to hold in memory. */
    public static final int MAX_TOP = 100_000;

    public ScreenSettings {
        models = List.copyOf(models);
        filters = Set.copyOf(filters);
        Objects.requireNonNull(rankModel, "rankModel");
        if (!models.contains(rankModel)) {
            throw new InvalidScreenException(ScreenField.RANK_BY, "the ranking model " + rankModel + " is not among the models " + models);
        }
        if (top < 1 || top > MAX_TOP) {
            throw new InvalidScreenException(ScreenField.TOP, "top must be 1.." + MAX_TOP + ", got " + top);
        }
        if (maxTox != null && (maxTox < 0 || maxTox > 1)) {
            throw new InvalidScreenException(ScreenField.MAX_TOX, "max tox is a probability in [0, 1], got " + maxTox);
        }
        if (minSimilarity < 0 || minSimilarity > 1) {
            throw new InvalidScreenException(ScreenField.MIN_SIMILARITY, "min similarity must be in [0, 1], got " + minSimilarity);
        }
    }
}
