package org.molscreen.engine.evaluate;

import java.util.Arrays;

/**
 * Classification and regression metrics with the definitions of scikit-learn 1.x ({@code roc_auc_score},
 * {@code average_precision_score}, {@code mean_squared_error}, {@code mean_absolute_error}, {@code r2_score})
 * and SciPy ({@code spearmanr}), so a number in a model card means what a chemist who uses those tools
 * expects. The test resources hold the Python script that produced the reference values and its output.
 *
 * <p><b>Inputs.</b> {@code scores} (or {@code predicted}) and {@code truth} have one entry per row. A
 * {@code NaN} truth is a missing label: that row is left out of the metric (pairwise, as Chemprop masks
 * multitask labels). A {@code NaN} score on a labelled row is a model fault and is refused, since quietly
 * dropping it would flatter the model. For classification the labels are 0 (negative) or 1 (positive).
 *
 * <p><b>Undefined cases are {@code NaN}</b>, documented per method, where scikit-learn would raise or warn:
 * ROC-AUC and PR-AUC need both classes among the labelled rows (scikit-learn returns 1.0 for average
 * precision over positives only, which says nothing about ranking, so {@code NaN} here); RMSE and MAE need at
 * least one labelled row; R² and Spearman need at least two and a truth that is not constant (scikit-learn's
 * {@code force_finite} would report 1.0 or 0.0 for a constant truth; we report {@code NaN}).
 *
 * <p><b>Exactness.</b> ROC-AUC is an exact integer count of pairs divided once; sums use Neumaier
 * compensated summation, so results do not depend on row order beyond the last bit and agree with the
 * references to about 1e-15.
 *
 * <p>Pure static functions: thread-safe; inputs are never changed.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random negative,
     * a tie counting one half (Mann–Whitney U / (P·N)). Equal to scikit-learn's {@code roc_auc_score}.
     * O(n log n).
     *
     * @param scores higher means more likely positive; any finite or infinite value
     * @param truth  0, 1 or {@code NaN} (missing, skipped)
     * @return the AUC in [0, 1], or {@code NaN} when the labelled rows hold only one class (or none)
     */
    public static double rocAuc(double[] scores, double[] truth) {
        Classes classes = Classes.of(scores, truth);
        if (classes.undefined()) {
            return Double.NaN;
        }
        return mannWhitneyAuc(classes.positives, classes.negatives);
    }

    /**
     * Average precision, scikit-learn's {@code average_precision_score}: Σ (R_k − R_{k−1}) · P_k over the
     * distinct score thresholds in descending order, where all rows tied at a threshold enter together (no
     * interpolation, no trapezoids). A tie between positives and negatives therefore costs precision at that
     * threshold and cannot be ordered in the model's favour.
     *
     * @param scores higher means more likely positive
     * @param truth  0, 1 or {@code NaN} (missing, skipped)
     * @return the average precision in [0, 1], or {@code NaN} when the labelled rows hold only one class
     */
    public static double averagePrecision(double[] scores, double[] truth) {
        Classes classes = Classes.of(scores, truth);
        if (classes.undefined()) {
            return Double.NaN;
        }
        double[] pos = sortedCopy(classes.positives);
        double[] neg = sortedCopy(classes.negatives);
        int i = pos.length - 1;
        int j = neg.length - 1;
        long truePositives = 0;
        long falsePositives = 0;
        Sum sum = new Sum();
        // Thresholds after the last positive add no recall, so the walk ends there, as scikit-learn's curve does.
        while (i >= 0) {
            double threshold = j >= 0 ? Math.max(pos[i], neg[j]) : pos[i];
            long newPositives = 0;
            while (i >= 0 && pos[i] == threshold) {
                i--;
                newPositives++;
            }
            while (j >= 0 && neg[j] == threshold) {
                j--;
                falsePositives++;
            }
            truePositives += newPositives;
            if (newPositives > 0) {
                sum.add(newPositives * ((double) truePositives / (truePositives + falsePositives)));
            }
        }
        return sum.value() / pos.length;
    }

    /**
     * Root mean squared error, √(Σ (predicted − truth)² / n), in the endpoint's unit.
     *
     * @return {@code NaN} when no row is labelled
     */
    public static double rmse(double[] predicted, double[] truth) {
        Pairs pairs = Pairs.of(predicted, truth);
        if (pairs.size() == 0) {
            return Double.NaN;
        }
        Sum sum = new Sum();
        for (int k = 0; k < pairs.size(); k++) {
            double error = pairs.predicted[k] - pairs.truth[k];
            sum.add(error * error);
        }
        return Math.sqrt(sum.value() / pairs.size());
    }

    /**
     * Mean absolute error, Σ |predicted − truth| / n, in the endpoint's unit.
     *
     * @return {@code NaN} when no row is labelled
     */
    public static double mae(double[] predicted, double[] truth) {
        Pairs pairs = Pairs.of(predicted, truth);
        if (pairs.size() == 0) {
            return Double.NaN;
        }
        Sum sum = new Sum();
        for (int k = 0; k < pairs.size(); k++) {
            sum.add(Math.abs(pairs.predicted[k] - pairs.truth[k]));
        }
        return sum.value() / pairs.size();
    }

    /**
     * Coefficient of determination, scikit-learn's {@code r2_score}: 1 − Σ (truth − predicted)² / Σ (truth − mean)².
     * Can be negative (worse than predicting the mean).
     *
     * @return {@code NaN} with fewer than two labelled rows or a constant truth
     */
    public static double r2(double[] predicted, double[] truth) {
        Pairs pairs = Pairs.of(predicted, truth);
        int n = pairs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(pairs.truth);
        Sum residual = new Sum();
        Sum total = new Sum();
        for (int k = 0; k < n; k++) {
            double error = pairs.truth[k] - pairs.predicted[k];
            double deviation = pairs.truth[k] - mean;
            residual.add(error * error);
            total.add(deviation * deviation);
        }
        if (total.value() == 0) {
            return Double.NaN;
        }
        return 1 - residual.value() / total.value();
    }

    /**
     * Spearman rank correlation, SciPy's {@code spearmanr}: Pearson correlation of the ranks, tied values
     * getting the average of the ranks they span.
     *
     * @return a value in [−1, 1], or {@code NaN} with fewer than two labelled rows or when either side is constant
     */
    public static double spearman(double[] predicted, double[] truth) {
        Pairs pairs = Pairs.of(predicted, truth);
        if (pairs.size() < 2) {
            return Double.NaN;
        }
        return pearson(averageRanks(pairs.predicted), averageRanks(pairs.truth));
    }

    /**
     * Mann–Whitney AUC of two score samples: pairs where the positive is higher count 1, ties 1/2. Counted
     * exactly in a {@code long} (twice U), then divided once.
     */
    static double mannWhitneyAuc(double[] positives, double[] negatives) {
        double[] pos = sortedCopy(positives);
        double[] neg = sortedCopy(negatives);
        long twiceU = 0;
        int below = 0;
        int i = 0;
        while (i < pos.length) {
            double value = pos[i];
            int end = i;
            while (end < pos.length && pos[end] == value) {
                end++;
            }
            while (below < neg.length && neg[below] < value) {
                below++;
            }
            int tiedEnd = below;
            while (tiedEnd < neg.length && neg[tiedEnd] == value) {
                tiedEnd++;
            }
            twiceU += (long) (end - i) * (2L * below + (tiedEnd - below));
            i = end;
        }
        return twiceU / (2.0 * pos.length * neg.length);
    }

    /** Ranks 1..n, tied values sharing the mean of the ranks they occupy. */
    static double[] averageRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            // == rather than Double.compare, so that -0.0 and 0.0 tie as they do in SciPy
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = rank;
            }
            start = end;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        double meanX = mean(x);
        double meanY = mean(y);
        Sum sxy = new Sum();
        Sum sxx = new Sum();
        Sum syy = new Sum();
        for (int k = 0; k < x.length; k++) {
            double dx = x[k] - meanX;
            double dy = y[k] - meanY;
            sxy.add(dx * dy);
            sxx.add(dx * dx);
            syy.add(dy * dy);
        }
        if (sxx.value() == 0 || syy.value() == 0) {
            return Double.NaN;
        }
        double r = sxy.value() / Math.sqrt(sxx.value() * syy.value());
        return Math.max(-1, Math.min(1, r));
    }

    private static double mean(double[] values) {
        Sum sum = new Sum();
        for (double value : values) {
            sum.add(value);
        }
        return sum.value() / values.length;
    }

    private static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static void requireSameLength(double[] scores, double[] truth) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException("scores have " + scores.length + " rows but truth has " + truth.length);
        }
    }

    /** The scores of the labelled rows, split by class. */
    private record Classes(double[] positives, double[] negatives) {

        static Classes of(double[] scores, double[] truth) {
            requireSameLength(scores, truth);
            int positives = 0;
            int negatives = 0;
            for (int k = 0; k < truth.length; k++) {
                double label = truth[k];
                if (Double.isNaN(label)) {
                    continue;
                }
                if (label == 1) {
                    positives++;
                } else if (label == 0) {
                    negatives++;
                } else {
                    throw new IllegalArgumentException("label at row index " + k + " is " + label + "; expected 0, 1 or NaN (missing)");
                }
                if (Double.isNaN(scores[k])) {
                    throw new IllegalArgumentException("score at row index " + k + " is NaN but the row is labelled " + label);
                }
            }
            double[] pos = new double[positives];
            double[] neg = new double[negatives];
            int p = 0;
            int q = 0;
            for (int k = 0; k < truth.length; k++) {
                if (truth[k] == 1) {
                    pos[p++] = scores[k];
                } else if (truth[k] == 0) {
                    neg[q++] = scores[k];
                }
            }
            return new Classes(pos, neg);
        }

        boolean undefined() {
            return positives.length == 0 || negatives.length == 0;
        }
    }

    /** Predicted and true values of the labelled rows, in row order. */
    private record Pairs(double[] predicted, double[] truth) {

        static Pairs of(double[] predicted, double[] truth) {
            requireSameLength(predicted, truth);
            int n = 0;
            for (int k = 0; k < truth.length; k++) {
                if (!Double.isNaN(truth[k])) {
                    if (Double.isNaN(predicted[k])) {
                        throw new IllegalArgumentException("prediction at row index " + k + " is NaN but the row is labelled " + truth[k]);
                    }
                    n++;
                }
            }
            double[] x = new double[n];
            double[] y = new double[n];
            int m = 0;
            for (int k = 0; k < truth.length; k++) {
                if (!Double.isNaN(truth[k])) {
                    x[m] = predicted[k];
                    y[m] = truth[k];
                    m++;
                }
            }
            return new Pairs(x, y);
        }

        int size() {
            return truth.length;
        }
    }

    /**
     * Neumaier's compensated sum: keeps the low-order bits a plain running sum loses, so a mean over a
     * million rows does not drift with row order. A local accumulator, never shared.
     */
    private static final class Sum {
        private double sum;
        private double compensation;

        void add(double value) {
            double t = sum + value;
            if (!Double.isFinite(t)) {
                // an infinite or NaN total stays so; compensating it would only turn inf into NaN
                sum = t;
                compensation = 0;
                return;
            }
            if (Math.abs(sum) >= Math.abs(value)) {
                compensation += (sum - t) + value;
            } else {
                compensation += (value - t) + sum;
            }
            sum = t;
        }

        double value() {
            return Double.isFinite(sum) ? sum + compensation : sum;
        }
    }
}
