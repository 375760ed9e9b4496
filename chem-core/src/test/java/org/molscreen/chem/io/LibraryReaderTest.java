package org.molscreen.chem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.InvalidInputException;

class LibraryReaderTest {

    @TempDir
    Path dir;

    private List<LibraryRecord> readAll(Path file, ReadOptions options) throws IOException {
        try (LibraryReader reader = LibraryReader.open(file, options)) {
            return reader.stream().toList();
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path gzip(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    @Test
    void smilesFileWithIdsBlankLinesCommentsAndHeader() throws IOException {
        Path file = write("lib.smi", "SMILES ID\nCCO ethanol\n\n# a comment\nc1ccccc1\tbenzene ring\nCCN\n");
        List<LibraryRecord> records = readAll(file, ReadOptions.defaults());
        assertThat(records).hasSize(3).allMatch(r -> r instanceof RawRecord);
        RawRecord first = (RawRecord) records.get(0);
        assertThat(first.text()).isEqualTo("CCO");
        assertThat(first.id()).isEqualTo("ethanol");
        assertThat(first.location()).isEqualTo(new RecordLocation("lib.smi", 1, 2));
        RawRecord second = (RawRecord) records.get(1);
        assertThat(second.id()).isEqualTo("benzene ring");
        assertThat(second.location().line()).isEqualTo(5);
        RawRecord third = (RawRecord) records.get(2);
        assertThat(third.id()).as("no id: the record number").isEqualTo("3");
        assertThat(third.notation()).isEqualTo(Notation.SMILES);
    }

    @Test
    void gzippedFileReadsLikeThePlainOne() throws IOException {
        String content = "CCO a\nCCN b\nCCC c\n";
        List<LibraryRecord> plain = readAll(write("x.smi", content), ReadOptions.defaults());
        List<LibraryRecord> zipped = readAll(gzip("x.smi.gz", content.getBytes(StandardCharsets.UTF_8)), ReadOptions.defaults());
        assertThat(zipped).hasSize(3);
        assertThat(zipped.stream().map(r -> ((RawRecord) r).text()).toList())
                .isEqualTo(plain.stream().map(r -> ((RawRecord) r).text()).toList());
        assertThat(zipped.get(0).location().source()).isEqualTo("x.smi.gz");
    }

    @Test
    void gzipIsDetectedByContentNotOnlyByName() throws IOException {
        Path file = gzip("named-plain.smi", "CCO a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(file, ReadOptions.defaults())).singleElement()
                .satisfies(r -> assertThat(((RawRecord) r).text()).isEqualTo("CCO"));
    }

    @Test
    void csvFindsSmilesAndIdColumnsCaseInsensitively() throws IOException {
        Path file = write("lib.csv", "Mol_ID,SMILES,pIC50\nm1,CCO,5.5\nm2,\"CC(=O)O\",6.1\n");
        List<LibraryRecord> records = readAll(file, ReadOptions.defaults());
        assertThat(records).hasSize(2);
        RawRecord second = (RawRecord) records.get(1);
        assertThat(second.id()).isEqualTo("m2");
        assertThat(second.text()).isEqualTo("CC(=O)O");
        assertThat(second.properties()).containsExactly(java.util.Map.entry("pIC50", "6.1"));
        assertThat(second.location().line()).isEqualTo(3);
    }

    @Test
    void csvColumnsNamedByOption() throws IOException {
        Path file = write("lib.csv", "name,structure,other\nA,CCO,1\n");
        ReadOptions options = ReadOptions.defaults().withSmilesColumn("Structure").withIdColumn("other");
        RawRecord record = (RawRecord) readAll(file, options).get(0);
        assertThat(record.text()).isEqualTo("CCO");
        assertThat(record.id()).isEqualTo("1");
    }

    @Test
    void csvWithoutIdColumnUsesRecordNumbers() throws IOException {
        Path file = write("lib.csv", "smiles,value\nCCO,1\nCCN,2\n");
        assertThat(readAll(file, ReadOptions.defaults())).extracting(LibraryRecord::location)
                .extracting(RecordLocation::record).containsExactly(1L, 2L);
        assertThat(((RawRecord) readAll(file, ReadOptions.defaults()).get(1)).id()).isEqualTo("2");
    }

    @Test
    void tsvIsReadWithTabs() throws IOException {
        Path file = write("lib.tsv", "id\tsmiles\nx\tc1ccccc1\n");
        RawRecord record = (RawRecord) readAll(file, ReadOptions.defaults()).get(0);
        assertThat(record.id()).isEqualTo("x");
        assertThat(record.text()).isEqualTo("c1ccccc1");
    }

    @Test
    void csvMissingSmilesColumnIsAClearErrorListingTheHeader() throws IOException {
        Path file = write("lib.csv", "id,structure\n1,CCO\n");
        assertThatThrownBy(() -> readAll(file, ReadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lib.csv")
                .hasMessageContaining("line 1")
                .hasMessageContaining("no SMILES column")
                .hasMessageContaining("id, structure");
    }

    @Test
    void csvNamedColumnMissingIsAClearError() throws IOException {
        Path file = write("lib.csv", "id,smiles\n1,CCO\n");
        assertThatThrownBy(() -> readAll(file, ReadOptions.defaults().withIdColumn("compound")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no column named 'compound'");
    }

    @Test
    void csvShortRowAndBadQuotingAreRecordErrorsAndReadingGoesOn() throws IOException {
        Path file = write("lib.csv", "id,value,smiles\na,1\nb,2,\"CC\"C\"\nc,3,CCO\nd,4,\n");
        List<LibraryRecord> records = readAll(file, ReadOptions.defaults());
        assertThat(records).hasSize(4);
        RecordError shortRow = (RecordError) records.get(0);
        assertThat(shortRow.message()).contains("lib.csv line 2 (record 1)").contains("field smiles").contains("2 fields");
        RecordError badQuote = (RecordError) records.get(1);
        assertThat(badQuote.message()).contains("line 3").contains("malformed CSV");
        assertThat(((RawRecord) records.get(2)).text()).isEqualTo("CCO");
        RecordError empty = (RecordError) records.get(3);
        assertThat(empty.reason()).isEqualTo("empty SMILES");
        assertThat(empty.id()).isEqualTo("d");
    }

    @Test
    void emptyFileIsAClearError() throws IOException {
        Path file = write("empty.smi", "");
        assertThatThrownBy(() -> readAll(file, ReadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("empty.smi: is empty (0 bytes): there are no records to read");
    }

    @Test
    void binaryGarbageIsAClearError() throws IOException {
        Path file = dir.resolve("garbage.sdf");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file, ReadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("garbage.sdf")
                .hasMessageContaining("binary data");
    }

    @Test
    void missingFileAndDirectoryAreClearErrors() {
        assertThatThrownBy(() -> readAll(dir.resolve("nope.smi"), ReadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> readAll(dir, ReadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("directory");
    }

    @Test
    void unknownExtensionNeedsAnExplicitFormat() throws IOException {
        Path file = write("lib.dat", "CCO x\n");
        assertThatThrownBy(() -> readAll(file, ReadOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot tell the format");
        assertThat(readAll(file, ReadOptions.defaults().withFormat(LibraryFormat.SMILES))).hasSize(1);
    }

    @Test
    void aOneMegabyteLineIsReportedAndSkipped() throws IOException {
        char[] huge = new char[1 << 20];
        Arrays.fill(huge, 'C');
        Path file = write("long.smi", "CCO a\n" + new String(huge) + " big\nCCN b\n");
        List<LibraryRecord> records = readAll(file, ReadOptions.defaults());
        assertThat(records).hasSize(3);
        RecordError error = (RecordError) records.get(1);
        assertThat(error.message()).contains("long.smi line 2 (record 2)")
                .contains("1048580 characters long, more than the limit of 65536");
        assertThat(((RawRecord) records.get(2)).id()).isEqualTo("b");
        assertThat(records.get(2).location().line()).isEqualTo(3);
    }

    @Test
    void nonUtf8LineInsideATextFileIsARecordError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("CCO a\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'C', (byte) 0xff, (byte) 0xfe, ' ', 'x', '\n'});
        bytes.write("CCN b\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("mixed.smi");
        Files.write(file, bytes.toByteArray());
        List<LibraryRecord> records = readAll(file, ReadOptions.defaults());
        assertThat(records).hasSize(3);
        assertThat(((RecordError) records.get(1)).reason()).contains("not UTF-8");
    }

    @Test
    void truncatedGzipDeliversEverythingBeforeTheCutThenOneError() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            content.append("CC").append("C".repeat(i % 7)).append("O id").append(i).append('\n');
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(content.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = compressed.toByteArray();
        Path file = dir.resolve("cut.smi.gz");
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        List<LibraryRecord> records = readAll(file, ReadOptions.defaults());
        assertThat(records.size()).isBetween(100, 19_999);
        assertThat(records.subList(0, records.size() - 1)).allMatch(r -> r instanceof RawRecord);
        RecordError last = (RecordError) records.get(records.size() - 1);
        assertThat(last.field()).isEqualTo("file");
        assertThat(last.reason()).contains("ends abruptly");
    }

    @Test
    void streamFromUploadUsesTheGivenName() {
        ByteArrayInputStream in = new ByteArrayInputStream("smiles\nCCO\n".getBytes(StandardCharsets.UTF_8));
        try (LibraryReader reader = LibraryReader.open(in, "upload.csv", ReadOptions.defaults())) {
            assertThat(reader.next().location().source()).isEqualTo("upload.csv");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRecordByteBoundHoldsForLineFormatsCountingUtf8Bytes() throws IOException {
        // 700 'é' are 700 characters but 1,400 UTF-8 bytes: over a 1 KiB bound
        String wide = "C".repeat(10) + " " + "\u00e9".repeat(700);
        ReadOptions oneKb = ReadOptions.defaults().withMaxRecordKb(1);
        for (String name : new String[] {"lib.smi", "lib.csv", "lib.tsv"}) {
            String header = name.endsWith(".smi") ? "" : name.endsWith(".csv") ? "smiles,id\n" : "smiles\tid\n";
            String separator = name.endsWith(".smi") ? " " : name.endsWith(".csv") ? "," : "\t";
            Path file = write(name, header + "CCO" + separator + "a\n" + wide.replace(" ", separator) + "\nCCN" + separator + "b\n");
            List<LibraryRecord> records = readAll(file, oneKb);
            assertThat(records).as(name).hasSize(3);
            RecordError error = (RecordError) records.get(1);
            assertThat(error.reason()).as(name).contains("more than 1 KiB").contains("max-record-kb");
            assertThat(((RawRecord) records.get(2)).id()).as(name).isEqualTo("b");
        }
    }
}
