package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Histograms of partitions merge into that of the whole; bins are half-open and gaps between them are kept. */
class ScoreHistogramTest {

    @Test
    void binsAreHalfOpenFromTheLowestToTheHighestScoreWithEmptyBinsBetween() {
        ScoreHistogram histogram = new ScoreHistogram(0.5);
        histogram.add(-0.25);
        histogram.add(0.5);
        histogram.add(0.75);
        histogram.add(1.6);
        histogram.add(Double.NaN);
        histogram.add(Double.POSITIVE_INFINITY);
        List<ScoreHistogram.Bin> bins = histogram.bins();
        assertThat(bins).extracting(ScoreHistogram.Bin::count).containsExactly(1L, 0L, 2L, 0L, 1L);
        assertThat(bins.get(0).from()).isEqualTo(-0.5);
        assertThat(bins.get(2).from()).isEqualTo(0.5);
        assertThat(bins.get(4).to()).isCloseTo(2.0, within(1e-12));
        assertThat(histogram.total()).isEqualTo(4);
        assertThat(new ScoreHistogram(0.5).bins()).isEmpty();
    }

    @Test
    void partitionsMergeIntoTheHistogramOfTheWhole() {
        ScoreHistogram whole = ScoreHistogram.forScores(true);
        ScoreHistogram first = ScoreHistogram.forScores(true);
        ScoreHistogram second = ScoreHistogram.forScores(true);
        for (int i = 0; i < 1000; i++) {
            double score = (i * 37 % 1000) / 1000.0;
            whole.add(score);
            (i % 3 == 0 ? first : second).add(score);
        }
        first.merge(second);
        assertThat(first).isEqualTo(whole);
        assertThat(first.bins()).isEqualTo(whole.bins());
        assertThat(first.total()).isEqualTo(1000);
        assertThat(whole.binWidth()).isEqualTo(0.02);
        assertThat(ScoreHistogram.forScores(false).binWidth()).isEqualTo(0.1);
    }

    @Test
    void histogramsOfOtherBinWidthsDoNotMerge() {
        assertThatThrownBy(() -> ScoreHistogram.forScores(true).merge(ScoreHistogram.forScores(false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.02").hasMessageContaining("0.1");
        assertThatThrownBy(() -> new ScoreHistogram(0)).hasMessageContaining("positive");
    }
}
