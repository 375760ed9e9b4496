package org.molscreen.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.ReadOptions;

/**
 * One row per standardised structure: copies' labels merged (mean for regression, majority for
 * classification, a tie dropped and counted), the first copy's id and split label kept.
 */
class LabelledSetTest {

    @TempDir
    Path dir;

    private LabelledSet read(List<String> labels, String... lines) throws Exception {
        Path file = Files.write(dir.resolve("data.csv"), List.of(lines));
        return new LabelledSetReader(FingerprintSpec.ecfp4(), 1).read(file, ReadOptions.defaults(), null, labels, "part");
    }

    @Test
    void regressionCopiesTakeTheMeanOfTheirLabels() throws Exception {
        // CCO and OCC are one structure once standardised; so are the two spellings of phenol
        LabelledSet set = read(List.of("pIC50"),
                "id,smiles,pIC50,part",
                "first,CCO,5.0,train",
                "phenol,c1ccccc1O,7.0,test",
                "second,OCC,6.0,test",
                "third,C(O)C,,valid",
                "phenol-2,Oc1ccccc1,8.0,train");
        LabelledSet.Merged merged = set.mergeDuplicates(false);
        assertThat(merged.duplicates()).isEqualTo(3);
        assertThat(merged.conflicts()).isZero();
        LabelledSet one = merged.set();
        assertThat(one.ids()).containsExactly("first", "phenol");
        assertThat(one.splitLabels()).containsExactly("train", "test");
        // a missing label is not a zero: (5 + 6) / 2
        assertThat(one.label(0, 0)).isEqualTo(5.5f);
        assertThat(one.label(1, 0)).isEqualTo(7.5f);
        assertThat(one.fingerprints().get(0)).isEqualTo(set.fingerprints().get(0));
        assertThat(one.provenance()).isEqualTo(set.provenance());
    }

    @Test
    void classificationCopiesTakeTheMajorityAndATieIsDroppedAsAConflict() throws Exception {
        LabelledSet set = read(List.of("t1", "t2"),
                "id,smiles,t1,t2,part",
                "a,CCO,1,1,train",
                "b,OCC,1,0,train",
                "c,C(O)C,0,,train",
                "d,CCN,,,train");
        LabelledSet.Merged merged = set.mergeDuplicates(true);
        assertThat(merged.duplicates()).isEqualTo(2);
        // t1: 1, 1, 0 -> 1; t2: 1, 0 -> tie, dropped
        assertThat(merged.conflicts()).isEqualTo(1);
        LabelledSetReaderTest.assertLabels(merged.set(), new float[][] {{1f, Float.NaN}, {Float.NaN, Float.NaN}});
        assertThat(merged.set().ids()).containsExactly("a", "d");
    }

    @Test
    void aSetWithoutCopiesIsReturnedAsItIs() throws Exception {
        LabelledSet set = read(List.of("y"), "id,smiles,y,part", "a,CCO,1,train", "b,CCN,2,test");
        LabelledSet.Merged merged = set.mergeDuplicates(false);
        assertThat(merged.set()).isSameAs(set);
        assertThat(merged.duplicates()).isZero();
    }

    @Test
    void subsetsTakeRowsInTheOrderAskedAndLabelsAreCopiedOut() throws Exception {
        LabelledSet set = read(List.of("y"), "id,smiles,y,part", "a,CCO,1,train", "b,CCN,2,test", "c,CCC,3,valid");
        LabelledSet sub = set.subset(new int[] {2, 0});
        assertThat(sub.ids()).containsExactly("c", "a");
        assertThat(sub.splitLabels()).containsExactly("valid", "train");
        assertThat(sub.inputs()).extracting(i -> i.fingerprint()).containsExactly(set.fingerprints().get(2), set.fingerprints().get(0));
        float[][] labels = sub.labels();
        labels[0][0] = 99;
        assertThat(sub.label(0, 0)).isEqualTo(3f);
        assertThatThrownBy(() -> new LabelledSet(set.provenance(), set.fingerprint(), set.endpoints(), set.ids(), set.smiles(),
                set.fingerprints(), set.counts(), set.descriptors(), new float[][] {{1}}, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows disagree");
    }
}
