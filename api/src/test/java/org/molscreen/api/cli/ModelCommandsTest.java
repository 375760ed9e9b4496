package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, models, predict, evaluate and screen, in-process, on a tiny real model trained here. */
class ModelCommandsTest {

    @TempDir
    static Path dir;

    static Path models;
    static Path library;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String[] AMINES = {"CCN", "CCCN", "CCCCN", "NCCO", "NCC(C)C", "CN(C)CC", "NCc1ccccc1", "NC1CCCCC1",
        "CCNCC", "NCCCCN", "CC(N)CC", "NC(C)(C)C", "NCCc1ccccc1", "CNCCO", "NCC=C", "CCCCCN", "NCc1ccncc1", "NCCCO"};
    private static final String[] OTHERS = {"CCO", "CCCO", "CCCC", "OCCO", "CC(C)C", "COC", "Oc1ccccc1", "C1CCCCC1",
        "CCOCC", "OCCCCO", "CC(O)CC", "CC(C)(C)O", "OCCc1ccccc1", "COCCO", "C=CCO", "CCCCCC", "Oc1ccncc1", "OCCCOC"};

    @BeforeAll
    static void trainATinyAffinityModel() throws IOException {
        StringBuilder csv = new StringBuilder("id,smiles,pIC50,Class\n");
        for (int i = 0; i < AMINES.length; i++) {
            csv.append("a").append(i).append(',').append(AMINES[i]).append(",8.").append(i % 10).append(",1\n");
            csv.append("o").append(i).append(',').append(OTHERS[i]).append(",5.").append(i % 10).append(",0\n");
        }
        Path data = dir.resolve("toy.csv");
        Files.writeString(data, csv);
        models = Files.createDirectories(dir.resolve("models"));
        CliRun train = run("train", data.toString(), "--name", "toy", "--kind", "regression", "--label", "pIC50",
                "--unit", "pIC50", "--split", "random", "--class-col", "Class", "--hidden", "16", "--ensemble", "2",
                "--epochs", "30", "--patience", "30", "--lr", "0.01", "--out", models.resolve("toy.zip").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("test: rmse").contains("Class/roc_auc");
        library = dir.resolve("lib.smi");
        Files.writeString(library, "NCCCCCN diamine\nCCCCCCO hexanol\nC1CC broken\nO=C1C(=Cc2ccc(O)cc2)SC(=S)N1 rhodanine\n");
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** MACCS keys have no counts: train's default --counts gives way (and so does the search) instead of failing. */
    @Test
    void trainOnMaccsKeysReadsBitsWhateverTheCountsDefault() throws IOException {
        Path model = dir.resolve("maccs.zip");
        CliRun train = run("train", dir.resolve("toy.csv").toString(), "--name", "maccs", "--kind", "regression", "--label", "pIC50",
                "--split", "random", "--fingerprint", "maccs", "--hidden", "16", "--ensemble", "2", "--search", "4",
                "--epochs", "10", "--patience", "10", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        CliRun card = run("models", "maccs", "--models-dir", dir.toString());
        JsonNode json = new ObjectMapper().readTree(card.out());
        assertThat(json.get("featurization").get("fingerprint").asText()).isEqualTo("maccs_166");
        assertThat(json.get("featurization").get("fingerprintValues").asText()).isEqualTo("bits");
        json.get("trainer").get("search").forEach(trial -> assertThat(trial.get("counts").asBoolean()).isFalse());
    }

    @Test
    void modelsListsTheCardAndPrintsItAsJson() throws IOException {
        CliRun list = run("models", "--models-dir", models.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("toy").contains("user").contains("regression").contains("ecfp4_2048");
        // the bundled bace1 headlines its active/inactive separation, as the toy model does with its class column
        assertThat(list.out().lines().filter(line -> line.startsWith("bace1")).findFirst().orElseThrow()).contains("Class/roc_auc");
        assertThat(list.out().lines().filter(line -> line.startsWith("toy")).findFirst().orElseThrow()).contains("Class/roc_auc");
        // the inputs column says what the networks read
        assertThat(list.out().lines().filter(line -> line.startsWith("tox21")).findFirst().orElseThrow()).contains("ecfp4_2048+counts+desc");
        assertThat(list.out().lines().filter(line -> line.startsWith("bace1")).findFirst().orElseThrow())
                .contains(" ecfp4_2048 ").doesNotContain("+counts");
        CliRun card = run("models", "toy", "--models-dir", models.toString());
        JsonNode json = new ObjectMapper().readTree(card.out());
        assertThat(json.get("name").asText()).isEqualTo("toy");
        assertThat(json.get("trainingData").get("sha256").asText()).hasSize(64);
        // the command as typed, once: pasted into a shell it trains the model again
        assertThat(json.get("command").asText()).startsWith("molscreen train " + dir.resolve("toy.csv") + " --name toy ");
        assertThat(json.get("metrics").get("test").has("rmse")).isTrue();
    }

    /** A card's command keeps each argument one argument in a shell: blanks and quotes inside one are quoted. */
    @Test
    void theCardsCommandQuotesWhatAShellWouldSplit() {
        assertThat(TrainCommand.commandLine(List.of("train", "data/esol.csv", "--label", "measured log solubility", "--name", "esol")))
                .isEqualTo("molscreen train data/esol.csv --label 'measured log solubility' --name esol");
        assertThat(TrainCommand.commandLine(List.of("train", "it's.csv", "--label", "a$b", "--hidden", "256,64", "--lr=0.001")))
                .isEqualTo("molscreen train 'it'\\''s.csv' --label 'a$b' --hidden 256,64 --lr=0.001");
        // a data file that happens to be called train is kept: only the subcommand's own name is dropped
        assertThat(TrainCommand.commandLine(List.of("train", "train", "--name", "x"))).isEqualTo("molscreen train train --name x");
    }

    @Test
    void predictWritesEveryRecordWithEndpointColumns() throws IOException {
        Path out = dir.resolve("pred.csv");
        CliRun predict = run("predict", library.toString(), "--model", "toy", "--models-dir", models.toString(), "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<CSVRecord> rows = csv(out);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).getParser().getHeaderNames()).startsWith("id", "smiles", "pIC50", "pIC50_std", "nearest_training", "in_domain");
        assertThat(Double.parseDouble(rows.get(0).get("pIC50"))).as("a diamine looks like the amines").isGreaterThan(Double.parseDouble(rows.get(1).get("pIC50")));
        assertThat(rows.get(2).get("error")).contains("lib.smi line 3 (record 3), id broken");
    }

    @Test
    void evaluatePrintsMetricsAsJson() throws IOException {
        Path data = dir.resolve("eval.csv");
        Files.writeString(data, "smiles,pIC50\nNCCCCCN,8.5\nCCCCCCO,5.0\nNCCCN,8.2\nOCCCCCO,5.1\n");
        CliRun evaluate = run("evaluate", data.toString(), "--model", "toy", "--models-dir", models.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(evaluate.out());
        assertThat(json.get("rows_used").asInt()).isEqualTo(4);
        assertThat(json.get("metrics").get("spearman").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void screenWritesTheSameHitsAsCsvSdfAndJson() throws IOException {
        Path csvOut = dir.resolve("hits.csv");
        Path sdfOut = dir.resolve("hits.sdf");
        Path jsonOut = dir.resolve("hits.json");
        for (Path out : List.of(csvOut, sdfOut, jsonOut)) {
            CliRun screen = run("screen", library.toString(), "--model", "toy", "--models-dir", models.toString(), "--top", "2",
                    "--filter", "pains", "--out", out.toString());
            assertThat(screen.exitCode()).as(screen.err()).isZero();
            assertThat(screen.err()).contains("4 records, 1 errors, 1 filtered, 2 hits");
        }
        List<CSVRecord> rows = csv(csvOut);
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("diamine", "hexanol");
        assertThat(rows.get(0).get("rank")).isEqualTo("1");
        JsonNode json = new ObjectMapper().readTree(jsonOut.toFile());
        assertThat(json.get("hits")).hasSize(2);
        assertThat(json.get("hits").get(0).get("toy.pIC50").decimalValue().toPlainString()).isEqualTo(rows.get(0).get("toy.pIC50"));
        String sdf = Files.readString(sdfOut);
        assertThat(sdf).contains("diamine").contains("> <toy.pIC50>\n" + rows.get(0).get("toy.pIC50") + "\n").contains("$$$$");
        assertThat(sdf.split("\\$\\$\\$\\$")).hasSize(3);
    }

    @Test
    void badRequestsAreClearErrors() throws IOException {
        CliRun unknown = run("screen", library.toString(), "--model", "nope", "--models-dir", models.toString(), "--out", dir.resolve("x.csv").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown model 'nope'; available: ").contains("bace1").contains("toy");
        CliRun rankBy = run("screen", library.toString(), "--model", "toy", "--rank-by", "toy:pKi", "--models-dir", models.toString(), "--out", dir.resolve("x.csv").toString());
        assertThat(rankBy.err()).contains("molscreen screen: error: --rank-by: ").contains("has no endpoint pKi");
        CliRun top = run("screen", library.toString(), "--model", "toy", "--top", "0", "--models-dir", models.toString(), "--out", dir.resolve("x.csv").toString());
        assertThat(top.err()).contains("--top: top must be");

        Path noLabel = dir.resolve("nolabel.csv");
        Files.writeString(noLabel, "smiles,activity\nCCO,1\n");
        CliRun train = run("train", noLabel.toString(), "--name", "x", "--kind", "regression", "--label", "pIC50", "--out", dir.resolve("x.zip").toString());
        assertThat(train.exitCode()).isEqualTo(3);
        assertThat(train.err()).contains("no label column 'pIC50'");

        Path corrupt = models.resolve("broken.zip");
        Files.writeString(corrupt, "not a zip");
        CliRun broken = run("models", "broken", "--models-dir", models.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.zip").contains("not a model file");
        Files.delete(corrupt);
    }
}
