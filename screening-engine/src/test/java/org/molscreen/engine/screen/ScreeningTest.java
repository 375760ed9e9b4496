package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeatureTableWriter;
import org.molscreen.chem.featurize.FixedDecimals;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;

/**
 * A local screen with the bundled hERG model over a small library, and its hit list in the three formats:
 * columns, ranks, the text of every cell and the escaping of awkward ids.
 */
class ScreeningTest {

    private static final ModelRegistry REGISTRY = ModelRegistry.open(null);
    private static ScreeningModel herg;

    @TempDir
    static Path dir;
    private static Path library;

    /** An id with a comma, quotes and spaces: CSV must quote it, JSON escape it, SDF carry it as the title. */
    private static final String AWKWARD_ID = "terfenadine, \"Seldane\" 60 mg";

    @BeforeAll
    static void library() throws IOException {
        herg = REGISTRY.load("herg");
        library = Files.writeString(dir.resolve("library.smi"), String.join("\n",
                TestMolecules.ASPIRIN + " aspirin",
                TestMolecules.TERFENADINE + " " + AWKWARD_ID,
                "C1CC broken",
                "S=C1SC(=Cc2ccccc2)C(=O)N1 rhodanine",
                TestMolecules.CAFFEINE + " caffeine") + "\n");
    }

