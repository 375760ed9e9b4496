package org.molscreen.engine.score;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fingerprint MLP copied out of DL4J and evaluated in plain Java, over ten times faster than
 * {@code MultiLayerNetwork.output} on one CPU thread (benchmarks' {@code ScoringBenchmark}) because it uses
 * what DL4J cannot know: the input is binary and sparse (ECFP4-2048 sets ~25–60 of 2048 bits; the NCI 5K
 * set averages 25).
 *
 * <p>Supported shape, the one molscreen trains and nothing else: input = a B-bit fingerprint as a dense
 * float row, optionally followed by a short dense tail of D real values (a model's standardised descriptors,
 * {@link #of(MultiLayerNetwork, int)}); 1 to 3 {@link DenseLayer}s with plain RELU (no layer norm); one {@link OutputLayer} with
 * SIGMOID or IDENTITY; float32 parameters; no input pre-processors and no weight noise. Dropout is a
 * training-time setting and is ignored, as DL4J ignores it at inference. {@link #of} refuses anything else
 * and names the layer.
 *
 * <p>How it is computed:
 * <ul>
 *   <li>First layer: {@code h = relu(sum of the weight rows of the set bits + bias)}. The weights are kept
 *       as one contiguous {@code float[]} row per input bit ({@code [bit][hidden]}), so each set bit adds a
 *       row ({@code h[j] += row[j]}, four rows per pass), a loop C2 auto-vectorises. 25 bits cost 25 × H
 *       additions instead of 2048 × H multiply-adds.</li>
 *   <li>The other layers run on a tile of {@value #TILE} molecules at a time, stored feature-major
 *       ({@code [feature][molecule]}), so the innermost loop runs over the molecules of the tile against one
 *       weight: it vectorises whatever the layer's width (an output layer with 1 or 12 outputs included),
 *       each weight is read once per tile rather than once per molecule, and the tile stays in L1/L2.</li>
 *   <li>Summation order differs from BLAS; outputs agree with DL4J to about 1e-6 (see the equivalence
 *       test).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: the weights are copied at construction and never written again, and every
 * call allocates its own scratch (the tiles, 256 KiB for a 512-wide network, negligible against a batch
 * of hundreds; score batches, not single molecules, where speed matters), so any number of
 * threads may share one instance without locking. Unlike {@code MultiLayerNetwork}, it uses no OpenMP
 * threads: parallelism is the caller's, one thread per core.
 */
public final class SparseNetwork {

    /**
     * Molecules per tile in the dense layers. The innermost loops run over the tile: C2's vectorised main
     * loop takes a large stride, so short loops spend their time in the scalar pre- and post-loops (64 was
     * ~7% slower end to end on 2048→512→12, 256 no faster within noise), and a 512-wide tile of 128
     * (256 KiB) still fits in L2.
     */
    static final int TILE = 128;

    /**
     * Molecules whose first-layer rows are transposed into the tile together: 16 floats fill one 64-byte
     * cache line of the tile, where one molecule at a time touched a line per unit (measured ~20% slower
     * end to end).
     */
    static final int BLOCK = 16;

    /** Fewer or more hidden layers than molscreen trains are refused rather than silently supported. */
    private static final int MAX_HIDDEN_LAYERS = 3;

    /** The output layer's activation. */
    public enum OutputActivation {
        /** Classification: one probability per endpoint. */
        SIGMOID,
        /** Regression: the raw value. */
        IDENTITY
    }

    private final int inputBits;
    /** Real-valued inputs after the fingerprint bits (0 for a fingerprint-only network). */
    private final int denseInputs;
    private final int wordsPerFingerprint;
    /** The bits at or past {@code inputBits} in the last word: non-zero only when inputBits % 64 != 0. */
    private final long excessMask;
    private final int firstWidth;
    /** [inputBits + denseInputs][firstWidth]: the weights from input i to every first-layer unit. */
    private final float[][] firstRows;
    private final float[] firstBias;
    private final DenseLayerWeights[] dense;
    private final OutputActivation outputActivation;
    private final int outputs;
    /**
     * Rows of the two tiles the layers ping-pong between: the first layer and every second dense layer
     * write tile A, the others tile B.
     */
    private final int tileARows;
    private final int tileBRows;

    /**
     * One layer after the first, weights row-major [nIn][nOut] (the weights of input j to all outputs are
     * contiguous), which the j-outer tile loop reads sequentially.
     */
    private record DenseLayerWeights(int nIn, int nOut, float[] weights, float[] bias, boolean relu) {
    }

    private SparseNetwork(int inputBits, float[][] firstRows, float[] firstBias, DenseLayerWeights[] dense,
                          OutputActivation outputActivation) {
        this.inputBits = inputBits;
        this.denseInputs = firstRows.length - inputBits;
        this.firstWidth = firstBias.length;
        this.firstRows = firstRows;
        this.wordsPerFingerprint = Fingerprint.wordsFor(inputBits);
        int spare = wordsPerFingerprint * 64 - inputBits;
        this.excessMask = spare == 0 ? 0L : -1L << (64 - spare);
        this.firstBias = firstBias;
        this.dense = dense;
        this.outputActivation = outputActivation;
        this.outputs = dense[dense.length - 1].nOut();
        int rowsA = firstWidth;
        int rowsB = 0;
        for (int i = 0; i < dense.length; i++) {
            if (i % 2 == 0) {
                rowsB = Math.max(rowsB, dense[i].nOut());
            } else {
                rowsA = Math.max(rowsA, dense[i].nOut());
            }
        }
        this.tileARows = rowsA;
        this.tileBRows = rowsB;
    }

    /**
     * Copies the weights of a fingerprint MLP out of DL4J. The network is only read; later changes to it
     * (further training) do not reach the copy.
     *
     * @param net an initialised network of the shape described in the class comment
     * @throws IllegalArgumentException naming the layer and what was found, for any other shape
     */
    public static SparseNetwork of(MultiLayerNetwork net) {
        return of(net, -1);
    }

    /**
     * Copies a network whose first {@code fingerprintBits} inputs are fingerprint bits and whose remaining
     * inputs are real values (a descriptor block), scored by {@link #predict(long[], int, int, int, float[], int, float[])}.
     *
     * @param fingerprintBits the fingerprint's length; -1 when every input is a fingerprint bit
     */
    public static SparseNetwork of(MultiLayerNetwork net, int fingerprintBits) {
        Objects.requireNonNull(net, "net");
        Layer[] layers = net.getLayers();
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("the network has no layers: call init() before copying it");
        }
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        Map<Integer, InputPreProcessor> preProcessors = conf.getInputPreProcessors();
        if (preProcessors != null) {
            for (Map.Entry<Integer, InputPreProcessor> entry : preProcessors.entrySet()) {
                if (entry.getValue() != null) {
                    throw new IllegalArgumentException(describe(conf, entry.getKey()) + ": input pre-processor "
                            + entry.getValue().getClass().getSimpleName() + " found, expected none");
                }
            }
        }
        List<NeuralNetConfiguration> confs = conf.getConfs();
        int hidden = confs.size() - 1;
        if (hidden < 1 || hidden > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("expected 1 to " + MAX_HIDDEN_LAYERS
                    + " DenseLayers followed by an OutputLayer, found " + confs.size() + " layers: " + layerTypes(conf));
        }

        float[][] weights = new float[confs.size()][];
        float[][] biases = new float[confs.size()][];
        OutputActivation outputActivation = null;
        long previousOut = -1;
        for (int i = 0; i < confs.size(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layerConf = confs.get(i).getLayer();
            String where = describe(conf, i);
            boolean last = i == confs.size() - 1;
            Class<?> expected = last ? OutputLayer.class : DenseLayer.class;
            // exact class: subclasses (and wrappers such as FrozenLayer) may change the forward pass
            if (layerConf == null || layerConf.getClass() != expected) {
                throw new IllegalArgumentException(where + ": expected " + expected.getSimpleName() + ", found "
                        + (layerConf == null ? "nothing" : layerConf.getClass().getSimpleName()));
            }
            BaseLayer base = (BaseLayer) layerConf;
            IActivation activation = base.getActivationFn();
            if (last) {
                outputActivation = outputActivation(where, activation);
            } else {
                requirePlainRelu(where, activation);
                if (((DenseLayer) layerConf).hasLayerNorm()) {
                    throw new IllegalArgumentException(where + ": layer normalisation found, expected none");
                }
            }
            if (base.getWeightNoise() != null) {
                throw new IllegalArgumentException(where + ": weight noise "
                        + base.getWeightNoise().getClass().getSimpleName() + " found, expected none");
            }
            FeedForwardLayer ff = (FeedForwardLayer) layerConf;
            long nIn = ff.getNIn();
            long nOut = ff.getNOut();
            if (nIn < 1 || nOut < 1 || nIn > Integer.MAX_VALUE / Math.max(1, nOut)) {
                throw new IllegalArgumentException(where + ": unusable size " + nIn + " -> " + nOut);
            }
            if (previousOut >= 0 && nIn != previousOut) {
                throw new IllegalArgumentException(where + ": takes " + nIn + " inputs but the layer before gives "
                        + previousOut);
            }
            previousOut = nOut;
            weights[i] = copyWeights(where, layers[i], (int) nIn, (int) nOut);
            biases[i] = copyBias(where, layers[i], (int) nOut);
        }

        return assemble(describe(conf, 0), fingerprintBits, weights, biases, outputActivation);
    }

    /**
     * A network from its parameters as already checked by the caller ({@link #of} or {@link StoredNetworkReader}):
     * {@code weights[i]} row-major {@code [nIn][nOut]} and {@code biases[i]} of layer i, hidden layers RELU.
     */
    static SparseNetwork assemble(String firstLayer, int fingerprintBits, float[][] weights, float[][] biases,
                                  OutputActivation outputActivation) {
        int layers = weights.length;
        if (layers < 2 || layers - 1 > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("expected 1 to " + MAX_HIDDEN_LAYERS
                    + " DenseLayers followed by an OutputLayer, found " + layers + " layers");
        }
        DenseLayerWeights[] dense = new DenseLayerWeights[layers - 1];
        for (int i = 1; i < layers; i++) {
            int nOut = biases[i].length;
            dense[i - 1] = new DenseLayerWeights(weights[i].length / nOut, nOut, weights[i], biases[i], i < layers - 1);
        }
        float[][] firstRows = rows(weights[0], biases[0].length);
        int bits = fingerprintBits < 0 ? firstRows.length : fingerprintBits;
        if (bits < 1 || bits > firstRows.length) {
            throw new IllegalArgumentException(firstLayer + ": takes " + firstRows.length + " inputs, fewer than the "
                    + bits + " fingerprint bits it should read");
        }
        return new SparseNetwork(bits, firstRows, biases[0], dense, outputActivation);
    }

    private static OutputActivation outputActivation(String where, IActivation activation) {
        if (activation instanceof ActivationSigmoid) {
            return OutputActivation.SIGMOID;
        }
        if (activation instanceof ActivationIdentity) {
            return OutputActivation.IDENTITY;
        }
        throw new IllegalArgumentException(where + ": expected activation SIGMOID or IDENTITY, found " + activation);
    }

    private static void requirePlainRelu(String where, IActivation activation) {
        // a capped, thresholded or leaky ReLU is an ActivationReLU too: only max(x, 0) is supported
        if (!(activation instanceof ActivationReLU relu)
                || relu.getMax() != null
                || (relu.getThreshold() != null && relu.getThreshold() != 0.0)
                || (relu.getNegativeSlope() != null && relu.getNegativeSlope() != 0.0)) {
            throw new IllegalArgumentException(where + ": expected activation RELU, found " + activation);
        }
    }

    /** A copy of the weight matrix, row-major [nIn][nOut] flattened, whatever the ordering of DL4J's parameter view. */
    private static float[] copyWeights(String where, Layer layer, int nIn, int nOut) {
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (w == null) {
            throw new IllegalArgumentException(where + ": no weight parameter '" + DefaultParamInitializer.WEIGHT_KEY
                    + "' found");
        }
        requireFloat(where, w);
        if (w.rank() != 2 || w.size(0) != nIn || w.size(1) != nOut) {
            throw new IllegalArgumentException(where + ": weights of shape " + Arrays.toString(w.shape())
                    + " found, expected [" + nIn + ", " + nOut + "]");
        }
        // one bulk copy of a row-major duplicate: INDArray.toFloatMatrix() copies row by row through a view per
        // row and took ~0.1 s per 2048-row network, most of a model's load time and of a short screen's start-up
        return w.dup('c').data().asFloat();
    }

    /** A row-major flattened matrix split into its rows, as the first layer reads them (one row per set bit). */
    private static float[][] rows(float[] flat, int nOut) {
        float[][] rows = new float[flat.length / nOut][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = Arrays.copyOfRange(flat, j * nOut, (j + 1) * nOut);
        }
        return rows;
    }

    /** The bias, or zeros for a layer built with {@code hasBias(false)}. */
    private static float[] copyBias(String where, Layer layer, int nOut) {
        INDArray b = layer.paramTable().get(DefaultParamInitializer.BIAS_KEY);
        if (b == null) {
            return new float[nOut];
        }
        requireFloat(where, b);
        if (b.length() != nOut) {
            throw new IllegalArgumentException(where + ": bias of shape " + Arrays.toString(b.shape())
                    + " found, expected " + nOut + " values");
        }
        return b.dup().reshape(nOut).toFloatVector();
    }

    private static void requireFloat(String where, INDArray parameter) {
        if (parameter.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException(where + ": parameters of type " + parameter.dataType()
                    + " found, expected FLOAT");
        }
    }

    private static String describe(MultiLayerConfiguration conf, int index) {
        String name = index >= 0 && index < conf.getConfs().size() && conf.getConf(index).getLayer() != null
                ? conf.getConf(index).getLayer().getLayerName() : null;
        // DL4J names unnamed layers "layer<index>": repeating that adds nothing
        boolean named = name != null && !name.equals("layer" + index);
        return "layer " + index + (named ? " ('" + name + "')" : "");
    }

    private static String layerTypes(MultiLayerConfiguration conf) {
        StringBuilder types = new StringBuilder("[");
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            types.append(types.length() > 1 ? ", " : "")
                    .append(layer.getLayer() == null ? "null" : layer.getLayer().getClass().getSimpleName());
        }
        return types.append(']').toString();
    }

    /** The fingerprint length in bits the network takes. */
    public int inputBits() {
        return inputBits;
    }

    /** Real-valued inputs per molecule after the fingerprint bits (0 for a fingerprint-only network). */
    public int denseInputs() {
        return denseInputs;
    }

    /** The {@code long} words per fingerprint {@link #predict(long[], int, int, int, float[])} expects. */
    public int wordsPerFingerprint() {
        return wordsPerFingerprint;
    }

    /** Values per molecule: the number of endpoints. */
    public int outputs() {
        return outputs;
    }

    /** The widths of the hidden layers, first to last. */
    public int[] hiddenWidths() {
        int[] widths = new int[dense.length];
        widths[0] = firstWidth;
        for (int i = 0; i < dense.length - 1; i++) {
            widths[i + 1] = dense[i].nOut();
        }
        return widths;
    }

    public OutputActivation outputActivation() {
        return outputActivation;
    }

    /**
     * Scores one fingerprint.
     *
     * @return {@link #outputs()} values: probabilities for SIGMOID, raw values for IDENTITY
     * @throws IllegalArgumentException when the fingerprint's length is not {@link #inputBits()}
     */
    public float[] predict(Fingerprint fingerprint) {
        if (fingerprint.bits() != inputBits) {
            throw new IllegalArgumentException("the network takes " + inputBits + "-bit fingerprints, got "
                    + fingerprint.bits() + " bits");
        }
        float[] out = new float[outputs];
        predict(fingerprint.words(), 0, 1, wordsPerFingerprint, null, 0, out);
        return out;
    }

    /**
     * Scores {@code count} fingerprints packed row-major, as chem-core's {@code FingerprintIndex} stores them:
     * fingerprint {@code i} occupies {@code packed[offset + i * wordsPerFingerprint ...]}, bit {@code b} in
     * word {@code b / 64} at position {@code b % 64}. Neither array is kept.
     *
     * @param offset              index in {@code packed} of the first fingerprint's first word
     * @param wordsPerFingerprint must equal {@link #wordsPerFingerprint()}: a safeguard against a library
     *                            fingerprinted at another length
     * @param out                 receives {@code [count][outputs()]} row-major from index 0
     * @throws IllegalArgumentException on a fingerprint length mismatch, or on a bit set past
     *                                  {@link #inputBits()} (then {@code out} is partly written)
     * @throws IndexOutOfBoundsException when {@code packed} or {@code out} is too short (nothing written)
     */
    public void predict(long[] packed, int offset, int count, int wordsPerFingerprint, float[] out) {
        predict(packed, offset, count, wordsPerFingerprint, null, 0, out);
    }

    /**
     * As {@link #predict(long[], int, int, int, float[])}, for a network with a dense tail: molecule {@code i}'s
     * {@link #denseInputs()} real values are {@code tail[tailOffset + i * denseInputs() ...]}.
     *
     * @throws IllegalArgumentException when the network has a dense tail and {@code tail} is null (or the other way round)
     */
    public void predict(long[] packed, int offset, int count, int wordsPerFingerprint, float[] tail, int tailOffset, float[] out) {
        predict(packed, offset, count, wordsPerFingerprint, null, 0, tail, tailOffset, out);
    }

    /**
     * As {@link #predict(long[], int, int, int, float[], int, float[])}, for a network that reads a real value per
     * set bit (log counts) instead of 1: the values of molecule 0's set bits, in ascending bit order, start at
     * {@code bitValues[bitValuesOffset]}, molecule 1's follow them, and so on. {@code bitValues} null reads 1 for
     * every set bit.
     *
     * @throws IndexOutOfBoundsException when {@code bitValues} ends before the molecules' set bits do
     */
    public void predict(long[] packed, int offset, int count, int wordsPerFingerprint, float[] bitValues, int bitValuesOffset,
                        float[] tail, int tailOffset, float[] out) {
        Objects.requireNonNull(packed, "packed");
        Objects.requireNonNull(out, "out");
        if ((tail == null) != (denseInputs == 0)) {
            throw new IllegalArgumentException(denseInputs == 0 ? "the network takes fingerprints only, got real-valued inputs too"
                    : "the network takes " + denseInputs + " real-valued inputs after the fingerprint, got none");
        }
        if (tail != null && (tailOffset < 0 || tailOffset + (long) count * denseInputs > tail.length)) {
            throw new IndexOutOfBoundsException(count + " molecules of " + denseInputs + " real inputs from " + tailOffset
                    + " do not fit in " + tail.length + " values");
        }
        if (wordsPerFingerprint != this.wordsPerFingerprint) {
            throw new IllegalArgumentException("the network takes " + inputBits + "-bit fingerprints ("
                    + this.wordsPerFingerprint + " words each), got " + wordsPerFingerprint + " words per fingerprint");
        }
        if (count < 0 || offset < 0 || offset + (long) count * wordsPerFingerprint > packed.length) {
            throw new IndexOutOfBoundsException(count + " fingerprints of " + wordsPerFingerprint + " words from word "
                    + offset + " do not fit in " + packed.length + " words");
        }
        if ((long) count * outputs > out.length) {
            throw new IndexOutOfBoundsException(count + " molecules need " + (long) count * outputs
                    + " output values, the array holds " + out.length);
        }
        if (count == 0) {
            return;
        }
        int tile = Math.min(TILE, count);
        float[][] h = new float[Math.min(BLOCK, tile)][firstWidth];
        int[] on = new int[wordsPerFingerprint * 64];
        float[][] a = new float[tileARows][tile];
        float[][] b = new float[tileBRows][tile];
        int cursor = bitValuesOffset;
        for (int first = 0; first < count; first += tile) {
            int n = Math.min(tile, count - first);
            for (int block = 0; block < n; block += BLOCK) {
                int m = Math.min(BLOCK, n - block);
                for (int t = 0; t < m; t++) {
                    int molecule = first + block + t;
                    int set = firstLayer(packed, offset + molecule * wordsPerFingerprint, on, h[t], bitValues, cursor);
                    cursor += set;
                    if (tail != null) {
                        denseTail(tail, tailOffset + molecule * denseInputs, h[t]);
                    }
                }
                transposeInto(h, m, a, block);
            }
            float[][] in = a;
            float[][] result = b;
            for (DenseLayerWeights layer : dense) {
                denseLayer(layer, in, result, n);
                float[][] swap = in;
                in = result;
                result = swap;
            }
            writeOutputs(in, n, out, first * outputs);
        }
    }

    /**
     * Sets {@code h} to the sum of the weight rows of the fingerprint's set bits (no bias, no activation), each
     * times its value when {@code values} is given, four rows per pass: a quarter of the loads and stores of
     * {@code h}, same order of summation. Returns the number of set bits.
     */
    private int firstLayer(long[] packed, int base, int[] on, float[] h, float[] values, int cursor) {
        int last = base + wordsPerFingerprint - 1;
        if ((packed[last] & excessMask) != 0) {
            throw new IllegalArgumentException("fingerprint at word " + base + " sets bit "
                    + ((wordsPerFingerprint - 1) * 64 + 63 - Long.numberOfLeadingZeros(packed[last]))
                    + " of a " + inputBits + "-bit input");
        }
        int set = 0;
        for (int w = 0; w < wordsPerFingerprint; w++) {
            long word = packed[base + w];
            while (word != 0) {
                on[set++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        Arrays.fill(h, 0f);
        float[][] rows = firstRows;
        int i = 0;
        if (values == null) {
            for (; i + 3 < set; i += 4) {
                addRows(h, rows[on[i]], rows[on[i + 1]], rows[on[i + 2]], rows[on[i + 3]]);
            }
            for (; i < set; i++) {
                addRow(h, rows[on[i]]);
            }
            return set;
        }
        if (cursor + set > values.length) {
            throw new IndexOutOfBoundsException("the set-bit values end at " + values.length + ", the fingerprint at word " + base
                    + " needs " + set + " from " + cursor);
        }
        for (; i + 3 < set; i += 4) {
            addScaledRows(h, rows[on[i]], values[cursor + i], rows[on[i + 1]], values[cursor + i + 1],
                    rows[on[i + 2]], values[cursor + i + 2], rows[on[i + 3]], values[cursor + i + 3]);
        }
        for (; i < set; i++) {
            addScaledRow(h, rows[on[i]], values[cursor + i]);
        }
        return set;
    }

    /** Adds the real-valued inputs' weight rows, each times its value, after the fingerprint's rows. */
    private void denseTail(float[] tail, int base, float[] h) {
        float[][] rows = firstRows;
        for (int d = 0; d < denseInputs; d++) {
            float x = tail[base + d];
            if (x != 0f) {
                addScaledRow(h, rows[inputBits + d], x);
            }
        }
    }

    /**
     * {@code a[j][column + t] = relu(h[t][j] + bias[j])}: the bias is added after the sum, as DL4J does
     * (x·W, then + b). Done a block at a time so that each store fills a whole cache line of {@code a[j]}
     * rather than touching one line per unit per molecule.
     */
    private void transposeInto(float[][] h, int m, float[][] a, int column) {
        float[] bias = firstBias;
        for (int t = 0; t < m; t++) {
            float[] ht = h[t];
            for (int j = 0; j < ht.length; j++) {
                ht[j] = Math.max(ht[j] + bias[j], 0f);
            }
        }
        for (int j = 0; j < firstWidth; j++) {
            float[] aj = a[j];
            for (int t = 0; t < m; t++) {
                aj[column + t] = h[t][j];
            }
        }
    }

    /*
     * The hot loops. Each operand is its own array indexed from 0: C2 (JDK 17) vectorises h[j] += r[j] but
     * not h[j] += w[base + j] with a loop-invariant base (measured ~6x slower), which is why the weights
     * and the tiles are arrays of rows rather than one flat array. More than four rows per pass stopped
     * vectorising.
     */

    private static void addRows(float[] h, float[] r0, float[] r1, float[] r2, float[] r3) {
        for (int j = 0; j < h.length; j++) {
            h[j] = h[j] + r0[j] + r1[j] + r2[j] + r3[j];
        }
    }

    private static void addRow(float[] h, float[] r) {
        for (int j = 0; j < h.length; j++) {
            h[j] += r[j];
        }
    }

    private static void addScaledRows(float[] h, float[] r0, float x0, float[] r1, float x1, float[] r2, float x2,
                                      float[] r3, float x3) {
        for (int j = 0; j < h.length; j++) {
            h[j] = h[j] + r0[j] * x0 + r1[j] * x1 + r2[j] * x2 + r3[j] * x3;
        }
    }

    private static void addScaledRow(float[] h, float[] r, float x) {
        for (int j = 0; j < h.length; j++) {
            h[j] += r[j] * x;
        }
    }

    /**
     * {@code out[k][t] = act(sum_j in[j][t] * w[j][k] + bias[k])} on feature-major tiles ({@code [feature][molecule]}),
     * for the first {@code n} molecules of the tile. Four inputs per pass; the sum is still taken in input
     * order.
     */
    private static void denseLayer(DenseLayerWeights layer, float[][] in, float[][] out, int n) {
        int nIn = layer.nIn();
        int nOut = layer.nOut();
        float[] w = layer.weights();
        for (int k = 0; k < nOut; k++) {
            Arrays.fill(out[k], 0, n, 0f);
        }
        int j = 0;
        for (; j + 3 < nIn; j += 4) {
            float[] x0 = in[j];
            float[] x1 = in[j + 1];
            float[] x2 = in[j + 2];
            float[] x3 = in[j + 3];
            int w0 = j * nOut;
            for (int k = 0; k < nOut; k++) {
                multiplyAdd(out[k], x0, x1, x2, x3, w[w0 + k], w[w0 + nOut + k], w[w0 + 2 * nOut + k],
                        w[w0 + 3 * nOut + k], n);
            }
        }
        for (; j < nIn; j++) {
            float[] x = in[j];
            for (int k = 0; k < nOut; k++) {
                multiplyAdd(out[k], x, w[j * nOut + k], n);
            }
        }
        float[] bias = layer.bias();
        for (int k = 0; k < nOut; k++) {
            float[] o = out[k];
            float bk = bias[k];
            if (layer.relu()) {
                for (int t = 0; t < n; t++) {
                    o[t] = Math.max(o[t] + bk, 0f);
                }
            } else {
                for (int t = 0; t < n; t++) {
                    o[t] += bk;
                }
            }
        }
    }

    private static void multiplyAdd(float[] o, float[] x0, float[] x1, float[] x2, float[] x3,
                                    float w0, float w1, float w2, float w3, int n) {
        for (int t = 0; t < n; t++) {
            o[t] = o[t] + x0[t] * w0 + x1[t] * w1 + x2[t] * w2 + x3[t] * w3;
        }
    }

    private static void multiplyAdd(float[] o, float[] x, float w, int n) {
        for (int t = 0; t < n; t++) {
            o[t] += x[t] * w;
        }
    }

    /** Applies the output activation and transposes the tile back to row-major [molecule][output]. */
    private void writeOutputs(float[][] tileOut, int n, float[] out, int start) {
        boolean sigmoid = outputActivation == OutputActivation.SIGMOID;
        for (int k = 0; k < outputs; k++) {
            float[] o = tileOut[k];
            for (int t = 0, at = start + k; t < n; t++, at += outputs) {
                float v = o[t];
                out[at] = sigmoid ? (float) (1.0 / (1.0 + Math.exp(-v))) : v;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder shape = new StringBuilder().append(inputBits);
        if (denseInputs > 0) {
            shape.append('+').append(denseInputs);
        }
        for (int width : hiddenWidths()) {
            shape.append("→").append(width).append(" relu");
        }
        return "SparseNetwork[" + shape + "→" + outputs + " "
                + outputActivation.name().toLowerCase(Locale.ROOT) + "]";
    }
}
