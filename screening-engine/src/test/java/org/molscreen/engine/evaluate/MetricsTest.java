package org.molscreen.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Metric values worked out by hand (the arithmetic is in the comments), ties, missing labels and undefined cases. */
class MetricsTest {

    private static final double NAN = Double.NaN;

    @Test
    void rocAucAndAveragePrecisionOfScikitLearnsDocumentationExample() {
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        double[] truth = {0, 0, 1, 1};
        // pairs (pos, neg): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4 -> 3 of 4
        assertThat(Metrics.rocAuc(scores, truth)).isEqualTo(0.75);
        // thresholds 0.8: P=1 R=1/2; 0.4: P=1/2 R=1/2; 0.35: P=2/3 R=1 -> 1/2 + 1/2 * 2/3
        assertThat(Metrics.averagePrecision(scores, truth)).isCloseTo(5.0 / 6, within(1e-15));
    }

    @Test
    void tiedScoresCountHalfAndEnterPrecisionTogether() {
        double[] scores = {1, 2, 2, 3};
        double[] truth = {0, 1, 0, 1};
        // pos {2,3} vs neg {1,2}: 2>1 (1), 2=2 (1/2), 3>1 (1), 3>2 (1) -> 3.5 / 4
        assertThat(Metrics.rocAuc(scores, truth)).isEqualTo(0.875);
        // threshold 3: P=1, R=1/2; threshold 2 takes the tied positive and negative together: P=2/3, R=1
        assertThat(Metrics.averagePrecision(scores, truth)).isCloseTo(0.5 + 0.5 * 2 / 3, within(1e-15));
    }

