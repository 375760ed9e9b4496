package org.molscreen.engine.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.molscreen.chem.InvalidInputException;

/**
 * Splits the rows of a data set into train, validation and test, reproducibly: the same rows (or SMILES,
 * or column values), seed and fractions give the same {@link DataSplit} on every run and every JVM.
 *
 * <p>The only randomness is {@link java.util.Random} seeded with the split's seed, used through an explicit
 * Fisher–Yates shuffle; the Java specification fixes both the generator and {@code nextInt(bound)}, so
 * splits do not change with the JDK. They are not the same splits Chemprop draws for the same seed
 * (Python's generator differs); only the algorithms match.
 *
 * <p>Immutable and thread-safe: every call works on its own data.
 */
public final class Splitter {

    private final SplitFractions fractions;
    private final long seed;

    /**
     * @param fractions the intended shares of train, validation and test (ignored by {@link #column})
     * @param seed      the shuffle's seed, recorded in the split (ignored by {@link #column})
     */
    public Splitter(SplitFractions fractions, long seed) {
        this.fractions = Objects.requireNonNull(fractions, "fractions");
        this.seed = seed;
    }

    /** A splitter with the default 80/10/10 fractions. */
    public static Splitter withDefaultFractions(long seed) {
        return new Splitter(SplitFractions.DEFAULT, seed);
    }

    public SplitFractions fractions() {
        return fractions;
    }

    public long seed() {
        return seed;
    }

    /**
     * Splits by the given kind. {@code smiles} is needed for {@link SplitKind#SCAFFOLD}, {@code columnValues}
     * for {@link SplitKind#COLUMN}; the other may be null. For {@link SplitKind#RANDOM} the row count is taken
     * from whichever list is given.
     *
     * @throws IllegalArgumentException when the list the kind needs is missing
     */
    public DataSplit split(SplitKind kind, List<String> smiles, List<String> columnValues) {
        return switch (kind) {
            case RANDOM -> random(smiles != null ? smiles.size() : require(columnValues, "a row count (SMILES or column values)").size());
            case SCAFFOLD -> scaffold(require(smiles, "SMILES"));
            case COLUMN -> column(require(columnValues, "the split column's values"));
        };
    }

    /**
     * A seeded shuffle of rows {@code 0 .. rows - 1}, cut into train {@code floor(train · rows)}, validation
     * {@code floor((train + validation) · rows) - train}, test the rest (Chemprop's cut).
     *
     * @throws IllegalArgumentException for fewer than one row
     */
    public DataSplit random(int rows) {
        requireRows(rows);
        int[] order = new int[rows];
        for (int row = 0; row < rows; row++) {
            order[row] = row;
        }
        Random random = new Random(seed);
        for (int k = rows - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[other];
            order[other] = swap;
        }
        int[] sizes = fractions.sizes(rows);
        int[] train = Arrays.copyOfRange(order, 0, sizes[0]);
        int[] validation = Arrays.copyOfRange(order, sizes[0], sizes[0] + sizes[1]);
        int[] test = Arrays.copyOfRange(order, sizes[0] + sizes[1], rows);
        Arrays.sort(train);
        Arrays.sort(validation);
        Arrays.sort(test);
        return new DataSplit(SplitKind.RANDOM, seed, fractions, train, validation, test);
    }

    /**
     * A balanced scaffold split (Chemprop's {@code scaffold_balanced}) of molecules given as SMILES, one per
     * row: rows are grouped by {@link MurckoScaffold#key}, and no group is ever divided between parts. See
     * {@link #scaffoldGroups} for the assignment. Computing the scaffolds takes about 0.1 ms a molecule on one warm core
     * (BACE's 1,513 molecules: 0.15 s warm, under 1 s in a fresh JVM).
     *
     * @throws InvalidInputException naming the row of a SMILES that cannot be parsed
     */
    public DataSplit scaffold(List<String> smiles) {
        requireRows(smiles.size());
        return scaffoldGroups(MurckoScaffold.keys(smiles));
    }

