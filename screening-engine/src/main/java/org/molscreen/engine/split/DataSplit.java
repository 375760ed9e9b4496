package org.molscreen.engine.split;

import java.util.Arrays;
import java.util.Objects;

/**
 * Which rows of a data set are train, validation and test. The three index arrays are sorted ascending,
 * disjoint, and together hold every row {@code 0 .. rowCount() - 1} exactly once; the constructor checks
 * this. Arrays are copied on the way in and out, so a split can be shared between threads.
 *
 * @param kind       how the rows were assigned
 * @param seed       the seed of the shuffle (recorded but unused for {@link SplitKind#COLUMN})
 * @param fractions  the requested shares for random and scaffold splits; for a column split, the shares found in the column
 * @param train      row indices to learn from
 * @param validation row indices for early stopping and model selection; may be empty
 * @param test       row indices held out for the reported metrics; may be empty
 */
public record DataSplit(SplitKind kind, long seed, SplitFractions fractions, int[] train, int[] validation, int[] test) {

    public DataSplit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fractions, "fractions");
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
        int rows = train.length + validation.length + test.length;
        boolean[] seen = new boolean[rows];
        requirePart(train, "train", seen);
        requirePart(validation, "validation", seen);
        requirePart(test, "test", seen);
    }

    private static void requirePart(int[] rows, String part, boolean[] seen) {
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            if (k > 0 && row <= rows[k - 1]) {
                throw new IllegalArgumentException(part + " rows must be sorted ascending without repeats; index " + k + " is " + row
                        + " after " + rows[k - 1]);
            }
            if (row < 0 || row >= seen.length) {
                throw new IllegalArgumentException(part + " row " + row + " is outside 0.." + (seen.length - 1)
                        + " (the three parts must cover all rows exactly once)");
            }
            if (seen[row]) {
                throw new IllegalArgumentException("row " + row + " is in " + part + " and in another part");
            }
            seen[row] = true;
        }
    }

    /** Row indices to learn from (a copy). */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** Row indices for early stopping and model selection (a copy). */
    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** Row indices held out for reported metrics (a copy). */
    @Override
    public int[] test() {
        return test.clone();
    }

    /** The row indices of one part (a copy). */
    public int[] rows(SplitPart part) {
        return switch (part) {
            case TRAIN -> train();
            case VALIDATION -> validation();
            case TEST -> test();
        };
    }

    /** How many rows one part holds. */
    public int size(SplitPart part) {
        return switch (part) {
            case TRAIN -> train.length;
            case VALIDATION -> validation.length;
            case TEST -> test.length;
        };
    }

    /** All rows of the data set. */
    public int rowCount() {
        return train.length + validation.length + test.length;
    }

    /** The part a row belongs to. */
    public SplitPart partOf(int row) {
        if (Arrays.binarySearch(train, row) >= 0) {
            return SplitPart.TRAIN;
        }
        if (Arrays.binarySearch(validation, row) >= 0) {
            return SplitPart.VALIDATION;
        }
        if (Arrays.binarySearch(test, row) >= 0) {
            return SplitPart.TEST;
        }
        throw new IllegalArgumentException("row " + row + " is outside 0.." + (rowCount() - 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataSplit that
                && kind == that.kind
                && seed == that.seed
                && fractions.equals(that.fractions)
                && Arrays.equals(train, that.train)
                && Arrays.equals(validation, that.validation)
                && Arrays.equals(test, that.test);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, seed, fractions, Arrays.hashCode(train), Arrays.hashCode(validation), Arrays.hashCode(test));
    }

    /** Kind, seed, fractions and part sizes; the indices themselves would swamp a log line. */
    @Override
    public String toString() {
        return "DataSplit[" + kind.registryName() + ", seed " + seed + ", fractions " + fractions.asList() + ", train "
                + train.length + ", validation " + validation.length + ", test " + test.length + "]";
    }
}
