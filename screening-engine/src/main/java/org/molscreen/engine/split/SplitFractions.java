package org.molscreen.engine.split;

import java.util.List;

/**
 * The intended share of rows in each part. Each is in [0, 1] and they sum to 1 (within 1e-6, so that
 * {@code 0.8, 0.1, 0.1} written in decimal is accepted). Training needs a non-empty train part, so its
 * fraction must be above 0; validation or test may be 0.
 *
 * @param train      share of rows to learn from
 * @param validation share for early stopping and model selection
 * @param test       share held out for the reported metrics
 */
public record SplitFractions(double train, double validation, double test) {

    /** 80 / 10 / 10, Chemprop's and MoleculeNet's default. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.8, 0.1, 0.1);

    public SplitFractions {
        if (!inUnit(train) || !inUnit(validation) || !inUnit(test) || train == 0) {
            throw new IllegalArgumentException("split fractions must lie in [0, 1] with train > 0, got train " + train + ", validation " + validation + ", test " + test);
        }
        double sum = train + validation + test;
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("split fractions must sum to 1, got " + train + " + " + validation + " + " + test + " = " + sum);
        }
    }

    /** The fractions as a list in part order (train, validation, test), as a model card stores them. */
    public List<Double> asList() {
        return List.of(train, validation, test);
    }

    /**
     * How many of {@code rows} rows each part gets when a split is cut by count (random split): train
     * {@code floor(train · rows)}, validation {@code floor((train + validation) · rows)} minus that, test the
     * rest, as Chemprop cuts. Products get a 1e-9 allowance so that 0.8 × 10 is 8, not 7.
     *
     * @return {@code {train, validation, test}}, summing to {@code rows}
     */
    int[] sizes(int rows) {
        int trainSize = (int) Math.floor(train * rows + 1e-9);
        int trainValidation = Math.min(rows, (int) Math.floor((train + validation) * rows + 1e-9));
        if (test == 0) {
            trainValidation = rows;
        }
        return new int[] {trainSize, trainValidation - trainSize, rows - trainValidation};
    }

    private static boolean inUnit(double value) {
        return value >= 0 && value <= 1;
    }
}
