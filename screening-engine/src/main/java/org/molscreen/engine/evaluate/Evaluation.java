package org.molscreen.engine.evaluate;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The metrics of a model on one part of the data (validation or test), per endpoint and as the mean over
 * endpoints. The model card and the training report read this one object.
 *
 * <p>The headline metric, the one models are compared by, is ROC-AUC for classification and RMSE for
 * regression (Chemprop's defaults). Its mean over endpoints skips endpoints where it is {@code NaN} (an
 * endpoint with one class only in this part), as Chemprop does, and is {@code NaN} only if every endpoint is.
 *
 * @param endpoints one entry per model output, in output order; all of one kind (classification or regression)
 */
public record Evaluation(List<EndpointMetrics> endpoints) {

    public Evaluation {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("an evaluation has at least one endpoint");
        }
        Metric headline = endpoints.get(0).headline();
        Set<String> names = new HashSet<>();
        for (EndpointMetrics endpoint : endpoints) {
            if (endpoint.headline() != headline) {
                throw new IllegalArgumentException("endpoint " + endpoint.endpoint() + " is of another kind than "
                        + endpoints.get(0).endpoint() + "; an evaluation is all classification or all regression");
            }
            if (!names.add(endpoint.endpoint())) {
                throw new IllegalArgumentException("endpoint " + endpoint.endpoint() + " appears twice");
            }
        }
    }

    /**
     * Evaluates a model's predictions against labels.
     *
     * @param endpoints      endpoint names, in output order
     * @param classification whether the endpoints are binary (predictions are scores or probabilities) or continuous
     * @param predictions    {@code [row][endpoint]}; may be {@code NaN} only where the label is missing
     * @param labels         {@code [row][endpoint]}: 0/1 for classification, values for regression, {@code NaN} = missing
     * @throws IllegalArgumentException naming the row or endpoint when the shapes disagree, a label is not 0/1
     *                                  for classification, or a labelled row has no prediction
     */
    public static Evaluation of(List<String> endpoints, boolean classification, float[][] predictions, float[][] labels) {
        Objects.requireNonNull(endpoints, "endpoints");
        if (predictions.length != labels.length) {
            throw new IllegalArgumentException("predictions have " + predictions.length + " rows but labels have " + labels.length);
        }
        int width = endpoints.size();
        for (int row = 0; row < predictions.length; row++) {
            if (predictions[row].length != width || labels[row].length != width) {
                throw new IllegalArgumentException("row index " + row + " has " + predictions[row].length + " predictions and "
                        + labels[row].length + " labels; expected " + width + ", one per endpoint " + endpoints);
            }
        }
        EndpointMetrics[] results = new EndpointMetrics[width];
        for (int e = 0; e < width; e++) {
            double[] predicted = new double[predictions.length];
            double[] truth = new double[labels.length];
            for (int row = 0; row < predictions.length; row++) {
                predicted[row] = predictions[row][e];
                truth[row] = labels[row][e];
            }
            String name = endpoints.get(e);
            try {
                results[e] = classification
                        ? ClassificationMetrics.of(name, predicted, truth)
                        : RegressionMetrics.of(name, predicted, truth);
            } catch (IllegalArgumentException problem) {
                throw new IllegalArgumentException("endpoint " + name + ": " + problem.getMessage(), problem);
            }
        }
        return new Evaluation(List.of(results));
    }

    /** {@link Metric#ROC_AUC} for classification, {@link Metric#RMSE} for regression. */
    public Metric headline() {
        return endpoints.get(0).headline();
    }

    /** Whether the endpoints are binary. */
    public boolean classification() {
        return headline().classification();
    }

    /** The mean of the headline metric over the endpoints where it is defined. */
    public double mean() {
        return mean(headline());
    }

    /**
     * The standard error of {@link #mean()}: √(Σ SEᵢ²) / k over the k endpoints with a value, as if the endpoints'
     * errors were independent (Tox21's assays are correlated, so this understates it a little).
     *
     * @return {@code NaN} when no endpoint has a standard error
     */
    public double meanStandardError() {
        double squares = 0;
        int count = 0;
        for (EndpointMetrics endpoint : endpoints) {
            double error = endpoint.headlineStandardError();
            if (!Double.isNaN(error)) {
                squares += error * error;
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(squares) / count;
    }

    /**
     * The mean of a metric over the endpoints where it is defined ({@code NaN} skipped).
     *
     * @return {@code NaN} when no endpoint has a value
     * @throws IllegalArgumentException for a metric of the other kind
     */
    public double mean(Metric metric) {
        double sum = 0;
        int count = 0;
        for (EndpointMetrics endpoint : endpoints) {
            double value = endpoint.value(metric);
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * One endpoint's metrics.
     *
     * @throws IllegalArgumentException naming the endpoints there are
     */
    public EndpointMetrics endpoint(String name) {
        for (EndpointMetrics endpoint : endpoints) {
            if (endpoint.endpoint().equals(name)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("no endpoint '" + name + "'; endpoints are " + endpoints.stream().map(EndpointMetrics::endpoint).toList());
    }

    /**
     * The flat metric table a model card stores for this part of the data, in a fixed order: first the mean
     * over endpoints of each metric of the kind under its plain registry name ({@code roc_auc}, {@code pr_auc}
     * or {@code rmse}, {@code mae}, {@code r2}, {@code spearman}; for one endpoint, that endpoint's value),
     * then each endpoint's {@link EndpointMetrics#namedValues()} under {@code <endpoint>/<name>}, e.g.
     * {@code NR-AR/roc_auc}, {@code NR-AR/n}. Values may be {@code NaN}; JSON has no NaN, so a writer must
     * map it (to {@code null}, say). Unmodifiable.
     */
    public Map<String, Double> namedValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric.classification() == classification()) {
                values.put(metric.registryName(), mean(metric));
            }
        }
        for (EndpointMetrics endpoint : endpoints) {
            endpoint.namedValues().forEach((name, value) -> values.put(endpoint.endpoint() + "/" + name, value));
        }
        return Collections.unmodifiableMap(values);
    }
}