    @Test
    void constantScoresGiveChanceLevelAndPrevalence() {
        double[] scores = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] truth = {0, 1, 0, 1, 0};
        assertThat(Metrics.rocAuc(scores, truth)).isEqualTo(0.5);
        assertThat(Metrics.averagePrecision(scores, truth)).isEqualTo(0.4);
    }

    @Test
    void perfectAndReversedRanking() {
        double[] truth = {0, 0, 1, 1};
        assertThat(Metrics.rocAuc(new double[] {1, 2, 3, 4}, truth)).isEqualTo(1.0);
        assertThat(Metrics.averagePrecision(new double[] {1, 2, 3, 4}, truth)).isEqualTo(1.0);
        assertThat(Metrics.rocAuc(new double[] {4, 3, 2, 1}, truth)).isEqualTo(0.0);
        // reversed: positives at ranks 3 and 4: P=1/3 at R=1/2, P=2/4 at R=1
        assertThat(Metrics.averagePrecision(new double[] {4, 3, 2, 1}, truth)).isCloseTo(0.5 / 3 + 0.5 / 2, within(1e-15));
    }

    @Test
    void missingLabelsAreSkippedWhateverTheirScore() {
        double[] scores = {0.1, 99, 0.4, NAN, 0.35, 0.8, -5};
        double[] truth = {0, NAN, 0, NAN, 1, 1, NAN};
        assertThat(Metrics.rocAuc(scores, truth)).isEqualTo(0.75);
        assertThat(Metrics.averagePrecision(scores, truth)).isCloseTo(5.0 / 6, within(1e-15));
    }

    @Test
    void infiniteScoresRankAtTheEnds() {
        double[] scores = {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] truth = {0, 1, 1, 0};
        // pos {0, +inf} vs neg {-inf, +inf}: 0>-inf, 0<inf, inf>-inf, inf=inf -> 2.5 / 4
        assertThat(Metrics.rocAuc(scores, truth)).isEqualTo(0.625);
    }

    @Test
    void oneClassOrNoLabelsIsUndefined() {
        assertThat(Metrics.rocAuc(new double[] {0.1, 0.9}, new double[] {1, 1})).isNaN();
        assertThat(Metrics.averagePrecision(new double[] {0.1, 0.9}, new double[] {1, 1})).isNaN();
        assertThat(Metrics.rocAuc(new double[] {0.1, 0.9}, new double[] {0, 0})).isNaN();
        assertThat(Metrics.averagePrecision(new double[] {0.1, 0.9}, new double[] {0, NAN})).isNaN();
        assertThat(Metrics.rocAuc(new double[] {0.1, 0.9}, new double[] {NAN, NAN})).isNaN();
        assertThat(Metrics.rocAuc(new double[0], new double[0])).isNaN();
    }

    @Test
    void malformedClassificationInputSaysWhere() {
        assertThatThrownBy(() -> Metrics.rocAuc(new double[] {0.1, 0.2, 0.3}, new double[] {0, 2, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row index 1").hasMessageContaining("2.0").hasMessageContaining("expected 0, 1 or NaN");
        assertThatThrownBy(() -> Metrics.averagePrecision(new double[] {0.1, NAN}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row index 1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Metrics.rocAuc(new double[] {0.1}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 rows").hasMessageContaining("2");
    }

    @Test
    void regressionByHand() {
        double[] predicted = {1, 2, 3, 4};
        double[] truth = {1, 2, 3, 5};
        // errors 0, 0, 0, -1
        assertThat(Metrics.rmse(predicted, truth)).isEqualTo(0.5);
        assertThat(Metrics.mae(predicted, truth)).isEqualTo(0.25);
        // mean 2.75; SS_tot = 1.75² + 0.75² + 0.25² + 2.25² = 8.75; SS_res = 1
        assertThat(Metrics.r2(predicted, truth)).isCloseTo(1 - 1 / 8.75, within(1e-15));
        assertThat(Metrics.spearman(predicted, truth)).isEqualTo(1.0);
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        double[] predicted = {1, 2, 2, 3};
        double[] truth = {1, 2, 3, 4};
        // ranks (1, 2.5, 2.5, 4) and (1, 2, 3, 4): Sxy = 4.5, Sxx = 4.5, Syy = 5
        assertThat(Metrics.spearman(predicted, truth)).isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-15));
        assertThat(Metrics.averageRanks(new double[] {3, 1, 3, 2, 3})).containsExactly(4, 1, 4, 2, 4);
        assertThat(Metrics.spearman(new double[] {10, 20, 30}, new double[] {3, 2, 1})).isEqualTo(-1.0);
    }

    @Test
    void missingTruthIsSkippedPairwise() {
        double[] predicted = {1, NAN, 2, 3, 100, 4};
        double[] truth = {1, NAN, 2, 3, NAN, 5};
        assertThat(Metrics.rmse(predicted, truth)).isEqualTo(0.5);
        assertThat(Metrics.mae(predicted, truth)).isEqualTo(0.25);
        assertThat(Metrics.r2(predicted, truth)).isCloseTo(1 - 1 / 8.75, within(1e-15));
        assertThat(Metrics.spearman(predicted, truth)).isEqualTo(1.0);
    }

    @Test
    void regressionUndefinedCases() {
        // no labelled row
        assertThat(Metrics.rmse(new double[] {1}, new double[] {NAN})).isNaN();
        assertThat(Metrics.mae(new double[0], new double[0])).isNaN();
        // one labelled row: errors are defined, R² and Spearman are not
        assertThat(Metrics.rmse(new double[] {1, 7}, new double[] {3, NAN})).isEqualTo(2.0);
        assertThat(Metrics.r2(new double[] {1, 7}, new double[] {3, NAN})).isNaN();
        assertThat(Metrics.spearman(new double[] {1, 7}, new double[] {3, NAN})).isNaN();
        // constant truth: R² undefined (scikit-learn's force_finite would say 0.0), Spearman undefined
        assertThat(Metrics.r2(new double[] {1, 2, 3}, new double[] {2, 2, 2})).isNaN();
        assertThat(Metrics.spearman(new double[] {1, 2, 3}, new double[] {2, 2, 2})).isNaN();
        // constant prediction: R² defined (0 at the mean), Spearman not
        assertThat(Metrics.r2(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isEqualTo(0.0);
        assertThat(Metrics.spearman(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isNaN();
    }

    @Test
    void predictionMissingForALabelledRowIsRefused() {
        assertThatThrownBy(() -> Metrics.rmse(new double[] {1, NAN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction at row index 1 is NaN");
    }

    @Test
    void inputsAreNotChanged() {
        double[] scores = {0.3, 0.1, 0.2};
        double[] truth = {1, 0, NAN};
        Metrics.rocAuc(scores, truth);
        Metrics.averagePrecision(scores, truth);
        Metrics.spearman(scores, truth);
        assertThat(scores).containsExactly(0.3, 0.1, 0.2);
        assertThat(truth).containsExactly(1, 0, NAN);
    }
}
