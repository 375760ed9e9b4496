package org.molscreen.engine.evaluate;

import org.molscreen.chem.RegistryNamed;

/**
 * A metric by its registry name. The name, not the constant, is what a model card stores, so these names
 * never change once released.
 */
public enum Metric implements RegistryNamed {
    /** Area under the ROC curve (Mann–Whitney U over positives × negatives, ties counted half). */
    ROC_AUC("roc_auc", true, true),
    /** Average precision, scikit-learn's step-wise area under the precision–recall curve. */
    PR_AUC("pr_auc", true, true),
    /** Root mean squared error, in the unit of the endpoint. */
    RMSE("rmse", false, false),
    /** Mean absolute error, in the unit of the endpoint. */
    MAE("mae", false, false),
    /** Coefficient of determination, 1 − SS_res / SS_tot. */
    R2("r2", false, true),
    /** Spearman rank correlation, average ranks for ties. */
    SPEARMAN("spearman", false, true);

    private final String registryName;
    private final boolean classification;
    private final boolean higherIsBetter;

    Metric(String registryName, boolean classification, boolean higherIsBetter) {
        this.registryName = registryName;
        this.classification = classification;
        this.higherIsBetter = higherIsBetter;
    }

    /** The stable snake_case name used in model cards, reports and the API. */
    @Override
    public String registryName() {
        return registryName;
    }

    /** Whether the metric scores binary classification (true) or regression (false). */
    public boolean classification() {
        return classification;
    }

    /** Whether a larger value is a better model; early stopping and model selection need the direction. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * The metric with this registry name (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static Metric fromName(String name) {
        return RegistryNamed.lookup(Metric.class, "metric", name);
    }
}
