package org.molscreen.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.FileDigest;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.RecordError;

/**
 * Reading labelled data: missing labels are NaN, a label that is not a number rejects its row naming file,
 * line, id and column, a missing column stops the read naming the file and the columns there are.
 */
class LabelledSetReaderTest {

    @TempDir
    Path dir;

    private final LabelledSetReader reader = new LabelledSetReader(FingerprintSpec.ecfp4(), 2);

    /** Labels row by row, NaN equal to NaN (a missing label must stay missing, never become 0). */
    static void assertLabels(LabelledSet set, float[][] expected) {
        assertThat(java.util.Arrays.deepEquals(set.labels(), expected))
                .as("labels %s, expected %s", java.util.Arrays.deepToString(set.labels()), java.util.Arrays.deepToString(expected))
                .isTrue();
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void labelsAreReadMissingOnesAreNanAndBadRowsAreRejectedWithWhereAndWhy() throws Exception {
        Path file = write("bace-mini.csv",
                "id,smiles,pIC50,Class,Model",
                "a,CCO,5.0,1,Train",
                "b,c1ccccc1O,NA,0,Valid",
                "c,C1CC,6.0,1,Test",
                "d,CCN,abc,1,Train",
                "e,CCCC,,0,Test",
                "f,CCCCO, 7.25 ,nan,Train");
        LabelledSet set = reader.read(file, ReadOptions.defaults(), null, List.of("pIC50", "Class"), "Model");

        assertThat(set.ids()).containsExactly("a", "b", "e", "f");
        assertThat(set.endpoints()).containsExactly("pIC50", "Class");
        assertLabels(set, new float[][] {{5.0f, 1f}, {Float.NaN, 0f}, {Float.NaN, 0f}, {7.25f, Float.NaN}});
        assertThat(set.splitLabels()).containsExactly("Train", "Valid", "Test", "Train");
        // canonical SMILES of the standardised structure, not the text of the file
        assertThat(set.smiles().get(0)).isEqualTo("OCC");
        assertThat(set.fingerprints()).allSatisfy(fp -> assertThat(fp.cardinality()).isPositive());

        assertThat(set.rejected()).hasSize(2);
        RecordError label = set.rejected().stream().filter(e -> e.id().equals("d")).findFirst().orElseThrow();
        assertThat(label.field()).isEqualTo("pIC50");
        assertThat(label.location().line()).isEqualTo(5);
        assertThat(label.message()).isEqualTo("bace-mini.csv line 5 (record 4), id d, field pIC50: label 'abc' is not a number");
        RecordError structure = set.rejected().stream().filter(e -> e.id().equals("c")).findFirst().orElseThrow();
        assertThat(structure.location().line()).isEqualTo(4);
        assertThat(structure.message()).startsWith("bace-mini.csv line 4 (record 3), id c");

        assertThat(set.provenance()).isEqualTo(new DataProvenance("bace-mini", "bace-mini.csv", 6, FileDigest.sha256(file)));
        assertThat(reader.read(file, ReadOptions.defaults(), "bace", List.of("pIC50"), null).provenance().name()).isEqualTo("bace");
    }

    @Test
    void aMissingColumnStopsTheReadNamingTheFileAndTheColumnsThereAre() throws Exception {
        Path file = write("assay.csv", "smiles,activity", "CCO,1", "CCN,0");
        assertThatThrownBy(() -> reader.read(file, ReadOptions.defaults(), null, List.of("Activity_uM"), null))
                .isInstanceOf(InvalidInputException.class)
                // the columns a label can come from: every one but the structure's
                .hasMessage("assay.csv: no label column 'Activity_uM'; the columns are: activity");
        assertThatThrownBy(() -> reader.read(file, ReadOptions.defaults(), null, List.of("activity"), "Model"))
                .isInstanceOf(InvalidInputException.class).hasMessage("assay.csv: no split column 'Model'");
        assertThatThrownBy(() -> reader.read(file, ReadOptions.defaults(), null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no label columns");
    }

    @Test
    void theNameDefaultsToTheFileNameWithoutItsExtensions() {
        assertThat(LabelledSetReader.baseName("tox21.csv.gz")).isEqualTo("tox21");
        assertThat(LabelledSetReader.baseName("herg.SDF")).isEqualTo("herg");
        assertThat(LabelledSetReader.baseName("data.v2")).isEqualTo("data.v2");
    }
}
