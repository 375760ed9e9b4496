package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code molscreen featurize} run in-process on real files. */
class FeaturizeCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void featurisesEveryRecordAndReportsBadOnesInTheErrorColumn() throws IOException {
        Path input = dir.resolve("lib.smi");
        Files.writeString(input, "CC(=O)Oc1ccccc1C(=O)O aspirin\nC1CC bad\nCC(=O)[O-].[Na+] acetate\nO=C1C(=Cc2ccc(O)cc2)SC(=S)N1 rhodanine\n");
        Path output = dir.resolve("features.csv");
        CliRun run = run("featurize", input.toString(), "--out", output.toString(), "--threads", "2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("4 records, 3 featurised, 1 errors").contains("lib.smi line 2 (record 2)");
        List<CSVRecord> rows = readCsv(output);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("id", "smiles", "mw", "exact_mass", "clogp",
                "tpsa", "hbd", "hba", "rotb", "heavy_atoms", "rings", "aromatic_rings", "fsp3", "formal_charge", "qed",
                "ro5_violations", "veber_pass", "pains", "ecfp4_2048", "error");

        CSVRecord aspirin = rows.get(0);
        assertThat(aspirin.get("id")).isEqualTo("aspirin");
        assertThat(Double.parseDouble(aspirin.get("mw"))).isBetween(180.15, 180.17);
        assertThat(aspirin.get("hbd")).isEqualTo("1");
        assertThat(aspirin.get("hba")).isEqualTo("4");
        assertThat(aspirin.get("ro5_violations")).isEqualTo("0");
        assertThat(aspirin.get("veber_pass")).isEqualTo("true");
        assertThat(aspirin.get("error")).isEmpty();
        assertThat(aspirin.get("ecfp4_2048").split(";")).hasSizeGreaterThan(10);

        CSVRecord bad = rows.get(1);
        assertThat(bad.get("id")).isEqualTo("bad");
        assertThat(bad.get("smiles")).isEmpty();
        assertThat(bad.get("mw")).isEmpty();
        assertThat(bad.get("error")).contains("lib.smi line 2 (record 2), id bad, field smiles");

        CSVRecord acetate = rows.get(2);
        assertThat(acetate.get("smiles")).as("salt stripped, neutralised").isEqualTo("O=C(O)C");
        assertThat(acetate.get("formal_charge")).isEqualTo("0");

        assertThat(rows.get(3).get("pains")).as("rhodanine is a PAINS family").startsWith("ene_rhod");
        assertThat(Files.list(dir)).noneMatch(p -> p.getFileName().toString().endsWith(".partial"));
    }

    @Test
    void noStandardizeComputesOnTheRecordAsGiven() throws IOException {
        Path input = dir.resolve("lib.smi");
        Files.writeString(input, "CC(=O)[O-].[Na+] acetate\n");
        Path output = dir.resolve("features.csv");
        assertThat(run("featurize", input.toString(), "--out", output.toString(), "--no-standardize", "--fingerprint", "none").exitCode()).isZero();
        CSVRecord row = readCsv(output).get(0);
        assertThat(row.get("smiles")).contains(".").contains("[Na+]");
        assertThat(row.get("formal_charge")).isEqualTo("0");
        assertThat(row.getParser().getHeaderNames()).doesNotContain("ecfp4_2048");
    }

    @Test
    void csvAndGzipAndColumnOptions() throws IOException {
        Path input = dir.resolve("lib.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(input))) {
            out.write("compound,structure\nc1,CCO\nc2,c1ccccc1\n".getBytes(StandardCharsets.UTF_8));
        }
        Path output = dir.resolve("out.csv");
        CliRun run = run("featurize", input.toString(), "-o", output.toString(), "--smiles-col", "structure",
                "--id-col", "compound", "--fingerprint", "maccs");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = readCsv(output);
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("c1", "c2");
        assertThat(rows.get(0).getParser().getHeaderNames()).contains("maccs_166");
    }

    @Test
    void sameOutputWithOneOrManyThreads() throws IOException {
        StringBuilder library = new StringBuilder();
        String[] smiles = {"CCO", "c1ccccc1O", "CC(=O)Nc1ccc(O)cc1", "C1CC", "CN1CCC[C@H]1c1cccnc1", "OC(=O)CC(O)(CC(=O)O)C(=O)O"};
        for (int i = 0; i < 1_500; i++) {
            library.append(smiles[i % smiles.length]).append(" m").append(i).append('\n');
        }
        Path input = dir.resolve("many.smi");
        Files.writeString(input, library);
        Path one = dir.resolve("one.csv");
        Path four = dir.resolve("four.csv");
        assertThat(run("featurize", input.toString(), "--out", one.toString(), "--threads", "1", "-q").exitCode()).isZero();
        assertThat(run("featurize", input.toString(), "--out", four.toString(), "--threads", "4", "-q").exitCode()).isZero();
        assertThat(Files.readString(four)).isEqualTo(Files.readString(one));
        assertThat(readCsv(one)).hasSize(1_500);
    }

    @Test
    void unreadableInputsExitNonZeroWithOneClearLineAndNoOutput() throws IOException {
        Path output = dir.resolve("out.csv");
        CliRun missing = run("featurize", dir.resolve("nope.smi").toString(), "--out", output.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.smi: no such file").doesNotContain("Exception").doesNotContain("\tat ");

        Path empty = dir.resolve("empty.sdf");
        Files.writeString(empty, "");
        CliRun emptyRun = run("featurize", empty.toString(), "--out", output.toString());
        assertThat(emptyRun.exitCode()).isEqualTo(3);
        assertThat(emptyRun.err()).contains("empty.sdf: is empty");

        Path noColumn = dir.resolve("cols.csv");
        Files.writeString(noColumn, "id,structure\n1,CCO\n");
        CliRun noColumnRun = run("featurize", noColumn.toString(), "--out", output.toString());
        assertThat(noColumnRun.exitCode()).isEqualTo(3);
        assertThat(noColumnRun.err()).contains("no SMILES column");

        Path binary = dir.resolve("garbage.smi");
        Files.write(binary, new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3});
        assertThat(run("featurize", binary.toString(), "--out", output.toString()).err()).contains("binary data");

        assertThat(output).doesNotExist();
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path input = dir.resolve("lib.smi");
        Files.writeString(input, "CCO x\n");
        CliRun bits = run("featurize", input.toString(), "--out", dir.resolve("o.csv").toString(), "--bits", "1000");
        assertThat(bits.exitCode()).isEqualTo(2);
        assertThat(bits.err()).contains("1024, 2048 or 4096");
        CliRun fingerprint = run("featurize", input.toString(), "--out", dir.resolve("o.csv").toString(), "--fingerprint", "morgan");
        assertThat(fingerprint.exitCode()).isEqualTo(2);
        assertThat(fingerprint.err()).contains("unknown fingerprint 'morgan'");
        CliRun noOut = run("featurize", input.toString());
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--out=FILE.csv'");
        assertThat(run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void versionNamesTheLibraries() {
        CliRun version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("molscreen").contains("CDK 2.11").contains("Deeplearning4j 1.0.0-M2.1").contains("Apache Ignite 2.17.0").contains("Vert.x 5.0.7");
    }
}
