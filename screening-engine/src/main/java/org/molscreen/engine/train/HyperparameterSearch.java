package org.molscreen.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.molscreen.engine.data.LabelledSet;
import org.molscreen.engine.evaluate.Evaluation;
import org.molscreen.engine.model.DescriptorBlock;
import org.molscreen.engine.model.ModelCard;
import org.nd4j.linalg.dataset.DataSet;

/**
 * {@code train}'s search: a few candidate settings (widths, depth, dropout, learning rate, inputs, class
 * weight), each trained as one network on the training part and scored on the validation part; the best
 * one is kept for the ensemble if it beats the settings asked for by more than the search margin (in standard
 * errors of their validation score), else the asked settings are. Candidates are drawn from a fixed grid by the run's seed, so the same
 * command makes the same choice; the first candidate is always the settings asked for. Every trial is
 * recorded in the card, so a user sees what was tried and by how much the choice won.
 */
final class HyperparameterSearch {

    /**
     * Widths whose scoring cost stays near today's 256+64: the sparse first layer costs ~40 set bits times
     * its width, a dense layer after it its width times the next one. 512+128 (65,536 multiply-adds per
     * compound) scored tox21 at a quarter of the speed of 256+64 and slowed a whole screen by 40%, measured
     * with ScreenThroughput; screening speed is part of what a model is.
     */
    private static final List<List<Integer>> WIDTHS = List.of(List.of(128), List.of(256), List.of(512), List.of(256, 64));

    private static final double[] DROPOUTS = {0.1, 0.25, 0.4, 0.5};
    private static final double[] LEARNING_RATES = {3e-4, 1e-3, 2e-3};

    /**
     * The chosen settings (ensemble size as asked), every trial, and the candidates' networks best first (empty
     * when no search ran; only the asked settings' network when no candidate beat them beyond the search margin):
     * the ensemble is drawn from them.
     */
    record Outcome(TrainerConfig chosen, List<ModelCard.SearchTrial> trials, List<Candidate> ranked) {
    }

    /** One candidate's settings, its network (trained on the training part, best epoch kept) and validation score. */
    record Candidate(TrainerConfig config, MultiLayerNetwork network, int epochs, double score) {
    }

    private HyperparameterSearch() {
    }

    /**
     * @param descriptorsAllowed false when the descriptors would let the networks tell presumed-inactive library
     *                           compounds from actives by their properties alone (decoys of another property
     *                           range), a shortcut that validation on the labelled data cannot see
     */
    static Outcome run(TrainerConfig asked, LabelledSet train, LabelledSet validation, boolean classification,
                       DescriptorBlock block, boolean descriptorsAllowed, Consumer<String> progress) {
        TrainerConfig start = descriptorsAllowed ? asked : asked.with(asked.hidden(), asked.dropout(), asked.learningRate(),
                asked.positiveWeight(), false, false, asked.ensembleSize());
        if (start.counts() && train.counts() == null) {
            // MACCS keys are presence tests: there is nothing to count
            start = start.with(start.hidden(), start.dropout(), start.learningRate(), start.positiveWeight(), start.descriptors(),
                    false, start.ensembleSize());
        }
        if (asked.search() <= 1 || validation.size() == 0) {
            return new Outcome(start, List.of(), List.of());
        }
        List<TrainerConfig> candidates = candidates(start, train, classification, descriptorsAllowed);
        List<Candidate> trained = new ArrayList<>();
        int best = 0;
        double askedError = Double.NaN;
        for (int i = 0; i < candidates.size(); i++) {
            TrainerConfig candidate = candidates.get(i);
            DescriptorBlock descriptors = candidate.descriptors() ? block : null;
            String trial = "search " + (i + 1) + "/" + candidates.size() + ", ";
            ModelTrainer.Ensemble one = new ModelTrainer(candidate).train(train, validation, classification, descriptors,
                    line -> progress.accept(trial + line));
            Evaluation evaluation = validationEvaluation(one.networks().get(0), validation, candidate.counts(), descriptors,
                    classification);
            double score = evaluation.mean();
            if (i == 0) {
                askedError = evaluation.meanStandardError();
            }
            trained.add(new Candidate(candidate, one.networks().get(0), one.epochsKept().get(0), score));
            if (better(score, trained.get(best).score(), classification)) {
                best = i;
            }
            progress.accept(String.format(java.util.Locale.ROOT, "search %d/%d: hidden %s, dropout %.2f, lr %.4f, positive weight %.1f, %s: validation %s %.4f",
                    i + 1, candidates.size(), candidate.hidden(), candidate.dropout(), candidate.learningRate(),
                    candidate.positiveWeight(), (candidate.counts() ? "fingerprint counts" : "fingerprint bits")
                            + (candidate.descriptors() ? " + descriptors" : ""),
                    classification ? "ROC-AUC" : "RMSE", score));
        }
        boolean keptAsked = best != 0 && withinNoise(trained.get(best).score(), trained.get(0).score(), askedError,
                start.searchMargin(), classification);
        if (keptAsked) {
            progress.accept(String.format(java.util.Locale.ROOT, "search: the settings asked for are kept: candidate %d's "
                            + "validation %s %.4f against %.4f is within %.1f standard error (%.4f) of them",
                    best + 1, classification ? "ROC-AUC" : "RMSE", trained.get(best).score(), trained.get(0).score(),
                    start.searchMargin(), askedError));
            best = 0;
        }
        List<ModelCard.SearchTrial> trials = new ArrayList<>();
        for (int i = 0; i < trained.size(); i++) {
            Candidate candidate = trained.get(i);
            trials.add(candidate.config().trial(classification ? "roc_auc" : "rmse", candidate.score(), candidate.epochs(), i == best));
        }
        List<Candidate> ranked = new ArrayList<>(trained);
        // stable: equal scores keep the earlier candidate first; NaN (a constant validation label) last
        ranked.sort((a, b) -> better(a.score(), b.score(), classification) ? -1 : better(b.score(), a.score(), classification) ? 1 : 0);
        // kept: the ensemble is seeds of the asked settings alone. Letting the candidates just below them join as near
        // ties, as they would around a clear winner, measured a little worse (three scaffold splits each: BACE class
        // 0.9072 -> 0.9069, BBBP 0.9324 -> 0.9302)
        return new Outcome(candidates.get(best), trials, keptAsked ? List.of(trained.get(0)) : List.copyOf(ranked));
    }

