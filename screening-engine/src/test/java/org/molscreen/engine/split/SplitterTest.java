package org.molscreen.engine.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.InvalidInputException;

class SplitterTest {

    /**
     * 40 molecules in 9 scaffold series: 12 benzamides, 8 quinolines, 6 piperazinyl-pyrimidines, 4 indoles,
     * 3 biphenyls, 2 pyridones, 2 cyclohexanes, a lone naphthalene, and 2 acyclic molecules (empty scaffold).
     * Series members differ only in side chains, written in mixed order so groups are not contiguous.
     */
    static final List<String> MOLECULES = List.of(
            "O=C(Nc1ccccc1)c1ccccc1", "CC(=O)c1ccc(cc1)C(=O)Nc1ccccc1", "Cc1ccc(NC(=O)c2ccccc2)cc1", "O=C(Nc1ccccc1)c1ccc(Cl)cc1",
            "c1ccc2ncccc2c1", "Cc1ccc2ncccc2c1", "COc1ccc2ncccc2c1", "Clc1ccc2ncc(C)cc2c1",
            "c1cnc(nc1)N1CCNCC1", "CC(=O)N1CCN(CC1)c1ncccn1", "Cc1cnc(nc1)N1CCN(C)CC1",
            "c1ccc2[nH]ccc2c1", "Cc1c[nH]c2ccccc12", "Cn1ccc2ccccc21", "Oc1ccc2[nH]ccc2c1",
            "CCOC(=O)c1ccc(cc1)C(=O)Nc1ccc(C)cc1", "Fc1ccc(NC(=O)c2ccccc2)cc1", "O=C(Nc1ccc(O)cc1)c1ccccc1", "CN(C)c1ccc(cc1)C(=O)Nc1ccccc1",
            "c1ccc(cc1)-c1ccccc1", "Cc1ccc(cc1)-c1ccccc1", "Oc1ccc(cc1)-c1ccc(O)cc1",
            "O=c1cccc[nH]1", "O=c1cc(C)cc[nH]1",
            "CC1CCCCC1", "OC1CCCCC1",
            "c1ccc2ccccc2c1",
            "CCCCO", "NCC(=O)O",
            "Brc1ccc2ncccc2c1", "Nc1ccc2ncccc2c1", "Fc1cc2cccnc2cc1", "CCc1ccc2ncccc2c1",
            "c1cnc(nc1)N1CCN(CC1)C(C)=O", "CCN1CCN(CC1)c1ncccn1", "OCCN1CCN(CC1)c1ncccn1",
            "O=C(Nc1ccc(Br)cc1)c1ccccc1", "O=C(Nc1ccccc1)c1ccc(F)cc1", "O=C(Nc1cccc(C)c1)c1ccccc1", "O=C(Nc1ccccc1)c1ccc(N)cc1");

    @Test
    void randomSplitIsSeededAndCutByFractions() {
        DataSplit split = Splitter.withDefaultFractions(7).random(100);
        assertThat(split.kind()).isEqualTo(SplitKind.RANDOM);
        assertThat(split.seed()).isEqualTo(7);
        assertThat(split.train()).hasSize(80);
        assertThat(split.validation()).hasSize(10);
        assertThat(split.test()).hasSize(10);
        assertCoversAllRowsOnce(split, 100);
        assertThat(Splitter.withDefaultFractions(7).random(100)).isEqualTo(split);
        assertThat(Splitter.withDefaultFractions(8).random(100)).isNotEqualTo(split);
        assertThat(split.train()).isNotEqualTo(IntStream.range(0, 80).toArray());
    }

    @Test
    void randomSplitIsTheSameOnEveryJvm() {
        // java.util.Random's sequence is fixed by the Java specification, so these rows are too; a change here
        // means models trained before it can no longer be rebuilt from their cards. The expected rows come from
        // the specification's LCG (seed scrambled with 0x5DEECE66D, nextInt by rejection) and a Fisher–Yates
        // shuffle from the end, written out in a few lines of Python, not from this code.
        DataSplit split = new Splitter(new SplitFractions(0.6, 0.2, 0.2), 42).random(10);
        assertThat(split.toString()).isEqualTo("DataSplit[random, seed 42, fractions [0.6, 0.2, 0.2], train 6, validation 2, test 2]");
        assertThat(split.train()).containsExactly(1, 2, 4, 6, 7, 9);
        assertThat(split.validation()).containsExactly(5, 8);
        assertThat(split.test()).containsExactly(0, 3);
    }

