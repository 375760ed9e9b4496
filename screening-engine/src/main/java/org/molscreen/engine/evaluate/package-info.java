/**
 * How well a model predicts: ranking and regression metrics computed exactly as scikit-learn and SciPy
 * define them ({@link org.molscreen.engine.evaluate.Metrics}), per-endpoint results and their mean
 * ({@link org.molscreen.engine.evaluate.Evaluation}), and enrichment of known actives among decoys
 * ({@link org.molscreen.engine.evaluate.Enrichment}).
 *
 * <p>Metric names ({@code roc_auc}, {@code pr_auc}, {@code rmse}, {@code mae}, {@code r2}, {@code spearman})
 * are registry names: model cards, reports and the API spell them the same way, so renaming an enum
 * constant never changes a card.
 *
 * <p>Everything here is a pure function or an immutable value and is thread-safe. Inputs are never changed.
 * A metric that is undefined for its input (one class only, constant truth, too few labelled rows) is
 * {@code NaN}, never an exception, because a sparse multitask endpoint can legitimately lack one class in a
 * validation fold; malformed input (lengths that differ, a label that is not 0/1, a missing prediction for a
 * labelled row) is an {@link java.lang.IllegalArgumentException} that says where.
 */
package org.molscreen.engine.evaluate;
