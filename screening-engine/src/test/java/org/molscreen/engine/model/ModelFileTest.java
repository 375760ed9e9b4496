package org.molscreen.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Model files that cannot be used are refused with the file and the reason; mismatched featurisation too. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static ScreeningModel tinyModel() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(8).nOut(1).activation(Activation.SIGMOID).build())
                .build());
        net.init();
        ModelCard card = ModelCard.builder("tiny", ModelKind.CLASSIFICATION).target("t")
                .endpoints(List.of(new ModelCard.Endpoint("active", "probability", "")))
                .featurization(new ModelCard.Featurization("ecfp4_2048", "CDK", true, null, null))
                .domain(new ModelCard.ApplicabilityDomain(0.3, 1, null, 0)).created("2026-01-01T00:00:00Z").build();
        return new ScreeningModel(card, List.of(net), List.of(Fingerprint.ofOnBits(2048, 1, 2, 3)), List.of());
    }

    static org.molscreen.chem.descriptor.MolecularDescriptors anyDescriptors() {
        return new org.molscreen.chem.descriptor.MolecularDescriptors(180.2, 180.04, 1.3, 63.6, 1, 4, 3, 13, 1, 1, 0.11, 0, 0.55);
    }

    @Test
    void aCardOfTheFirstFormatIsReadWithoutTheLaterFieldsAndAFutureOneIsRefused() {
        // format 1, as molscreen wrote it before descriptors, calibration, de-duplication and search were recorded
        String v1 = """
                {"formatVersion":1,"name":"old","version":"1","kind":"classification","target":"t",
                 "endpoints":[{"name":"active","unit":"probability","description":""}],
                 "featurization":{"fingerprint":"ecfp4_2048","cdkDescription":"CDK","standardized":true},
                 "trainingData":{"name":"d","file":"d.csv","rows":3,"used":3,"sha256":"0","labelColumns":["active"],
                                 "presumedInactives":0,"presumedInactivesSource":null},
                 "trainer":{"hidden":[8],"dropout":0.3,"learningRate":0.001,"l2":0.0,"batchSize":8,"maxEpochs":3,
                            "patience":2,"ensembleSize":1,"seed":1,"positiveWeight":1.0,"epochsTrained":[3]},
                 "domain":{"minSimilarity":0.3,"trainingCompounds":3,"activeThreshold":null,"actives":0},
                 "created":"2026-01-01T00:00:00Z","command":"molscreen train","notes":""}
                """;
        ModelCard card = ModelCardJson.read(v1, "old.zip");
        assertThat(card.featurization().descriptors()).isNull();
        assertThat(card.featurization().inputs(2048)).isEqualTo(2048);
        assertThat(card.calibration()).isNull();
        assertThat(card.trainingData().duplicates()).isNull();
        assertThat(card.trainer().search()).isNull();
        assertThatThrownBy(() -> ModelCardJson.read(v1.replace("\"formatVersion\":1", "\"formatVersion\":99"), "new.zip"))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("new.zip").hasMessageContaining("newer");
    }

    @Test
    void aLibraryFingerprintedOtherwiseIsRefused() {
        ScreeningModel model = tinyModel();
        assertThatThrownBy(() -> model.requireFeaturization(FingerprintSpec.parse("ecfp6_2048"), true))
                .isInstanceOf(ModelMismatchException.class).hasMessageContaining("expects ecfp4_2048").hasMessageContaining("ecfp6_2048");
        assertThatThrownBy(() -> model.requireFeaturization(FingerprintSpec.ecfp4(), false))
                .isInstanceOf(ModelMismatchException.class).hasMessageContaining("standardised");
        assertThatThrownBy(() -> model.predict(List.of(new ModelInput(Fingerprint.ofOnBits(1024, 3), null, ModelFileTest.anyDescriptors()))))
                .isInstanceOf(ModelMismatchException.class).hasMessageContaining("2048-bit");
        model.requireFeaturization(FingerprintSpec.ecfp4(), true);
    }

    @Test
    void brokenFilesNameTheFileAndTheProblem() throws IOException {
        Path notZip = dir.resolve("text.zip");
        Files.writeString(notZip, "hello");
        assertThatThrownBy(() -> ModelFile.read(notZip)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("text.zip").hasMessageContaining("not a model file");

        Path noNetworks = dir.resolve("card-only.zip");
        ModelFile.write(tinyModel(), dir.resolve("good.zip"));
        String card = new String(new java.util.zip.ZipFile(dir.resolve("good.zip").toFile()).getInputStream(
                new ZipEntry("card.json")).readAllBytes(), StandardCharsets.UTF_8);
        zip(noNetworks, "card.json", card);
        assertThatThrownBy(() -> ModelFile.read(noNetworks)).isInstanceOf(InvalidModelException.class).hasMessageContaining("no networks");

        Path future = dir.resolve("future.zip");
        zip(future, "card.json", card.replace("\"formatVersion\" : " + ModelCard.FORMAT_VERSION, "\"formatVersion\" : 99"));
        assertThatThrownBy(() -> ModelFile.read(future)).isInstanceOf(InvalidModelException.class).hasMessageContaining("newer");

        Path badJson = dir.resolve("bad.zip");
        zip(badJson, "card.json", "{\"name\": ");
        assertThatThrownBy(() -> ModelFile.read(badJson)).isInstanceOf(InvalidModelException.class).hasMessageContaining("not a valid model card");

        assertThat(ModelFile.read(dir.resolve("good.zip")).card()).isEqualTo(tinyModel().card());
    }

    /**
     * A model read back from its file scores as the written one did (its networks read without ND4J), restores its
     * DL4J networks when something asks for them, and a damaged network is still refused when the file is read.
     */
    @Test
    void aReadModelScoresAsWrittenAndRestoresItsNetworksOnDemand() throws IOException {
        ScreeningModel written = tinyModel();
        Path file = dir.resolve("tiny.zip");
        ModelFile.write(written, file);
        ScreeningModel read = ModelFile.read(file);
        assertThat(read.networkCount()).isEqualTo(1);
        List<ModelInput> batch = List.of(new ModelInput(Fingerprint.ofOnBits(2048, 1, 2, 3, 700), null, anyDescriptors()),
                new ModelInput(Fingerprint.ofOnBits(2048, 5, 2047), null, anyDescriptors()));
        ScreeningModel stored = new ScreeningModel(written.card(), written.networks().stream().map(ModelFile::asStored).toList(),
                written.trainingFingerprints(), written.actives());
        assertThat(read.sparseOutputs(batch)[0][0]).containsExactly(stored.sparseOutputs(batch)[0][0]);
        assertThat(read.sparseOutputs(batch)[0][1]).containsExactly(stored.sparseOutputs(batch)[0][1]);
        float[][][] dl4j = read.networkOutputs(batch);
        assertThat(read.networks()).hasSize(1);
        assertThat(dl4j[0][0][0]).isCloseTo(read.sparseOutputs(batch)[0][0][0], org.assertj.core.data.Offset.offset(1e-5f));

        Path damaged = dir.resolve("damaged.zip");
        try (var in = new java.util.zip.ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (String name : List.of("card.json", "network-0.bin", "domain.bin")) {
                byte[] bytes = in.getInputStream(new ZipEntry(name)).readAllBytes();
                out.putNextEntry(new ZipEntry(name));
                out.write(name.startsWith("network") ? java.util.Arrays.copyOf(bytes, bytes.length / 3) : bytes);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> ModelFile.read(damaged)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("damaged.zip").hasMessageContaining("network-0.bin cannot be loaded");
    }

    /**
     * The point of reading networks without DL4J: a screen with the bundled models never starts ND4J (its native
     * start and DL4J's restore were a third of a short screen). A fresh JVM, because this one has started it.
     */
    @Test
    void scoringABundledModelDoesNotStartNd4j() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), ScoreWithoutNd4j.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("scored 2 compounds with 5 networks").doesNotContain("org.nd4j.linalg.factory.Nd4j ")
                .doesNotContain("org.nd4j.nativeblas");
    }

    /** Run by {@link #scoringABundledModelDoesNotStartNd4j} in its own JVM. */
    static final class ScoreWithoutNd4j {
        public static void main(String[] args) {
            ScreeningModel model = ModelRegistry.open(null).load("bace1");
            List<CompoundPrediction> predictions = model.predict(List.of(
                    new ModelInput(Fingerprint.ofOnBits(2048, 1, 2, 3, 700), null, anyDescriptors()),
                    new ModelInput(Fingerprint.ofOnBits(2048, 5, 2047), null, anyDescriptors())));
            System.out.println("scored " + predictions.size() + " compounds with " + model.networkCount() + " networks");
        }
    }

    @Test
    void registryListsUserModelsAndRefusesUnknownNames() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        ModelFile.write(tinyModel(), models.resolve("tiny.zip"));
        ModelRegistry registry = ModelRegistry.open(models);
        assertThat(registry.entries()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("tiny");
            assertThat(e.source()).isEqualTo(ModelRegistry.Source.USER);
        });
        assertThat(registry.load("tiny")).isSameAs(registry.load("tiny"));
        assertThatThrownBy(() -> registry.load("nope")).isInstanceOf(ModelRegistry.UnknownModelException.class)
                .hasMessageContaining("unknown model 'nope'").hasMessageContaining("tiny");
    }

    private static void zip(Path file, String name, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
