package org.molscreen.engine.screen;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the ranking score is distributed over every compound a screen scored (filtered or not), in bins of a
 * fixed width, so that a chemist sees where the hits sit in the library. Counts only add up, so the
 * histograms of partitions merge into that of the whole library whatever the partitioning.
 *
 * <p>Not thread-safe while it is filled; a finished histogram is only read.
 */
public final class ScoreHistogram implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One bin: scores in {@code [from, to)}. */
    public record Bin(double from, double to, long count) {
    }

    private final double binWidth;
    private final TreeMap<Long, Long> counts = new TreeMap<>();

    public ScoreHistogram(double binWidth) {
        if (!(binWidth > 0)) {
            throw new IllegalArgumentException("bin width must be positive, got " + binWidth);
        }
        this.binWidth = binWidth;
    }

    /** Probabilities in bins of 0.02; affinities (pIC50-like) in bins of 0.1 log units. */
    public static ScoreHistogram forScores(boolean probabilities) {
        return new ScoreHistogram(probabilities ? 0.02 : 0.1);
    }

    public void add(double score) {
        if (Double.isFinite(score)) {
            counts.merge((long) Math.floor(score / binWidth), 1L, Long::sum);
        }
    }

    public void merge(ScoreHistogram other) {
        if (other.binWidth != binWidth) {
            throw new IllegalArgumentException("cannot merge histograms with bins of " + binWidth + " and " + other.binWidth);
        }
        other.counts.forEach((bin, count) -> counts.merge(bin, count, Long::sum));
    }

    public double binWidth() {
        return binWidth;
    }

    /** Counts by bin index (bin {@code i} holds scores in {@code [i·width, (i+1)·width)}), as stored. */
    public SortedMap<Long, Long> countsByBin() {
        return Collections.unmodifiableSortedMap(counts);
    }

    /** A histogram rebuilt from stored {@link #countsByBin()}. */
    public static ScoreHistogram of(double binWidth, Map<Long, Long> countsByBin) {
        ScoreHistogram histogram = new ScoreHistogram(binWidth);
        countsByBin.forEach((bin, count) -> {
            if (count < 1) {
                throw new IllegalArgumentException("bin " + bin + " has count " + count + "; stored bins are never empty");
            }
            histogram.counts.put(bin, count);
        });
        return histogram;
    }

    /** Compounds counted. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The bins from the lowest to the highest score seen, empty bins between included. */
    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        if (counts.isEmpty()) {
            return bins;
        }
        for (long bin = counts.firstKey(); bin <= counts.lastKey(); bin++) {
            bins.add(new Bin(bin * binWidth, (bin + 1) * binWidth, counts.getOrDefault(bin, 0L)));
        }
        return bins;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreHistogram other && other.binWidth == binWidth && other.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(binWidth, counts);
    }

    @Override
    public String toString() {
        return "ScoreHistogram" + Map.of("binWidth", binWidth, "total", total());
    }
}
