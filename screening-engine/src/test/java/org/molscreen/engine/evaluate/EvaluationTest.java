package org.molscreen.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final float NAN = Float.NaN;

    @Test
    void multitaskClassificationAveragesTheEndpointsThatHaveBothClasses() {
        // endpoint A: the docs example (0.75); B: perfect (1.0); C: only negatives labelled -> NaN
        float[][] predictions = {
            {0.1f, 0.2f, 0.5f},
            {0.4f, 0.1f, 0.6f},
            {0.35f, 0.9f, 0.7f},
            {0.8f, 0.8f, 0.2f},
        };
        float[][] labels = {
            {0, 0, 0},
            {0, 0, NAN},
            {1, 1, 0},
            {1, NAN, NAN},
        };
        Evaluation evaluation = Evaluation.of(List.of("A", "B", "C"), true, predictions, labels);

        assertThat(evaluation.classification()).isTrue();
        assertThat(evaluation.headline()).isEqualTo(Metric.ROC_AUC);
        ClassificationMetrics a = (ClassificationMetrics) evaluation.endpoint("A");
        assertThat(a.rocAuc()).isCloseTo(0.75, within(1e-7)); // floats: 0.35f and 0.4f keep their order
        assertThat(a.n()).isEqualTo(4);
        assertThat(a.positives()).isEqualTo(2);
        ClassificationMetrics b = (ClassificationMetrics) evaluation.endpoint("B");
        assertThat(b.rocAuc()).isEqualTo(1.0);
        assertThat(b.n()).isEqualTo(3);
        ClassificationMetrics c = (ClassificationMetrics) evaluation.endpoint("C");
        assertThat(c.rocAuc()).isNaN();
        assertThat(c.prAuc()).isNaN();
        assertThat(c.n()).isEqualTo(2);
        assertThat(c.positives()).isZero();
        assertThat(evaluation.mean()).isCloseTo((0.75 + 1.0) / 2, within(1e-12));
    }

    @Test
    void namedValuesHaveStableSnakeCaseKeysInAFixedOrder() {
        float[][] predictions = {{0.1f}, {0.9f}, {0.4f}};
        float[][] labels = {{0}, {1}, {NAN}};
        Map<String, Double> values = Evaluation.of(List.of("NR-AR"), true, predictions, labels).namedValues();
        assertThat(values.keySet()).containsExactly("roc_auc", "pr_auc", "NR-AR/roc_auc", "NR-AR/pr_auc", "NR-AR/n", "NR-AR/positives");
        assertThat(values).containsEntry("roc_auc", 1.0).containsEntry("NR-AR/n", 2.0).containsEntry("NR-AR/positives", 1.0);
        assertThatThrownBy(() -> values.put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void regressionHeadlineIsRmse() {
        float[][] predictions = {{1}, {2}, {3}, {4}, {9}};
        float[][] labels = {{1}, {2}, {3}, {5}, {NAN}};
        Evaluation evaluation = Evaluation.of(List.of("pIC50"), false, predictions, labels);
        assertThat(evaluation.headline()).isEqualTo(Metric.RMSE);
        assertThat(evaluation.mean()).isEqualTo(0.5);
        assertThat(evaluation.namedValues().keySet()).containsExactly("rmse", "mae", "r2", "spearman",
                "pIC50/rmse", "pIC50/mae", "pIC50/r2", "pIC50/spearman", "pIC50/n");
        assertThat(evaluation.namedValues()).containsEntry("pIC50/n", 4.0).containsEntry("mae", 0.25);
        assertThatThrownBy(() -> evaluation.mean(Metric.ROC_AUC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roc_auc is a classification metric");
    }

    @Test
    void shapeErrorsNameTheRowAndMissingPredictionsTheEndpoint() {
        assertThatThrownBy(() -> Evaluation.of(List.of("A", "B"), true, new float[][] {{0.1f, 0.2f}, {0.3f}}, new float[][] {{0, 1}, {1, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row index 1").hasMessageContaining("expected 2");
        assertThatThrownBy(() -> Evaluation.of(List.of("A"), true, new float[][] {{0.1f}}, new float[][] {{0}, {1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 rows").hasMessageContaining("2");
        assertThatThrownBy(() -> Evaluation.of(List.of("A", "B"), true, new float[][] {{0.1f, NAN}, {0.2f, 0.3f}}, new float[][] {{0, 1}, {1, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint B").hasMessageContaining("row index 0");
        assertThatThrownBy(() -> Evaluation.of(List.of("A", "A"), false, new float[][] {{1, 2}}, new float[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A appears twice");
    }

    @Test
    void endpointsOfOneKindOnly() {
        assertThatThrownBy(() -> new Evaluation(List.of(
                new ClassificationMetrics("A", 0.5, 0.5, 4, 2),
                new RegressionMetrics("B", 1, 1, 0, 0, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all classification or all regression");
        assertThat(Metric.fromName(" ROC_AUC ")).isEqualTo(Metric.ROC_AUC);
        assertThatThrownBy(() -> Metric.fromName("auc")).hasMessageContaining("roc_auc, pr_auc");
    }

    @Test
    void standardErrorsOfTheHeadlineMetrics() {
        // Hanley and McNeil (1982): AUC 0.9 on 50 positives and 50 negatives has a standard error of 0.032
        ClassificationMetrics auc = new ClassificationMetrics("e", 0.9, 0.8, 100, 50);
        assertThat(auc.headlineStandardError()).isCloseTo(0.03212, within(1e-4));
        // fewer rows, larger error; one class only, none
        assertThat(new ClassificationMetrics("e", 0.9, 0.8, 20, 10).headlineStandardError()).isGreaterThan(0.06);
        assertThat(new ClassificationMetrics("e", Double.NaN, Double.NaN, 20, 0).headlineStandardError()).isNaN();
        // RMSE / sqrt(2n)
        RegressionMetrics rmse = new RegressionMetrics("y", 0.8, 0.6, 0.5, 0.7, 128);
        assertThat(rmse.headlineStandardError()).isCloseTo(0.05, within(1e-12));
        // the mean's error over endpoints: sqrt(sum of squares) / k, endpoints without one skipped
        Evaluation two = new Evaluation(List.of(new RegressionMetrics("a", 0.8, 0.6, 0.5, 0.7, 128),
                new RegressionMetrics("b", 1.6, 1.2, 0.5, 0.7, 128)));
        assertThat(two.meanStandardError()).isCloseTo(Math.sqrt(0.05 * 0.05 + 0.1 * 0.1) / 2, within(1e-12));
        Evaluation oneDefined = new Evaluation(List.of(auc, new ClassificationMetrics("f", Double.NaN, Double.NaN, 30, 0)));
        assertThat(oneDefined.meanStandardError()).isCloseTo(auc.headlineStandardError(), within(1e-12));
    }
}
