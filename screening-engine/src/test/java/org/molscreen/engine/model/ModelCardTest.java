package org.molscreen.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Cards are built by name ({@link ModelCard#builder}), and the cards already shipped, of format 1 and 2,
 * read and write back without losing anything they say.
 */
class ModelCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String bundledCardJson(String model) throws IOException {
        try (InputStream in = ModelCardTest.class.getResourceAsStream("/org/molscreen/engine/models/" + model + ".zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("card.json")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(model + ".zip has no card.json");
    }

    /** Every field of {@code original} is in {@code written} with an equal value; fields it lacks are null there. */
    private static void assertKeeps(String where, JsonNode original, JsonNode written) {
        if (original.isObject()) {
            Iterator<String> names = written.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!original.has(name)) {
                    assertThat(written.get(name).isNull()).as("%s.%s, absent from the file, is written as null", where, name).isTrue();
                }
            }
            original.fieldNames().forEachRemaining(name -> {
                assertThat(written.has(name)).as("%s.%s is kept", where, name).isTrue();
                assertKeeps(where + "." + name, original.get(name), written.get(name));
            });
        } else if (original.isArray()) {
            assertThat(written.size()).as("%s size", where).isEqualTo(original.size());
            for (int i = 0; i < original.size(); i++) {
                assertKeeps(where + "[" + i + "]", original.get(i), written.get(i));
            }
        } else if (original.isNumber()) {
            assertThat(written.asDouble()).as(where).isEqualTo(original.asDouble());
        } else {
            assertThat(written).as(where).isEqualTo(original);
        }
    }

    @Test
    void bundledCardsSurviveAReadAndAWrite() throws IOException {
        for (String model : List.of("tox21", "bace1", "herg", "egfr")) {
            String json = bundledCardJson(model);
            ModelCard card = ModelCardJson.read(json, model + ".zip");
            assertThat(card.formatVersion()).as(model).isBetween(1, ModelCard.FORMAT_VERSION);
            if (model.equals("tox21") || model.equals("herg")) {
                assertThat(card.formatVersion()).as(model).isEqualTo(ModelCard.FORMAT_VERSION);
                assertThat(card.featurization().descriptors().readsTopological()).as(model).isTrue();
                assertThat(card.featurization().descriptors().size()).as(model).isEqualTo(13 + 180);
                // tox21's search put networks on bits and on counts into one ensemble; herg is pinned to counts
                assertThat(card.featurization().values()).as(model)
                        .isEqualTo(model.equals("herg") ? FingerprintValues.LOG_COUNTS : FingerprintValues.BITS);
                if (model.equals("tox21")) {
                    assertThat(card.trainer().members()).extracting(ModelCard.SearchTrial::counts).contains(true, false);
                }
            }
            assertThat(card.name()).isEqualTo(model);
            assertThat(card.versions()).containsKeys("cdk", "deeplearning4j", "java");
            assertKeeps(model, JSON.readTree(json), JSON.readTree(ModelCardJson.write(card)));
            assertThat(ModelCardJson.read(ModelCardJson.write(card), model)).isEqualTo(card);
            assertThat(card.toBuilder().build()).isEqualTo(card);
        }
    }

    /**
     * Cards of the layouts earlier releases wrote (the bundled bace1 of format 1, tox21 of format 2, kept as
     * they shipped): still read, kept field by field, and their networks read fingerprint bits.
     */
    @Test
    void cardsOfEarlierFormatsAreStillRead() throws IOException {
        for (String file : List.of("format-1-bace1.json", "format-2-tox21.json")) {
            String json;
            try (var in = ModelCardTest.class.getResourceAsStream("/cards/" + file)) {
                json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            ModelCard card = ModelCardJson.read(json, file);
            assertThat(card.formatVersion()).as(file).isEqualTo(file.startsWith("format-1") ? 1 : 2);
            assertThat(card.featurization().fingerprintValues()).isNull();
            assertThat(card.featurization().values()).isEqualTo(FingerprintValues.BITS);
            assertKeeps(file, JSON.readTree(json), JSON.readTree(ModelCardJson.write(card)));
            assertThat(ModelCardJson.read(ModelCardJson.write(card), file)).isEqualTo(card);
        }
    }

    @Test
    void aBuiltCardWritesTheSameSeventeenFieldsAsEver() throws IOException {
        ModelCard card = ModelCard.builder("toy", ModelKind.REGRESSION)
                .endpoints(List.of(new ModelCard.Endpoint("pIC50", "pIC50", "")))
                .featurization(new ModelCard.Featurization("ecfp4_2048", "CDK", true, null, null))
                .metrics(Map.of("test", Map.of("rmse", 0.5)))
                .build();
        assertThat(card.formatVersion()).isEqualTo(ModelCard.FORMAT_VERSION);
        assertThat(card.version()).isEqualTo("1");
        assertThat(card.command()).isEmpty();
        assertThat(card.notes()).isEmpty();
        assertThat(card.versions()).isEmpty();
        List<String> fields = new ArrayList<>();
        JSON.readTree(ModelCardJson.write(card)).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("formatVersion", "name", "version", "kind", "target", "endpoints",
                "featurization", "trainingData", "split", "trainer", "metrics", "domain", "versions", "created", "command",
                "notes", "calibration");
        assertThat(card.toBuilder().notes("retrained").build().notes()).isEqualTo("retrained");
    }

    @Test
    void aBuilderChecksWhatTheConstructorChecks() {
        ModelCard.Builder noEndpoints = ModelCard.builder("toy", ModelKind.CLASSIFICATION)
                .featurization(new ModelCard.Featurization("ecfp4_2048", "CDK", true, null, null));
        assertThatThrownBy(noEndpoints::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one endpoint");
        assertThatThrownBy(() -> noEndpoints.endpoints(List.of(new ModelCard.Endpoint("a", "", ""))).name("Toy Model").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Toy Model'");
        assertThatThrownBy(() -> ModelCard.builder("toy", ModelKind.CLASSIFICATION)
                .endpoints(List.of(new ModelCard.Endpoint("a", "", ""))).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("featurization");
    }
}
