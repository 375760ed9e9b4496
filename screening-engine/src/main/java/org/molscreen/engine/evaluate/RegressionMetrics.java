package org.molscreen.engine.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics of a continuous endpoint (e.g. pIC50). RMSE and MAE are in the endpoint's unit.
 *
 * @param endpoint the endpoint's name
 * @param rmse     {@link Metrics#rmse}; {@code NaN} when no row is labelled
 * @param mae      {@link Metrics#mae}; {@code NaN} when no row is labelled
 * @param r2       {@link Metrics#r2}; {@code NaN} with fewer than two labelled rows or a constant truth
 * @param spearman {@link Metrics#spearman}; {@code NaN} with fewer than two labelled rows or a constant side
 * @param n        labelled rows
 */
public record RegressionMetrics(String endpoint, double rmse, double mae, double r2, double spearman, int n)
        implements EndpointMetrics {

    public RegressionMetrics {
        Objects.requireNonNull(endpoint, "endpoint");
        if (n < 0) {
            throw new IllegalArgumentException("endpoint " + endpoint + ": negative row count " + n);
        }
    }

    /**
     * Computes the metrics of one endpoint.
     *
     * @param predicted one prediction per row
     * @param truth     the measured value per row, {@code NaN} where missing
     */
    public static RegressionMetrics of(String endpoint, double[] predicted, double[] truth) {
        Metrics.requireSameLength(predicted, truth);
        int n = 0;
        for (double value : truth) {
            if (!Double.isNaN(value)) {
                n++;
            }
        }
        return new RegressionMetrics(endpoint, Metrics.rmse(predicted, truth), Metrics.mae(predicted, truth),
                Metrics.r2(predicted, truth), Metrics.spearman(predicted, truth), n);
    }

    @Override
    public Metric headline() {
        return Metric.RMSE;
    }

    @Override
    public double value(Metric metric) {
        return switch (metric) {
            case RMSE -> rmse;
            case MAE -> mae;
            case R2 -> r2;
            case SPEARMAN -> spearman;
            default -> throw new IllegalArgumentException(metric.registryName() + " is a classification metric; endpoint "
                    + endpoint + " is a regression endpoint (rmse, mae, r2, spearman)");
        };
    }

    /**
     * The standard error of the RMSE for normally distributed errors: the mean squared error of n rows has variance
     * 2σ⁴/n, so by the delta method the RMSE's standard error is RMSE / √(2n).
     */
    @Override
    public double headlineStandardError() {
        return Double.isNaN(rmse) || n < 1 ? Double.NaN : rmse / Math.sqrt(2.0 * n);
    }

    @Override
    public Map<String, Double> namedValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(Metric.RMSE.registryName(), rmse);
        values.put(Metric.MAE.registryName(), mae);
        values.put(Metric.R2.registryName(), r2);
        values.put(Metric.SPEARMAN.registryName(), spearman);
        values.put("n", (double) n);
        return Collections.unmodifiableMap(values);
    }
}