    @Test
    void fractionSizesFollowChemprop() {
        assertThat(SplitFractions.DEFAULT.sizes(10)).containsExactly(8, 1, 1);
        assertThat(SplitFractions.DEFAULT.sizes(1513)).containsExactly(1210, 151, 152);
        assertThat(SplitFractions.DEFAULT.sizes(1)).containsExactly(0, 0, 1);
        assertThat(new SplitFractions(0.9, 0.1, 0).sizes(7)).containsExactly(6, 1, 0);
        assertThat(new SplitFractions(1, 0, 0).sizes(3)).containsExactly(3, 0, 0);
        assertThatThrownBy(() -> new SplitFractions(0.8, 0.1, 0.2)).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new SplitFractions(0, 0.5, 0.5)).hasMessageContaining("train > 0");
        assertThatThrownBy(() -> new SplitFractions(1.2, -0.1, -0.1)).hasMessageContaining("[0, 1]");
    }

    @Test
    void scaffoldSplitNeverDividesAScaffold() {
        List<String> keys = MurckoScaffold.keys(MOLECULES);
        assertThat(keys.stream().distinct().count()).isEqualTo(9);
        for (long seed = 0; seed < 20; seed++) {
            DataSplit split = Splitter.withDefaultFractions(seed).scaffold(MOLECULES);
            assertCoversAllRowsOnce(split, MOLECULES.size());
            Map<String, SplitPart> partOf = new HashMap<>();
            for (int row = 0; row < keys.size(); row++) {
                SplitPart earlier = partOf.putIfAbsent(keys.get(row), split.partOf(row));
                assertThat(earlier == null || earlier == split.partOf(row))
                        .as("seed %d: scaffold '%s' in %s and %s", seed, keys.get(row), earlier, split.partOf(row)).isTrue();
            }
            // 40 rows: train size 32; validation and test 4 each, so groups above 2 rows are "big" and go first
            assertThat(split.size(SplitPart.TRAIN)).isLessThanOrEqualTo(32);
            assertThat(split.size(SplitPart.VALIDATION)).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void scaffoldSplitIsSeeded() {
        DataSplit a = Splitter.withDefaultFractions(3).scaffold(MOLECULES);
        assertThat(Splitter.withDefaultFractions(3).scaffold(MOLECULES)).isEqualTo(a);
        List<DataSplit> others = new ArrayList<>();
        for (long seed = 4; seed < 10; seed++) {
            others.add(Splitter.withDefaultFractions(seed).scaffold(MOLECULES));
        }
        assertThat(others).as("other seeds give other splits").anyMatch(other -> !other.equals(a));
        assertThat(a.kind()).isEqualTo(SplitKind.SCAFFOLD);
        assertThat(a.fractions()).isEqualTo(SplitFractions.DEFAULT);
    }

    @Test
    void bigScaffoldGroupsGoToTrainFirst() {
        // one group of 50 (bigger than half of validation and test, 5 each), fifty singletons
        List<String> keys = new ArrayList<>();
        for (int row = 0; row < 100; row++) {
            keys.add(row % 2 == 0 ? "big" : "single" + row);
        }
        DataSplit split = Splitter.withDefaultFractions(11).scaffoldGroups(keys);
        for (int row = 0; row < 100; row += 2) {
            assertThat(split.partOf(row)).isEqualTo(SplitPart.TRAIN);
        }
        assertThat(split.train()).hasSize(80);
        assertThat(split.validation()).hasSize(10);
        assertThat(split.test()).hasSize(10);
    }

    @Test
    void withoutATestFractionNothingOverflowsIntoTest() {
        List<String> keys = new ArrayList<>();
        for (int row = 0; row < 30; row++) {
            keys.add("group" + row / 7);
        }
        DataSplit split = new Splitter(new SplitFractions(0.9, 0.1, 0), 5).scaffoldGroups(keys);
        assertThat(split.test()).isEmpty();
        assertCoversAllRowsOnce(split, 30);
    }

    @Test
    void columnSplitReadsMoleculeNetAndChempropSpellings() {
        List<String> values = List.of("Train", "Valid", "Test", "train", " TEST ", "validation", "val", "TRAIN");
        DataSplit split = Splitter.withDefaultFractions(0).column(values);
        assertThat(split.kind()).isEqualTo(SplitKind.COLUMN);
        assertThat(split.train()).containsExactly(0, 3, 7);
        assertThat(split.validation()).containsExactly(1, 5, 6);
        assertThat(split.test()).containsExactly(2, 4);
        assertThat(split.fractions()).isEqualTo(new SplitFractions(3.0 / 8, 3.0 / 8, 2.0 / 8));
    }

    @Test
    void malformedColumnValuesNameTheRowAndValue() {
        assertThatThrownBy(() -> Splitter.withDefaultFractions(0).column(List.of("train", "valid", "tset", "test")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 3 (index 2)")
                .hasMessageContaining("'tset'")
                .hasMessageContaining("expected train, valid");
        assertThatThrownBy(() -> Splitter.withDefaultFractions(0).column(Arrays.asList("train", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 2 (index 1) has no value");
        assertThatThrownBy(() -> Splitter.withDefaultFractions(0).column(List.of("train", "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 2 (index 1) has ''");
        assertThatThrownBy(() -> Splitter.withDefaultFractions(0).column(List.of("test", "valid")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no row is 'train'");
    }

    @Test
    void splitByKindNeedsTheRightInput() {
        Splitter splitter = Splitter.withDefaultFractions(1);
        assertThat(splitter.split(SplitKind.RANDOM, MOLECULES, null)).isEqualTo(splitter.random(MOLECULES.size()));
        assertThat(splitter.split(SplitKind.SCAFFOLD, MOLECULES, null)).isEqualTo(splitter.scaffold(MOLECULES));
        assertThat(splitter.split(SplitKind.COLUMN, null, List.of("train", "test")).test()).containsExactly(1);
        assertThatThrownBy(() -> splitter.split(SplitKind.SCAFFOLD, null, List.of("train"))).hasMessageContaining("needs SMILES");
        assertThatThrownBy(() -> splitter.random(0)).hasMessageContaining("at least one row");
        assertThat(SplitKind.fromName(" Scaffold")).isEqualTo(SplitKind.SCAFFOLD);
        assertThatThrownBy(() -> SplitKind.fromName("scaffold_balanced")).hasMessageContaining("random, scaffold or column");
    }

    @Test
    void dataSplitChecksItsRowsAndIsImmutable() {
        int[] train = {0, 2};
        DataSplit split = new DataSplit(SplitKind.RANDOM, 1, SplitFractions.DEFAULT, train, new int[] {1}, new int[] {3});
        train[0] = 3;
        assertThat(split.train()).containsExactly(0, 2);
        split.train()[0] = 3;
        assertThat(split.train()).containsExactly(0, 2);
        assertThat(split.rows(SplitPart.TEST)).containsExactly(3);
        assertThat(split.rowCount()).isEqualTo(4);

        assertThatThrownBy(() -> new DataSplit(SplitKind.RANDOM, 1, SplitFractions.DEFAULT, new int[] {0, 1}, new int[] {1}, new int[0]))
                .hasMessageContaining("row 1 is in validation and in another part");
        assertThatThrownBy(() -> new DataSplit(SplitKind.RANDOM, 1, SplitFractions.DEFAULT, new int[] {0, 3}, new int[] {1}, new int[0]))
                .hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> new DataSplit(SplitKind.RANDOM, 1, SplitFractions.DEFAULT, new int[] {1, 0}, new int[0], new int[0]))
                .hasMessageContaining("sorted");
    }

    private static void assertCoversAllRowsOnce(DataSplit split, int rows) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, rows).toArray());
        for (int[] part : new int[][] {split.train(), split.validation(), split.test()}) {
            assertThat(part).isSorted();
        }
    }
}
