package org.molscreen.chem.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtomContainer;

class SdfReaderTest {

    static final String ETHANOL = """
            ethanol
              handmade

              3  2  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                2.5981    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0
              1  2  1  0
              2  3  1  0
            M  END
            > <CHEMBL_ID>
            CHEMBL545

            > <pIC50>  (1)
            4.2

            $$$$
            """;

    static final String BENZENE_V3000 = """
            benzene-v3000
              handmade

              0  0  0     0  0            999 V3000
            M  V30 BEGIN CTAB
            M  V30 COUNTS 6 6 0 0 0
            M  V30 BEGIN ATOM
            M  V30 1 C 0 0 0 0
            M  V30 2 C 1.2 0.7 0 0
            M  V30 3 C 2.4 0 0 0
            M  V30 4 C 2.4 -1.4 0 0
            M  V30 5 C 1.2 -2.1 0 0
            M  V30 6 C 0 -1.4 0 0
            M  V30 END ATOM
            M  V30 BEGIN BOND
            M  V30 1 2 1 2
            M  V30 2 1 2 3
            M  V30 3 2 3 4
            M  V30 4 1 4 5
            M  V30 5 2 5 6
            M  V30 6 1 6 1
            M  V30 END BOND
            M  V30 END CTAB
            M  END
            > <CHEMBL_ID>
            CHEMBL277500

            $$$$
            """;

    @TempDir
    Path dir;

    private List<LibraryRecord> read(String content, ReadOptions options) throws IOException {
        Path file = dir.resolve("lib.sdf");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try (LibraryReader reader = LibraryReader.open(file, options)) {
            return reader.stream().toList();
        }
    }

    @Test
    void v2000AndV3000RecordsWithTitlesAndProperties() throws IOException {
        List<LibraryRecord> records = read(ETHANOL + BENZENE_V3000, ReadOptions.defaults());
        assertThat(records).hasSize(2);
        RawRecord ethanol = (RawRecord) records.get(0);
        assertThat(ethanol.id()).isEqualTo("ethanol");
        assertThat(ethanol.notation()).isEqualTo(Notation.MOLFILE);
        assertThat(ethanol.properties()).containsEntry("CHEMBL_ID", "CHEMBL545").containsEntry("pIC50", "4.2");
        RawRecord benzene = (RawRecord) records.get(1);
        assertThat(benzene.location()).isEqualTo(new RecordLocation("lib.sdf", 2, 18));

        StructureParser parser = new StructureParser();
        IAtomContainer first = parser.parse(ethanol);
        assertThat(first.getAtomCount()).isEqualTo(3);
        IAtomContainer second = parser.parse(benzene);
        assertThat(second.getAtomCount()).isEqualTo(6);
        assertThat(second.getBondCount()).isEqualTo(6);
    }

    @Test
    void idFromANamedProperty() throws IOException {
        List<LibraryRecord> records = read(ETHANOL + BENZENE_V3000, ReadOptions.defaults().withIdColumn("CHEMBL_ID"));
        assertThat(records).extracting(r -> ((RawRecord) r).id()).containsExactly("CHEMBL545", "CHEMBL277500");
    }

    @Test
    void recordWithoutTheNamedPropertyIsAnError() throws IOException {
        List<LibraryRecord> records = read(ETHANOL + BENZENE_V3000, ReadOptions.defaults().withIdColumn("pIC50"));
        assertThat(records.get(0)).isInstanceOf(RawRecord.class);
        RecordError error = (RecordError) records.get(1);
        assertThat(error.message()).contains("record 2").contains("field pIC50").contains("no SD property 'pIC50'");
    }

    @Test
    void truncatedSdfKeepsTheGoodRecordsAndReportsTheCut() throws IOException {
        String cut = ETHANOL + BENZENE_V3000.substring(0, BENZENE_V3000.indexOf("M  V30 END BOND"));
        List<LibraryRecord> records = read(cut, ReadOptions.defaults());
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(RawRecord.class);
        RecordError error = (RecordError) records.get(1);
        assertThat(error.message()).contains("lib.sdf line 18 (record 2)").contains("truncated");
    }

    @Test
    void lastRecordWithoutDollarsIsAcceptedWhenItsMolfileIsComplete() throws IOException {
        String noTerminator = ETHANOL + BENZENE_V3000.substring(0, BENZENE_V3000.indexOf("$$$$"));
        assertThat(read(noTerminator, ReadOptions.defaults())).hasSize(2).allMatch(r -> r instanceof RawRecord);
    }

    @Test
    void recordWithoutMEndIsAnErrorAndTheNextIsRead() throws IOException {
        String broken = "bad\n  x\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n$$$$\n" + ETHANOL;
        List<LibraryRecord> records = read(broken, ReadOptions.defaults());
        assertThat(records).hasSize(2);
        assertThat(((RecordError) records.get(0)).reason()).contains("no 'M  END'");
        assertThat(((RawRecord) records.get(1)).id()).isEqualTo("ethanol");
        assertThat(records.get(1).location().line()).isEqualTo(6);
    }

    @Test
    void unreadableMolfileIsAnInvalidRecordNotACrash() throws IOException {
        String garbage = "junk\n  x\n\n  2  1  0  0  0  0  0  0  0  0999 V2000\nnot an atom line\nM  END\n$$$$\n";
        RawRecord record = (RawRecord) read(garbage, ReadOptions.defaults()).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StructureParser().parse(record))
                .isInstanceOf(org.molscreen.chem.InvalidRecordException.class)
                .hasMessageContaining("molfile");
    }

    @Test
    void trailingBlankLinesAreNotARecord() throws IOException {
        assertThat(read(ETHANOL + "\n\n", ReadOptions.defaults())).hasSize(1);
    }

    /** Lines that each pass the per-line limit but add up to a record over the byte bound. */
    private static String oversizeRecord(int lines) {
        String filler = "C".repeat(60) + "\n";
        StringBuilder record = new StringBuilder("huge\n  x\n\n");
        record.append(filler.repeat(lines));
        return record.append("M  END\n$$$$\n").toString();
    }

    @Test
    void aRecordOverTheByteBoundIsReportedAndTheRestOfTheLibraryIsKept() throws IOException {
        // 40,000 lines of 61 bytes: 2.4 MB, under the 250,000-line and 64 KiB-per-line limits
        List<LibraryRecord> records = read(ETHANOL + oversizeRecord(40_000) + BENZENE_V3000, ReadOptions.defaults());
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(RawRecord.class);
        RecordError error = (RecordError) records.get(1);
        assertThat(error.location().line()).isEqualTo(18);
        assertThat(error.id()).isEqualTo("huge");
        assertThat(error.reason()).contains("the record is 2440017 bytes, more than 1024 KiB (the max-record-kb limit)");
        assertThat(((RawRecord) records.get(2)).id()).isEqualTo("benzene-v3000");
    }

    @Test
    void theByteBoundIsAnOption() throws IOException {
        List<LibraryRecord> records = read(oversizeRecord(40) + ETHANOL, ReadOptions.defaults().withMaxRecordKb(2));
        assertThat(((RecordError) records.get(0)).reason()).contains("more than 2 KiB");
        assertThat(records.get(1)).isInstanceOf(RawRecord.class);
        assertThat(read(oversizeRecord(40) + ETHANOL, ReadOptions.defaults().withMaxRecordKb(4)))
                .allMatch(r -> r instanceof RawRecord);
    }
}