    /**
     * A balanced scaffold split from precomputed group keys, one per row (rows with equal keys are one group):
     * <ol>
     *   <li>groups larger than half the validation size or half the test size (sizes as fractions × rows,
     *       not rounded) are "big", the rest "small"; groups are taken in order of first appearance;</li>
     *   <li>the big groups are shuffled with the seed, then the small ones with the same generator, and the
     *       big ones go first, so train gets the big chemical series and validation and test get a varied
     *       mix of small ones;</li>
     *   <li>each group goes whole to train if it still fits under the train size, else to validation if it
     *       fits there, else to test (with a zero test fraction: else validation; with zero validation and
     *       test: train).</li>
     * </ol>
     * Part sizes therefore only approach the fractions; with one huge scaffold (or many acyclic molecules,
     * which share the empty scaffold) validation or test can come out small or empty.
     */
    public DataSplit scaffoldGroups(List<String> keys) {
        int rows = keys.size();
        requireRows(rows);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int row = 0; row < rows; row++) {
            groups.computeIfAbsent(Objects.requireNonNull(keys.get(row), "scaffold key of row index " + row), key -> new ArrayList<>()).add(row);
        }
        double trainSize = fractions.train() * rows;
        double validationSize = fractions.validation() * rows;
        double testSize = fractions.test() * rows;
        List<List<Integer>> big = new ArrayList<>();
        List<List<Integer>> small = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            if (group.size() > validationSize / 2 || group.size() > testSize / 2) {
                big.add(group);
            } else {
                small.add(group);
            }
        }
        Random random = new Random(seed);
        shuffle(big, random);
        shuffle(small, random);
        List<List<Integer>> ordered = new ArrayList<>(big);
        ordered.addAll(small);

        SplitPart overflow = fractions.test() > 0 ? SplitPart.TEST : fractions.validation() > 0 ? SplitPart.VALIDATION : SplitPart.TRAIN;
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : ordered) {
            List<Integer> target;
            if (train.size() + group.size() <= trainSize) {
                target = train;
            } else if (validation.size() + group.size() <= validationSize) {
                target = validation;
            } else {
                target = switch (overflow) {
                    case TEST -> test;
                    case VALIDATION -> validation;
                    case TRAIN -> train;
                };
            }
            target.addAll(group);
        }
        return new DataSplit(SplitKind.SCAFFOLD, seed, fractions, sortedArray(train), sortedArray(validation), sortedArray(test));
    }

    /**
     * The split a data set ships with, one value per row: {@code train}, {@code valid}/{@code validation}/{@code val}
     * or {@code test}, case-insensitive (see {@link SplitPart#fromLabel}). The split records the shares it found
     * as its fractions, and this splitter's seed.
     *
     * @throws InvalidInputException naming the first row (counted from 1, with its 0-based index) whose value
     *                               is none of these, or when no row is {@code train}
     */
    public DataSplit column(List<String> values) {
        int rows = values.size();
        requireRows(rows);
        int[][] parts = new int[3][rows];
        int[] counts = new int[3];
        for (int row = 0; row < rows; row++) {
            String value = values.get(row);
            SplitPart part = SplitPart.fromLabel(value);
            if (part == null) {
                throw new InvalidInputException("split column", "row " + (row + 1) + " (index " + row + ") has "
                        + (value == null ? "no value" : "'" + value + "'")
                        + "; expected train, valid (or validation, val) or test, in any case");
            }
            int p = part.ordinal();
            parts[p][counts[p]++] = row;
        }
        if (counts[SplitPart.TRAIN.ordinal()] == 0) {
            throw new InvalidInputException("split column", "no row is 'train' among " + rows + " rows; a model needs training rows");
        }
        SplitFractions found = new SplitFractions((double) counts[0] / rows, (double) counts[1] / rows, (double) counts[2] / rows);
        return new DataSplit(SplitKind.COLUMN, seed, found,
                Arrays.copyOf(parts[0], counts[0]), Arrays.copyOf(parts[1], counts[1]), Arrays.copyOf(parts[2], counts[2]));
    }

    /** Fisher–Yates from the end, as {@code Collections.shuffle} documents it, spelled out so the order is ours to guarantee. */
    private static <T> void shuffle(List<T> items, Random random) {
        for (int k = items.size() - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            T swap = items.get(k);
            items.set(k, items.get(other));
            items.set(other, swap);
        }
    }

    private static int[] sortedArray(List<Integer> rows) {
        int[] array = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static void requireRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("cannot split " + rows + " rows; a split needs at least one row");
        }
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("this split kind needs " + what);
        }
        return value;
    }
}
