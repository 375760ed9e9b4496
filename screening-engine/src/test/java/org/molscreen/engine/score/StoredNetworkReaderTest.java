package org.molscreen.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Reading a network file without ND4J must give exactly the network DL4J's reading gives: the same weights, so the
 * same scores to the last bit, on every bundled model and on the shapes molscreen can train; anything it does not
 * understand it must leave to DL4J (empty) rather than read differently.
 */
class StoredNetworkReaderTest {

    private static final String MODELS = "/org/molscreen/engine/models/";

    @ParameterizedTest
    @ValueSource(strings = {"bace1", "tox21", "herg", "egfr"})
    void everyBundledNetworkReadsAsDl4jReadsIt(String model) throws IOException {
        Map<String, byte[]> entries = entries(MODELS + model + ".zip");
        int networks = 0;
        for (int i = 0; entries.containsKey("network-" + i + ".bin"); i++, networks++) {
            byte[] file = entries.get("network-" + i + ".bin");
            MultiLayerNetwork dl4j = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(file), false)
                    .convertDataType(DataType.FLOAT);
            int inputs = (int) dl4j.layerInputSize(0);
            int bits = Math.min(inputs, 2048);
            Optional<SparseNetwork> read = StoredNetworkReader.read(file, bits);
            assertThat(read).as(model + " network " + i).isPresent();
            assertIdentical(SparseNetwork.of(dl4j, bits), read.get(), i);
        }
        assertThat(networks).isEqualTo(5);
    }

    @Test
    void shapesMolscreenTrainsReadIdenticallyInEveryPrecision() throws IOException {
        for (DataType stored : List.of(DataType.HALF, DataType.FLOAT, DataType.DOUBLE)) {
            MultiLayerNetwork net = network(2048 + 13, new int[] {64, 32, 16}, 12, Activation.SIGMOID, true);
            MultiLayerNetwork asRead = net.convertDataType(stored).convertDataType(DataType.FLOAT);
            Optional<SparseNetwork> read = StoredNetworkReader.read(serialised(net.convertDataType(stored)), 2048);
            assertThat(read).as(stored.name()).isPresent();
            assertIdentical(SparseNetwork.of(asRead, 2048), read.get(), 0);
        }
        MultiLayerNetwork regression = network(1024, new int[] {48}, 1, Activation.IDENTITY, false);
        Optional<SparseNetwork> read = StoredNetworkReader.read(serialised(regression), -1);
        assertThat(read).isPresent();
        assertThat(read.get().outputActivation()).isEqualTo(SparseNetwork.OutputActivation.IDENTITY);
        assertIdentical(SparseNetwork.of(regression), read.get(), 0);
    }

    /** What the sparse scorer cannot reproduce, or a file it cannot read, is left to DL4J. */
    @Test
    void leavesEverythingElseToDl4j() throws IOException {
        MultiLayerNetwork leaky = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(256).nOut(16).activation(Activation.LEAKYRELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(16).nOut(1).activation(Activation.SIGMOID).build())
                .build());
        leaky.init();
        assertThat(StoredNetworkReader.read(serialised(leaky), -1)).isEmpty();

        MultiLayerNetwork layerNorm = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(256).nOut(16).activation(Activation.RELU).hasLayerNorm(true).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(16).nOut(1).activation(Activation.SIGMOID).build())
                .build());
        layerNorm.init();
        assertThat(StoredNetworkReader.read(serialised(layerNorm), -1)).isEmpty();

        MultiLayerNetwork softmax = network(256, new int[] {16}, 3, Activation.SOFTMAX, true);
        assertThat(StoredNetworkReader.read(serialised(softmax), -1)).isEmpty();

        byte[] good = serialised(network(256, new int[] {16}, 1, Activation.SIGMOID, true));
        assertThat(StoredNetworkReader.read(good, -1)).isPresent();
        assertThat(StoredNetworkReader.read(Arrays.copyOf(good, good.length / 2), -1)).isEmpty();
        assertThat(StoredNetworkReader.read("not a zip".getBytes(StandardCharsets.US_ASCII), -1)).isEmpty();
        assertThat(StoredNetworkReader.read(new byte[0], -1)).isEmpty();
        // coefficients one value short, and the configuration's sizes edited to disagree with them
        Map<String, byte[]> parts = unzip(good);
        byte[] coefficients = parts.get("coefficients.bin");
        assertThat(StoredNetworkReader.read(zip(Map.of("configuration.json", parts.get("configuration.json"),
                "coefficients.bin", Arrays.copyOf(coefficients, coefficients.length - 2))), -1)).isEmpty();
        String wider = new String(parts.get("configuration.json"), StandardCharsets.UTF_8).replace("\"nout\" : 16", "\"nout\" : 17")
                .replace("\"nin\" : 16", "\"nin\" : 17");
        assertThat(StoredNetworkReader.read(zip(Map.of("configuration.json", wider.getBytes(StandardCharsets.UTF_8),
                "coefficients.bin", coefficients)), -1)).isEmpty();
        assertThat(StoredNetworkReader.read(zip(Map.of("coefficients.bin", coefficients)), -1)).isEmpty();
    }

    @Test
    void halfPrecisionValuesConvertExactly() {
        assertThat(StoredNetworkReader.halfToFloat((short) 0x3c00)).isEqualTo(1.0f);
        assertThat(StoredNetworkReader.halfToFloat((short) 0xc000)).isEqualTo(-2.0f);
        assertThat(StoredNetworkReader.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(StoredNetworkReader.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(StoredNetworkReader.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(StoredNetworkReader.halfToFloat((short) 0x83ff)).isEqualTo(-1023 * 0x1p-24f);
        assertThat(Float.floatToRawIntBits(StoredNetworkReader.halfToFloat((short) 0x8000))).isEqualTo(0x80000000);
        assertThat(StoredNetworkReader.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(StoredNetworkReader.halfToFloat((short) 0x7e00)).isNaN();
        // and as ND4J converts: every value of a spread of magnitudes, subnormals included, through a half buffer
        float[] values = new float[4000];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 8));
        }
        INDArray halves = Nd4j.createFromArray(values).castTo(DataType.HALF);
        float[] nd4j = halves.castTo(DataType.FLOAT).toFloatVector();
        short[] bits = halfBits(halves);
        for (int i = 0; i < values.length; i++) {
            assertThat(StoredNetworkReader.halfToFloat(bits[i])).as("value %d (%s)", i, values[i]).isEqualTo(nd4j[i]);
        }
    }

    /** Same architecture, same scores to the last bit on fingerprints, counts and a descriptor tail. */
    private static void assertIdentical(SparseNetwork expected, SparseNetwork actual, int network) {
        assertThat(actual.inputBits()).isEqualTo(expected.inputBits());
        assertThat(actual.denseInputs()).isEqualTo(expected.denseInputs());
        assertThat(actual.hiddenWidths()).containsExactly(expected.hiddenWidths());
        assertThat(actual.outputs()).isEqualTo(expected.outputs());
        assertThat(actual.outputActivation()).isEqualTo(expected.outputActivation());
        int count = 300;
        int words = expected.wordsPerFingerprint();
        Random random = new Random(network);
        long[] packed = new long[count * words];
        int setBits = 0;
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 40; k++) {
                int bit = random.nextInt(expected.inputBits());
                long word = packed[i * words + bit / 64];
                if ((word & (1L << (bit % 64))) == 0) {
                    packed[i * words + bit / 64] = word | 1L << (bit % 64);
                    setBits++;
                }
            }
        }
        float[] values = new float[setBits];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.log1p(1 + random.nextInt(6));
        }
        float[] tail = expected.denseInputs() == 0 ? null : new float[count * expected.denseInputs()];
        if (tail != null) {
            for (int i = 0; i < tail.length; i++) {
                tail[i] = (float) random.nextGaussian();
            }
        }
        float[] a = new float[count * expected.outputs()];
        float[] b = new float[count * expected.outputs()];
        expected.predict(packed, 0, count, words, values, 0, tail, 0, a);
        actual.predict(packed, 0, count, words, values, 0, tail, 0, b);
        assertThat(b).containsExactly(a);
        assertThat(a).matches(out -> new java.util.HashSet<>(Arrays.asList(box(out))).size() > count / 2,
                "varied outputs");
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static short[] halfBits(INDArray halves) {
        java.nio.ByteBuffer bytes = halves.data().asNio().order(java.nio.ByteOrder.nativeOrder());
        short[] out = new short[(int) halves.length()];
        bytes.asShortBuffer().get(out);
        return out;
    }

    private static MultiLayerNetwork network(int inputs, int[] hidden, int outputs, Activation output, boolean bias) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU).list();
        int in = inputs;
        for (int width : hidden) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).dropOut(0.8).hasBias(bias).build());
            in = width;
        }
        LossFunctions.LossFunction loss = output == Activation.IDENTITY ? LossFunctions.LossFunction.MSE
                : output == Activation.SOFTMAX ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.XENT;
        list.layer(new OutputLayer.Builder(loss).nIn(in).nOut(outputs).activation(output).hasBias(bias).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        // non-zero biases and weights off DL4J's init pattern
        INDArray params = net.params();
        Random random = new Random(inputs);
        float[] noise = new float[(int) params.length()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.05);
        }
        params.addi(Nd4j.createFromArray(noise).reshape(params.shape()));
        return net;
    }

    private static byte[] serialised(MultiLayerNetwork net) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> entries(String resource) throws IOException {
        try (InputStream in = StoredNetworkReaderTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return unzip(in.readAllBytes());
        }
    }

    private static Map<String, byte[]> unzip(byte[] file) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : new ArrayList<>(new TreeMap<>(entries).entrySet())) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
