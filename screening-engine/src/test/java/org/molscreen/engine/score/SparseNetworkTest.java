package org.molscreen.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link SparseNetwork} must give what DL4J gives, on random networks and on a trained one, and must refuse
 * networks whose forward pass it does not reproduce. Tolerance: 1e-5 absolute, the float32 noise of summing
 * the same terms in another order.
 */
class SparseNetworkTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "2048, 256;64,     12, SIGMOID",
        "2048, 512,        1,  IDENTITY",
        "1024, 128;64;32,  3,  SIGMOID",
        "4096, 96,         5,  IDENTITY",
        "2048, 256,        12, SIGMOID",
    })
    void matchesDl4jOnRandomNetworks(int bits, String hidden, int outputs, String activation) {
        long seed = 31L * bits + hidden.hashCode() + outputs;
        MultiLayerNetwork net = network(bits, widths(hidden), outputs, Activation.valueOf(activation), seed, true);
        perturb(net, seed);
        SparseNetwork sparse = SparseNetwork.of(net);

        assertThat(sparse.inputBits()).isEqualTo(bits);
        assertThat(sparse.outputs()).isEqualTo(outputs);
        assertThat(sparse.hiddenWidths()).containsExactly(widths(hidden));
        assertThat(sparse.outputActivation().name()).isEqualTo(activation);

        // 200 is not a multiple of the tile: the last tile is partial
        List<Fingerprint> fps = fingerprints(bits, 200, seed);
        Difference diff = maxAbsDifference(net, sparse, fps);
        System.out.printf("SparseNetwork vs DL4J, %s: max abs difference %.3g over %d molecules "
                + "(%.3g without the half-full fingerprint)%n", sparse, diff.all(), fps.size(), diff.sparse());
        assertThat(diff.all()).isLessThanOrEqualTo(TOLERANCE);
    }

    /**
     * A network that reads log(1 + count) per set bit: the sparse scorer, given the values of each molecule's set
     * bits one after the other, equals DL4J on the dense rows, across partial tiles and a descriptor tail.
     */
    @Test
    void setBitValuesMatchDl4j() {
        int bits = 2048;
        int dense = 13;
        long seed = 77;
        MultiLayerNetwork net = network(bits + dense, new int[] {256, 64}, 12, Activation.SIGMOID, seed, true);
        perturb(net, seed);
        SparseNetwork sparse = SparseNetwork.of(net, bits);
        List<Fingerprint> fps = fingerprints(bits, 150, seed);
        Random random = new Random(seed);
        int total = fps.stream().mapToInt(Fingerprint::cardinality).sum();
        float[] values = new float[total + 3];
        float[] tail = new float[fps.size() * dense];
        INDArray rows = Nd4j.zeros(DataType.FLOAT, fps.size(), bits + dense);
        long[] packed = new long[fps.size() * Fingerprint.wordsFor(bits)];
        int cursor = 3;
        for (int i = 0; i < fps.size(); i++) {
            fps.get(i).copyWordsTo(packed, i * Fingerprint.wordsFor(bits));
            for (int bit : fps.get(i).onBits()) {
                float value = (float) Math.log1p(1 + random.nextInt(6));
                values[cursor++] = value;
                rows.putScalar(i, bit, value);
            }
            for (int d = 0; d < dense; d++) {
                float x = (float) random.nextGaussian();
                tail[i * dense + d] = x;
                rows.putScalar(i, bits + d, x);
            }
        }
        float[] out = new float[fps.size() * 12];
        sparse.predict(packed, 0, fps.size(), Fingerprint.wordsFor(bits), values, 3, tail, 0, out);
        float[][] expected = net.output(rows, false).toFloatMatrix();
        double worst = 0;
        for (int i = 0; i < fps.size(); i++) {
            for (int e = 0; e < 12; e++) {
                worst = Math.max(worst, Math.abs(expected[i][e] - out[i * 12 + e]));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
        // values read as 1 give another answer: the scorer does use them
        float[] asBits = new float[fps.size() * 12];
        sparse.predict(packed, 0, fps.size(), Fingerprint.wordsFor(bits), tail, 0, asBits);
        assertThat(asBits).isNotEqualTo(out);
        assertThatThrownBy(() -> sparse.predict(packed, 0, fps.size(), Fingerprint.wordsFor(bits), new float[total - 1], 0,
                tail, 0, new float[fps.size() * 12])).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("set-bit values end");
    }

    @Test
    void layersWithoutBiasUseZero() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(1024).nOut(64).activation(Activation.RELU).hasBias(false).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(64).nOut(2)
                        .activation(Activation.IDENTITY).hasBias(false).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        perturb(net, 5);
        Difference diff = maxAbsDifference(net, SparseNetwork.of(net), fingerprints(1024, 70, 5));
        assertThat(diff.all()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void matchesDl4jAfterRealTraining() {
        int bits = 2048;
        Random random = new Random(11);
        List<Fingerprint> train = fingerprints(bits, 256, 11);
        float[][] labels = new float[train.size()][3];
        for (int i = 0; i < train.size(); i++) {
            // learnable labels: each endpoint is whether one of three bit ranges holds any set bit
            int[] on = train.get(i).onBits();
            for (int bit : on) {
                labels[i][bit * 3 / bits] = 1f;
            }
            if (random.nextInt(10) == 0) {
                labels[i][random.nextInt(3)] = 0f;
            }
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).l2(1e-5).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(bits).nOut(128).activation(Activation.RELU).dropOut(0.8).build())
                .layer(new DenseLayer.Builder().nIn(128).nOut(32).activation(Activation.RELU).dropOut(0.8).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(32).nOut(3)
                        .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        DataSet data = new DataSet(dense(train), Nd4j.createFromArray(labels));
        double before = net.score(data);
        for (int i = 0; i < 30; i++) {
            net.fit(data);
        }
        assertThat(net.score(data)).as("training moved the weights").isLessThan(before);

        SparseNetwork sparse = SparseNetwork.of(net);
        List<Fingerprint> test = fingerprints(bits, 130, 12);
        Difference diff = maxAbsDifference(net, sparse, test);
        System.out.printf("SparseNetwork vs DL4J after 30 Adam steps, %s: max abs difference %.3g%n", sparse,
                diff.all());
        assertThat(diff.all()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void copyIsIndependentOfLaterTraining() {
        MultiLayerNetwork net = network(1024, new int[] {32}, 1, Activation.IDENTITY, 3, true);
        SparseNetwork sparse = SparseNetwork.of(net);
        Fingerprint fp = fingerprints(1024, 1, 3).get(0);
        float before = sparse.predict(fp)[0];
        net.params().addi(1f);
        assertThat(sparse.predict(fp)[0]).isEqualTo(before);
    }

    @Test
    void threadsShareOneInstance() throws Exception {
        MultiLayerNetwork net = network(2048, new int[] {128}, 4, Activation.SIGMOID, 8, true);
        perturb(net, 8);
        SparseNetwork sparse = SparseNetwork.of(net);
        List<Fingerprint> fps = fingerprints(2048, 300, 8);
        long[] packed = pack(fps);
        float[] expected = new float[fps.size() * 4];
        sparse.predict(packed, 0, fps.size(), 32, expected);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    float[] out = new float[fps.size() * 4];
                    for (int repeat = 0; repeat < 20; repeat++) {
                        sparse.predict(packed, 0, fps.size(), 32, out);
                    }
                    return out;
                }));
            }
            for (Future<float[]> result : results) {
                assertThat(result.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offsetSelectsTheFirstFingerprint() {
        MultiLayerNetwork net = network(1024, new int[] {16}, 2, Activation.SIGMOID, 4, true);
        perturb(net, 4);
        SparseNetwork sparse = SparseNetwork.of(net);
        List<Fingerprint> fps = fingerprints(1024, 5, 4);
        long[] packed = pack(fps);
        float[] out = new float[2 * 2];
        sparse.predict(packed, 3 * 16, 2, 16, out);
        assertThat(new float[] {out[0], out[1]}).containsExactly(sparse.predict(fps.get(3)));
        assertThat(new float[] {out[2], out[3]}).containsExactly(sparse.predict(fps.get(4)));
    }

    @Test
    void refusesTanhHiddenLayer() {
        MultiLayerNetwork net = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(32).activation(Activation.TANH).name("second").build())
                .layer(sigmoidOutput(32))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(net))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 ('second')")
                .hasMessageContaining("expected activation RELU, found tanh");
    }

    @Test
    void refusesLeakyOrCappedRelu() {
        MultiLayerNetwork leaky = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.LEAKYRELU).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(leaky)).hasMessageContaining("layer 0: expected activation RELU");
        MultiLayerNetwork capped = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(new ActivationReLU(6.0, 0.0, 0.0)).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(capped)).hasMessageContaining("layer 0: expected activation RELU");
    }

    @Test
    void refusesOtherLayerTypes() {
        MultiLayerNetwork batchNorm = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().nIn(64).nOut(64).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(batchNorm))
                .hasMessageContaining("layer 1: expected DenseLayer, found BatchNormalization");

        MultiLayerNetwork dropoutLayer = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.8).nIn(64).nOut(64).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(dropoutLayer))
                .hasMessageContaining("layer 1: expected DenseLayer, found DropoutLayer");

        MultiLayerNetwork layerNorm = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.RELU).hasLayerNorm(true).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(layerNorm)).hasMessageContaining("layer 0: layer normalisation");
    }

    @Test
    void refusesSoftmaxOutputDoubleParametersAndDepth() {
        MultiLayerNetwork softmax = network(2048, new int[] {32}, 3, Activation.SOFTMAX, 1, true);
        assertThatThrownBy(() -> SparseNetwork.of(softmax))
                .hasMessageContaining("layer 1: expected activation SIGMOID or IDENTITY, found softmax");

        MultiLayerNetwork doubles = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.RELU).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(doubles))
                .hasMessageContaining("layer 0: parameters of type DOUBLE found, expected FLOAT");

        MultiLayerNetwork tooDeep = network(1024, new int[] {32, 32, 32, 32}, 1, Activation.SIGMOID, 1, true);
        assertThatThrownBy(() -> SparseNetwork.of(tooDeep))
                .hasMessageContaining("expected 1 to 3 DenseLayers followed by an OutputLayer, found 5 layers");

        MultiLayerNetwork noHidden = initialised(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(sigmoidOutput(2048))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(noHidden)).hasMessageContaining("found 1 layers: [OutputLayer]");

        MultiLayerNetwork uninitialised = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(2048).nOut(64).activation(Activation.RELU).build())
                .layer(sigmoidOutput(64))
                .build());
        assertThatThrownBy(() -> SparseNetwork.of(uninitialised)).hasMessageContaining("call init()");
    }

    @Test
    void refusesMismatchedInput() {
        SparseNetwork sparse = SparseNetwork.of(network(2048, new int[] {16}, 2, Activation.SIGMOID, 2, true));
        assertThatThrownBy(() -> sparse.predict(Fingerprint.ofOnBits(1024, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2048-bit fingerprints, got 1024 bits");
        assertThatThrownBy(() -> sparse.predict(new long[16 * 4], 0, 4, 16, new float[8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(32 words each), got 16 words");
        assertThatThrownBy(() -> sparse.predict(new long[32 * 4], 0, 5, 32, new float[10]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sparse.predict(new long[32 * 4], 0, 4, 32, new float[7]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        sparse.predict(new long[0], 0, 0, 32, new float[0]);

        // a width that is not a multiple of 64 leaves spare bits in the last word
        SparseNetwork odd = SparseNetwork.of(network(100, new int[] {8}, 1, Activation.IDENTITY, 2, true));
        assertThat(odd.wordsPerFingerprint()).isEqualTo(2);
        assertThatThrownBy(() -> odd.predict(new long[] {0, 1L << 40}, 0, 1, 2, new float[1]))
                .hasMessageContaining("sets bit 104 of a 100-bit input");
    }

    private static int[] widths(String hidden) {
        String[] parts = hidden.trim().split(";");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = Integer.parseInt(parts[i].trim());
        }
        return widths;
    }

    /** The shape molscreen trains: RELU dense layers with dropout, then a sigmoid or identity output. */
    private static MultiLayerNetwork network(int bits, int[] hidden, int outputs, Activation output, long seed,
                                            boolean dropout) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.FLOAT).weightInit(WeightInit.RELU).list();
        int in = bits;
        for (int width : hidden) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU);
            if (dropout) {
                dense.dropOut(0.8);
            }
            list.layer(dense.build());
            in = width;
        }
        LossFunctions.LossFunction loss = switch (output) {
            case IDENTITY -> LossFunctions.LossFunction.MSE;
            case SOFTMAX -> LossFunctions.LossFunction.MCXENT;
            default -> LossFunctions.LossFunction.XENT;
        };
        list.layer(new OutputLayer.Builder(loss).nIn(in).nOut(outputs).activation(output)
                .weightInit(WeightInit.XAVIER).build());
        return initialised(list.build());
    }

    private static OutputLayer sigmoidOutput(int nIn) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(nIn).nOut(1).activation(Activation.SIGMOID)
                .build();
    }

    private static MultiLayerNetwork initialised(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Gaussian noise on every parameter, so biases are not zero and weights are not DL4J's init pattern. */
    private static void perturb(MultiLayerNetwork net, long seed) {
        INDArray params = net.params();
        Random random = new Random(seed ^ 0x5DEECE66DL);
        float[] noise = new float[(int) params.length()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.05);
        }
        params.addi(Nd4j.createFromArray(noise).reshape(params.shape()));
    }

    /**
     * ECFP-like fingerprints: 25–60 bits, half of them clustered in a few 64-bit windows, plus the edge cases
     * (no bit set, the first and last bits, a dense half-full fingerprint).
     */
    private static List<Fingerprint> fingerprints(int bits, int count, long seed) {
        Random random = new Random(seed);
        List<Fingerprint> fps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BitSet set = new BitSet(bits);
            switch (i) {
                case 1 -> { }
                case 2 -> {
                    set.set(0);
                    set.set(bits - 1);
                }
                case 3 -> {
                    for (int b = 0; b < bits; b++) {
                        if (random.nextBoolean()) {
                            set.set(b);
                        }
                    }
                }
                default -> {
                    int target = 25 + random.nextInt(36);
                    int centre = random.nextInt(bits);
                    while (set.cardinality() < target) {
                        set.set(random.nextBoolean()
                                ? Math.floorMod(centre + random.nextInt(64), bits)
                                : random.nextInt(bits));
                    }
                }
            }
            fps.add(Fingerprint.of(bits, set));
        }
        return fps;
    }

    private static INDArray dense(List<Fingerprint> fps) {
        int bits = fps.get(0).bits();
        float[][] rows = new float[fps.size()][bits];
        for (int i = 0; i < fps.size(); i++) {
            for (int bit : fps.get(i).onBits()) {
                rows[i][bit] = 1f;
            }
        }
        return Nd4j.createFromArray(rows);
    }

    private static long[] pack(List<Fingerprint> fps) {
        int words = Fingerprint.wordsFor(fps.get(0).bits());
        long[] packed = new long[fps.size() * words];
        for (int i = 0; i < fps.size(); i++) {
            fps.get(i).copyWordsTo(packed, i * words);
        }
        return packed;
    }

    /** Largest absolute differences: over every molecule, and over the sparse ones only. */
    private record Difference(double all, double sparse) {
    }

    /**
     * The largest difference from DL4J over the batch call and, for every tenth molecule, the single call.
     * Molecule 3 of {@link #fingerprints} is the half-full one: it sums ~1000 rows, so it has the most
     * rounding and is left out of {@code sparse}.
     */
    private static Difference maxAbsDifference(MultiLayerNetwork net, SparseNetwork sparse, List<Fingerprint> fps) {
        float[][] expected = net.output(dense(fps)).toFloatMatrix();
        int outputs = sparse.outputs();
        float[] batch = new float[fps.size() * outputs];
        sparse.predict(pack(fps), 0, fps.size(), sparse.wordsPerFingerprint(), batch);
        double max = 0;
        double sparseMax = 0;
        for (int i = 0; i < fps.size(); i++) {
            float[] single = i % 10 == 0 ? sparse.predict(fps.get(i)) : null;
            for (int k = 0; k < outputs; k++) {
                assertThat(Float.isFinite(batch[i * outputs + k])).isTrue();
                double d = Math.abs(batch[i * outputs + k] - expected[i][k]);
                if (single != null) {
                    d = Math.max(d, Math.abs(single[k] - expected[i][k]));
                }
                max = Math.max(max, d);
                sparseMax = i == 3 ? sparseMax : Math.max(sparseMax, d);
            }
        }
        return new Difference(max, sparseMax);
    }
}
