package org.molscreen.engine.screen;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.engine.model.ModelCard;

/**
 * A screen as a user words it, on the command line or over HTTP: model names, {@code model[:endpoint]} to
 * rank by, filter names. {@link #resolve} checks it against the model cards and turns it into
 * {@link ScreenSettings}, so that both front ends accept and refuse the same things with the same words.
 *
 * @param models        model names, in column order (at least one)
 * @param rankBy        {@code model} or {@code model:endpoint}; null for the first model's first endpoint
 * @param top           hits to keep
 * @param filters       filter names (ro5, veber, pains)
 * @param maxTox        toxicity probability limit, or null
 * @param similarTo     reference SMILES, or null
 * @param minSimilarity least similarity to the reference
 * @param keepFiltered  keep filtered compounds, flagged
 */
public record ScreenRequest(List<String> models, String rankBy, int top, List<String> filters, Double maxTox,
                            String similarTo, double minSimilarity, boolean keepFiltered) {

    /** Hits kept when a request does not say. */
    public static final int DEFAULT_TOP = 100;
    /** Least similarity to the reference when a request does not say. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.3;

    public ScreenRequest {
        models = models == null ? List.of() : List.copyOf(models);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /**
     * The settings this request means.
     *
     * @param cards the card of a model by name; throws when there is no such model
     * @throws InvalidScreenException naming the field and what is wrong with it
     */
    public ScreenSettings resolve(Function<String, ModelCard> cards) {
        if (models.isEmpty()) {
            throw new InvalidScreenException(ScreenField.MODELS, "models: name at least one model");
        }
        if (models.stream().distinct().count() != models.size()) {
            throw new InvalidScreenException(ScreenField.MODELS, "models: a model is named twice in " + models);
        }
        java.util.Map<String, ModelCard> loaded = new java.util.LinkedHashMap<>();
        models.forEach(name -> loaded.put(name, cards.apply(name)));
        String rankModel = models.get(0);
        int rankEndpoint = 0;
        if (rankBy != null) {
            String[] parts = rankBy.split(":", 2);
            rankModel = parts[0];
            ModelCard card = loaded.get(rankModel);
            if (card == null) {
                throw new InvalidScreenException(ScreenField.RANK_BY,
                        "rank by " + rankBy + ": model " + rankModel + " is not among the models " + models);
            }
            if (parts.length == 2) {
                List<String> endpoints = card.endpoints().stream().map(ModelCard.Endpoint::name).toList();
                rankEndpoint = endpoints.indexOf(parts[1]);
                if (rankEndpoint < 0) {
                    throw new InvalidScreenException(ScreenField.RANK_BY, "rank by " + rankBy + ": model " + rankModel + " has no endpoint " + parts[1]
                            + "; endpoints: " + String.join(", ", endpoints));
                }
            }
        }
        Set<HitFilter> filterSet = EnumSet.noneOf(HitFilter.class);
        for (String filter : filters) {
            try {
                filterSet.add(HitFilter.fromName(filter));
            } catch (IllegalArgumentException e) {
                throw new InvalidScreenException(ScreenField.FILTERS, e.getMessage());
            }
        }
        if (similarTo != null) {
            checkReference(similarTo);
        }
        return new ScreenSettings(models, rankModel, rankEndpoint, top, filterSet, maxTox, similarTo, minSimilarity, keepFiltered);
    }

    /** A reference that cannot be read fails the request now, not the job later. */
    private static void checkReference(String smiles) {
        if (smiles.isBlank()) {
            throw new InvalidScreenException(ScreenField.SIMILAR_TO, "similar to: empty SMILES");
        }
        Screening.referenceFingerprint(smiles, FeaturizerOptions.defaults());
    }
}