    private static HitList screen(ScreenRequest request) throws Exception {
        ScreenSettings settings = request.resolve(name -> REGISTRY.load(name).card());
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            return new Screening(1).run(reader, settings, List.of(herg), done -> { });
        }
    }

    private static ScreenRequest request(int top, List<String> filters, String similarTo, boolean keepFiltered) {
        return new ScreenRequest(List.of("herg"), null, top, filters, null, similarTo, 0.0, keepFiltered);
    }

    @Test
    void theScreenRanksByProbabilityDropsFilteredCompoundsAndCountsEverything() throws Exception {
        HitList list = screen(request(10, List.of("pains"), null, false));
        assertThat(list.records()).isEqualTo(5);
        assertThat(list.errors()).isEqualTo(1);
        assertThat(list.filtered()).isEqualTo(1);
        assertThat(list.hits()).extracting(Hit::id).containsExactlyInAnyOrder(AWKWARD_ID, "aspirin", "caffeine");
        // the known hERG blocker first
        assertThat(list.hits().get(0).id()).isEqualTo(AWKWARD_ID);
        assertThat(list.hits()).isSortedAccordingTo(TopHits.RANKING);
        // the histogram counts every scored compound, the filtered one too
        assertThat(list.histogram().total()).isEqualTo(4);
        assertThat(list.models()).containsExactly(new HitList.ModelColumns("herg",
                herg.card().endpoints().stream().map(e -> e.name()).toList(), true));

        HitList top1 = screen(request(1, List.of("pains"), null, false));
        assertThat(top1.hits()).extracting(Hit::id).containsExactly(AWKWARD_ID);
        assertThat(top1.hits().get(0).score()).isEqualTo(list.hits().get(0).score());
    }

    @Test
    void csvHasTheDocumentedColumnsAndQuotesAwkwardIds() throws Exception {
        HitList list = screen(request(10, List.of(), null, false));
        String endpoint = herg.card().endpoints().get(0).name();
        List<String> header = HitListWriter.header(list);
        assertThat(header.subList(0, 8)).containsExactly("rank", "id", "smiles", "score", "herg." + endpoint, "herg." + endpoint + "_std",
                "herg_nearest_training", "herg_in_domain");
        assertThat(header.subList(8, 8 + FeatureTableWriter.DESCRIPTOR_COLUMNS.size())).isEqualTo(FeatureTableWriter.DESCRIPTOR_COLUMNS);
        assertThat(header).endsWith("ro5_violations", "veber_pass", "pains").doesNotContain("similarity", "filtered");

        StringWriter out = new StringWriter();
        HitListWriter.write(list, HitListWriter.Format.CSV, out);
        assertThat(out.toString()).contains("\"terfenadine, \"\"Seldane\"\" 60 mg\"");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).hasSize(1 + list.hits().size());
        assertThat(rows.get(0).toList()).isEqualTo(header);
        for (int i = 0; i < list.hits().size(); i++) {
            Hit hit = list.hits().get(i);
            CSVRecord row = rows.get(i + 1);
            assertThat(row.size()).isEqualTo(header.size());
            assertThat(row.get(0)).isEqualTo(Integer.toString(i + 1));
            assertThat(row.get(1)).isEqualTo(hit.id());
            assertThat(row.get(3)).isEqualTo(FixedDecimals.format(hit.score(), 4)).matches("\\d\\.\\d{4}");
            // classification outputs: four decimals, the same number as the score it ranks by
            assertThat(row.get(4)).isEqualTo(row.get(3));
            assertThat(row.get(7)).isIn("true", "false");
        }
    }

    @Test
    void jsonAndSdfCarryTheSameCellsAndPagesKeepTheirRanks() throws Exception {
        HitList list = screen(request(10, List.of("pains"), TestMolecules.ASPIRIN, true));
        List<String> header = HitListWriter.header(list);
        assertThat(header).endsWith("similarity", "filtered");
        List<List<String>> rows = HitListWriter.rows(list);
        assertThat(list.hits()).hasSize(4);
        int rhodanine = list.hits().stream().map(Hit::id).toList().indexOf("rhodanine");
        assertThat(rows.get(rhodanine).get(header.size() - 1)).startsWith("pains: ");
        int aspirin = list.hits().stream().map(Hit::id).toList().indexOf("aspirin");
        assertThat(rows.get(aspirin).get(header.indexOf("similarity"))).isEqualTo("1.000");

        StringWriter json = new StringWriter();
        HitListWriter.write(list, HitListWriter.Format.JSON, json, new HitListWriter.Page(1, 2));
        JsonNode document = new ObjectMapper().readTree(json.toString());
        assertThat(document.get("total").asInt()).isEqualTo(4);
        assertThat(document.get("offset").asInt()).isEqualTo(1);
        assertThat(document.get("records").asLong()).isEqualTo(5);
        JsonNode hits = document.get("hits");
        assertThat(hits).hasSize(2);
        for (int k = 0; k < 2; k++) {
            JsonNode hit = hits.get(k);
            List<String> row = rows.get(k + 1);
            assertThat(hit.get("rank").asInt()).isEqualTo(k + 2);
            assertThat(hit.get("id").asText()).isEqualTo(row.get(1));
            assertThat(hit.get("score").isNumber()).isTrue();
            assertThat(hit.get("score").decimalValue().toPlainString()).isEqualTo(row.get(3));
            assertThat(hit.get("herg_in_domain").isBoolean()).isTrue();
            assertThat(hit.get("pains").isTextual() || hit.get("pains").isNull()).isTrue();
        }

        StringWriter sdf = new StringWriter();
        HitListWriter.write(list, HitListWriter.Format.SDF, sdf);
        String text = sdf.toString();
        assertThat(text.split("\\$\\$\\$\\$\n", -1)).hasSize(5);
        assertThat(text).startsWith(list.hits().get(0).id() + "\n").contains("> <rank>\n1\n\n").contains("> <id>\n" + AWKWARD_ID + "\n\n")
                .contains("M  END");
        // no minute of writing in the molfile header: the same hit list gives the same file at any time
        assertThat(text.lines().skip(1).findFirst()).hasValue("  CDK               2D");
        assertThat(HitListWriter.Format.forFileName("hits.SDF")).isEqualTo(HitListWriter.Format.SDF);
        assertThat(HitListWriter.Format.forFileName("hits.txt")).isEqualTo(HitListWriter.Format.CSV);
        assertThatThrownBy(() -> new HitListWriter.Page(-1, 5)).hasMessageContaining("offset and limit");
    }
}
