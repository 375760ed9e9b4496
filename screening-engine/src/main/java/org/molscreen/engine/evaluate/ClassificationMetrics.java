package org.molscreen.engine.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics of a binary endpoint.
 *
 * @param endpoint  the endpoint's name
 * @param rocAuc    {@link Metrics#rocAuc}; {@code NaN} when the labelled rows hold one class only
 * @param prAuc     {@link Metrics#averagePrecision}; {@code NaN} when the labelled rows hold one class only
 * @param n         labelled rows
 * @param positives labelled rows with label 1
 */
public record ClassificationMetrics(String endpoint, double rocAuc, double prAuc, int n, int positives)
        implements EndpointMetrics {

    public ClassificationMetrics {
        Objects.requireNonNull(endpoint, "endpoint");
        if (n < 0 || positives < 0 || positives > n) {
            throw new IllegalArgumentException("endpoint " + endpoint + ": " + positives + " positives of " + n + " labelled rows");
        }
    }

    /**
     * Computes the metrics of one endpoint.
     *
     * @param scores one score per row, higher = more likely positive
     * @param truth  0, 1 or {@code NaN} (missing) per row
     */
    public static ClassificationMetrics of(String endpoint, double[] scores, double[] truth) {
        Metrics.requireSameLength(scores, truth);
        int n = 0;
        int positives = 0;
        for (double label : truth) {
            if (!Double.isNaN(label)) {
                n++;
                if (label == 1) {
                    positives++;
                }
            }
        }
        return new ClassificationMetrics(endpoint, Metrics.rocAuc(scores, truth), Metrics.averagePrecision(scores, truth), n, positives);
    }

    @Override
    public Metric headline() {
        return Metric.ROC_AUC;
    }

    @Override
    public double value(Metric metric) {
        return switch (metric) {
            case ROC_AUC -> rocAuc;
            case PR_AUC -> prAuc;
            default -> throw new IllegalArgumentException(metric.registryName() + " is a regression metric; endpoint "
                    + endpoint + " is a classification endpoint (roc_auc, pr_auc)");
        };
    }

    /**
     * Hanley and McNeil's (1982) standard error of the ROC-AUC, from the AUC and the numbers of positives and
     * negatives alone (it takes the two classes' scores as exponentially distributed, which holds well enough for
     * choosing among candidates).
     */
    @Override
    public double headlineStandardError() {
        int negatives = n - positives;
        if (Double.isNaN(rocAuc) || positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double a = rocAuc;
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        double variance = (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a))
                / ((double) positives * negatives);
        return Math.sqrt(Math.max(0, variance));
    }

    @Override
    public Map<String, Double> namedValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(Metric.ROC_AUC.registryName(), rocAuc);
        values.put(Metric.PR_AUC.registryName(), prAuc);
        values.put("n", (double) n);
        values.put("positives", (double) positives);
        return Collections.unmodifiableMap(values);
    }
}
