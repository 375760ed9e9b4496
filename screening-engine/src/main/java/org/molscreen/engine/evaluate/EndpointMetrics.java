package org.molscreen.engine.evaluate;

import java.util.Map;

/**
 * The metrics of one endpoint (one model output) on one part of the data. Classification endpoints carry
 * ROC-AUC and PR-AUC, regression endpoints RMSE, MAE, R² and Spearman; both say how many labelled rows they
 * were computed on. Values may be {@code NaN} where the metric is undefined (see {@link Metrics}).
 */
public sealed interface EndpointMetrics permits ClassificationMetrics, RegressionMetrics {

    /** The endpoint's name as the model card lists it, e.g. {@code NR-AR} or {@code pIC50}. */
    String endpoint();

    /** Labelled rows the metrics were computed on (rows with a missing label are not counted). */
    int n();

    /** The metric models are compared by: {@link Metric#ROC_AUC} or {@link Metric#RMSE}. */
    Metric headline();

    /**
     * The value of a metric of this endpoint's kind.
     *
     * @throws IllegalArgumentException for a metric of the other kind (e.g. RMSE of a classifier)
     */
    double value(Metric metric);

    /**
     * The standard error of the headline metric on these rows, or {@code NaN} where the metric is undefined: how
     * far it would move on another draw of as many rows. {@code train}'s search uses it to tell a better candidate
     * from a luckier one.
     */
    double headlineStandardError();

    /**
     * The values by registry name, in a fixed order, counts included as numbers: classification
     * {@code roc_auc, pr_auc, n, positives}; regression {@code rmse, mae, r2, spearman, n}.
     * Unmodifiable; iteration order is stable, so cards and reports come out the same every time.
     */
    Map<String, Double> namedValues();
}
