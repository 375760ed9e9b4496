package org.molscreen.engine.train;

import java.util.List;
import org.molscreen.engine.model.ModelCard;

/**
 * How to train a fingerprint network ensemble.
 *
 * @param hidden         sizes of the hidden ReLU layers, e.g. [512]
 * @param dropout        probability of dropping each input of a hidden layer in training (0 for none): DL4J applies a
 *                       layer's dropout to what enters it, so the fingerprint and descriptors are dropped, and the units
 *                       between hidden layers, but not the last hidden layer's units (dropping those too was measured
 *                       worse: BACE class on three scaffold splits)
 * @param learningRate   Adam's learning rate
 * @param l2             L2 weight decay
 * @param batchSize      minibatch size
 * @param maxEpochs      upper bound on epochs per network
 * @param patience       stop after this many epochs without a better validation loss; the best epoch is kept
 * @param ensembleSize   networks trained with different seeds; their spread is the uncertainty
 * @param seed           base seed: network k uses {@code seed + k}
 * @param positiveWeight weight of a positive label in the loss (classification; 1 = unweighted), against
 *                       the class imbalance of assay data
 * @param descriptors    whether the networks read the standardised descriptor block after the fingerprint
 * @param counts         whether the networks read log(1 + count) for each set bit instead of 1
 * @param search         candidates {@code train} tries on the validation part before training the ensemble
 *                       (1: train these settings as they are); candidate 1 is always these settings
 * @param searchMargin   how many standard errors of their validation score another candidate must beat these
 *                       settings by to replace them (0: the best score wins, however narrowly). A validation part
 *                       of a few hundred compounds ranks candidates partly by luck: on three scaffold splits of BACE,
 *                       the search's narrow winners (by 0.012 ROC-AUC, against a standard error of 0.03) did worse
 *                       on the test part than the settings asked for
 */
public record TrainerConfig(List<Integer> hidden, double dropout, double learningRate, double l2, int batchSize,
                            int maxEpochs, int patience, int ensembleSize, long seed, double positiveWeight,
                            boolean descriptors, boolean counts, int search, double searchMargin) {

    /** Measured on BACE class, BBBP, ESOL and FreeSolv, three scaffold splits each (README, screening-engine). */
    public static final double DEFAULT_SEARCH_MARGIN = 1.0;

    /** These settings with the default search margin. */
    public TrainerConfig(List<Integer> hidden, double dropout, double learningRate, double l2, int batchSize,
                         int maxEpochs, int patience, int ensembleSize, long seed, double positiveWeight,
                         boolean descriptors, boolean counts, int search) {
        this(hidden, dropout, learningRate, l2, batchSize, maxEpochs, patience, ensembleSize, seed, positiveWeight,
                descriptors, counts, search, DEFAULT_SEARCH_MARGIN);
    }

    public TrainerConfig {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || hidden.size() > 3 || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden layers: 1 to 3 positive sizes, got " + hidden);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (ensembleSize < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("ensemble size, batch size, epochs and patience must be positive");
        }
        if (search < 1) {
            throw new IllegalArgumentException("search needs at least 1 candidate, got " + search);
        }
        if (positiveWeight <= 0) {
            throw new IllegalArgumentException("positive weight must be positive, got " + positiveWeight);
        }
        if (!(searchMargin >= 0) || Double.isInfinite(searchMargin)) {
            throw new IllegalArgumentException("search margin must be a finite number of standard errors >= 0, got " + searchMargin);
        }
    }

    /** Defaults chosen by measurement on Tox21, hERG and BACE (see the README's model table). */
    public static TrainerConfig defaults() {
        return new TrainerConfig(List.of(256), 0.3, 1e-3, 1e-5, 128, 60, 6, 5, 42, 1.0, true, true, 8);
    }

    /**
     * What a model card records of these settings, with what training made of them: the settings describe
     * themselves (Tribuo's way), so a setting added here cannot be forgotten at the call site that writes the card.
     *
     * @param epochsTrained   the epoch kept per network
     * @param search          the search's candidates, or null when none ran
     * @param trainingSeconds wall-clock time of the whole training run, or null
     */
    public ModelCard.TrainerSettings settings(List<Integer> epochsTrained, List<ModelCard.SearchTrial> search,
                                              Double trainingSeconds, List<ModelCard.SearchTrial> members) {
        return new ModelCard.TrainerSettings(hidden, dropout, learningRate, l2, batchSize, maxEpochs, patience, ensembleSize,
                seed, positiveWeight, epochsTrained, search, trainingSeconds, members, search == null ? null : searchMargin);
    }

    /**
     * What a model card records of these settings as one candidate of the search: the choices the search
     * varies, with the candidate's validation score ({@code metric}) and the epoch its network kept.
     */
    public ModelCard.SearchTrial trial(String metric, double score, int epochs, boolean chosen) {
        return new ModelCard.SearchTrial(hidden, dropout, learningRate, positiveWeight, descriptors, counts, metric, score, epochs, chosen);
    }

    /** The same settings with another architecture and inputs: one candidate of the search. */
    TrainerConfig with(List<Integer> hidden, double dropout, double learningRate, double positiveWeight, boolean descriptors,
                       boolean counts, int ensembleSize) {
        return new TrainerConfig(hidden, dropout, learningRate, l2, batchSize, maxEpochs, patience, ensembleSize, seed,
                positiveWeight, descriptors, counts, search, searchMargin);
    }

    /** The same settings for {@code networks} more networks, seeded from {@code seed}, with no search of their own. */
    TrainerConfig seeds(int networks, long seed) {
        return new TrainerConfig(hidden, dropout, learningRate, l2, batchSize, maxEpochs, patience, networks, seed,
                positiveWeight, descriptors, counts, 1, searchMargin);
    }
}