    /**
     * Whether the best candidate's validation score beats the asked settings' by no more than {@code margin} of
     * their standard errors, i.e. could be luck of the validation draw. An undefined error or score never holds the
     * winner back.
     */
    static boolean withinNoise(double bestScore, double askedScore, double askedError, double margin, boolean classification) {
        if (margin <= 0 || Double.isNaN(askedError) || Double.isNaN(askedScore) || Double.isNaN(bestScore)) {
            return false;
        }
        double gain = classification ? bestScore - askedScore : askedScore - bestScore;
        return gain <= margin * askedError;
    }

    /** NaN never wins; otherwise higher ROC-AUC or lower RMSE; a tie keeps the earlier candidate. */
    private static boolean better(double score, double incumbent, boolean classification) {
        if (Double.isNaN(score)) {
            return false;
        }
        if (Double.isNaN(incumbent)) {
            return true;
        }
        return classification ? score > incumbent : score < incumbent;
    }

    static List<TrainerConfig> candidates(TrainerConfig asked, LabelledSet train, boolean classification, boolean descriptorsAllowed) {
        Random random = new Random(asked.seed());
        boolean countsAllowed = descriptorsAllowed && train.counts() != null;
        double balanced = classification ? balancedWeight(train) : 1.0;
        Set<TrainerConfig> unique = new LinkedHashSet<>();
        unique.add(asked.with(asked.hidden(), asked.dropout(), asked.learningRate(), asked.positiveWeight(), asked.descriptors(),
                asked.counts(), 1));
        // bounded: the grid has 4 x 4 x 3 x 2 x 2 x 2 = 384 points, far more than any budget asked for
        for (int draws = 0; unique.size() < asked.search() && draws < 50 * asked.search(); draws++) {
            unique.add(asked.with(WIDTHS.get(random.nextInt(WIDTHS.size())), DROPOUTS[random.nextInt(DROPOUTS.length)],
                    LEARNING_RATES[random.nextInt(LEARNING_RATES.length)],
                    classification && random.nextBoolean() ? balanced : 1.0, random.nextBoolean() && descriptorsAllowed,
                    random.nextBoolean() && countsAllowed, 1));
        }
        return List.copyOf(unique);
    }

    /**
     * A positive-class weight that gives the positives of a typical endpoint about the weight of the negatives
     * (square root of the negative:positive ratio, at most 10: full balancing over-weights a few dozen
     * positives of a sparse assay).
     */
    static double balancedWeight(LabelledSet train) {
        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < train.size(); i++) {
            for (int e = 0; e < train.endpoints().size(); e++) {
                float value = train.label(i, e);
                if (!Float.isNaN(value)) {
                    if (value > 0.5f) {
                        positives++;
                    } else {
                        negatives++;
                    }
                }
            }
        }
        if (positives == 0) {
            return 1.0;
        }
        return Math.round(Math.min(10.0, Math.max(1.0, Math.sqrt((double) negatives / positives))) * 10) / 10.0;
    }

    /** Mean validation ROC-AUC or RMSE of one network reading the given inputs. */
    static double validationScore(MultiLayerNetwork network, LabelledSet validation, boolean counts, DescriptorBlock descriptors,
                                          boolean classification) {
        return validationEvaluation(network, validation, counts, descriptors, classification).mean();
    }

    /** One network's metrics on the validation part, reading the given inputs. */
    static Evaluation validationEvaluation(MultiLayerNetwork network, LabelledSet validation, boolean counts,
                                           DescriptorBlock descriptors, boolean classification) {
        int endpoints = validation.endpoints().size();
        float[] zeros = new float[endpoints];
        float[] ones = new float[endpoints];
        java.util.Arrays.fill(ones, 1f);
        DataSet data = ModelTrainer.toDataSet(validation, counts, descriptors, true, zeros, ones, 1.0);
        float[][] predicted = network.output(data.getFeatures(), false).toFloatMatrix();
        return Evaluation.of(validation.endpoints(), classification, predicted, validation.labels());
    }
}
