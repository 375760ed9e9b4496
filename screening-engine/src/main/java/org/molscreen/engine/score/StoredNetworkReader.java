package org.molscreen.engine.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a network file as DL4J's {@code ModelSerializer} writes it (a zip of {@code configuration.json} and
 * {@code coefficients.bin}) straight into a {@link SparseNetwork}, without starting ND4J.
 *
 * <p>Why: a short screen spent a third of its time in ND4J's native start and DL4J's restore (~0.5 s, then
 * 0.1–0.3 s per model) only to copy the weights out again. This reader understands exactly the files molscreen
 * writes: the shape {@link SparseNetwork#of} accepts, parameters in half, single or double precision, ND4J's
 * data-buffer format of 1.0.0-M2 ({@code MIXED_DATA_TYPES}). For anything else it answers empty and the caller
 * loads the file through DL4J, which then either reads it or names what is wrong; so a file it does not know is
 * never scored differently, only more slowly. The equivalence with DL4J's reading is tested on every bundled
 * model.
 */
public final class StoredNetworkReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DENSE = "org.deeplearning4j.nn.conf.layers.DenseLayer";
    private static final String OUTPUT = "org.deeplearning4j.nn.conf.layers.OutputLayer";
    private static final String RELU = "org.nd4j.linalg.activations.impl.ActivationReLU";
    private static final String SIGMOID = "org.nd4j.linalg.activations.impl.ActivationSigmoid";
    private static final String IDENTITY = "org.nd4j.linalg.activations.impl.ActivationIdentity";

    private StoredNetworkReader() {
    }

    /**
     * The network in {@code file}, or empty when the file is not a plain fingerprint MLP in the format above.
     *
     * @param fingerprintBits the fingerprint's length; -1 when every input is a fingerprint bit
     */
    public static Optional<SparseNetwork> read(byte[] file, int fingerprintBits) {
        try {
            Map<String, byte[]> entries = entries(file);
            byte[] configuration = entries.get("configuration.json");
            byte[] coefficients = entries.get("coefficients.bin");
            if (configuration == null || coefficients == null) {
                return Optional.empty();
            }
            return read(JSON.readTree(configuration), coefficients, fingerprintBits);
        } catch (IOException | RuntimeException e) {
            // DL4J will read it, or say precisely why not
            return Optional.empty();
        }
    }

    private static Optional<SparseNetwork> read(JsonNode conf, byte[] coefficients, int fingerprintBits) {
        JsonNode preProcessors = conf.path("inputPreProcessors");
        if (!(preProcessors.isMissingNode() || preProcessors.isNull() || preProcessors.isEmpty())) {
            return Optional.empty();
        }
        JsonNode confs = conf.path("confs");
        int layers = confs.size();
        if (!confs.isArray() || layers < 2) {
            return Optional.empty();
        }
        int[] nIn = new int[layers];
        int[] nOut = new int[layers];
        boolean[] bias = new boolean[layers];
        SparseNetwork.OutputActivation output = null;
        long parameters = 0;
        for (int i = 0; i < layers; i++) {
            JsonNode layer = confs.get(i).path("layer");
            boolean last = i == layers - 1;
            if (!(last ? OUTPUT : DENSE).equals(layer.path("@class").asText())
                    || layer.path("hasLayerNorm").asBoolean(false)
                    || !isNull(layer.path("weightNoise"))
                    || !isNull(layer.path("constraints"))) {
                return Optional.empty();
            }
            JsonNode activation = layer.path("activationFn");
            String kind = activation.path("@class").asText();
            if (last) {
                output = SIGMOID.equals(kind) ? SparseNetwork.OutputActivation.SIGMOID
                        : IDENTITY.equals(kind) ? SparseNetwork.OutputActivation.IDENTITY : null;
                if (output == null) {
                    return Optional.empty();
                }
            } else if (!RELU.equals(kind) || !isNull(activation.path("max"))
                    || !isZeroOrNull(activation.path("threshold")) || !isZeroOrNull(activation.path("negativeSlope"))) {
                return Optional.empty();
            }
            nIn[i] = layer.path("nin").asInt(-1);
            nOut[i] = layer.path("nout").asInt(-1);
            bias[i] = layer.path("hasBias").asBoolean(true);
            JsonNode variables = confs.get(i).path("variables");
            String expected = bias[i] ? "[\"W\",\"b\"]" : "[\"W\"]";
            if (nIn[i] < 1 || nOut[i] < 1 || (i > 0 && nIn[i] != nOut[i - 1]) || !expected.equals(variables.toString())) {
                return Optional.empty();
            }
            parameters += (long) nIn[i] * nOut[i] + (bias[i] ? nOut[i] : 0);
        }
        float[] flat = parameters(coefficients, parameters);
        if (flat == null) {
            return Optional.empty();
        }
        float[][] weights = new float[layers][];
        float[][] biases = new float[layers][];
        int at = 0;
        for (int i = 0; i < layers; i++) {
            // DL4J's dense weights are a column-major [nIn][nOut] view of the flat parameters, the bias follows
            float[] w = new float[nIn[i] * nOut[i]];
            for (int out = 0; out < nOut[i]; out++) {
                for (int in = 0; in < nIn[i]; in++) {
                    w[in * nOut[i] + out] = flat[at + out * nIn[i] + in];
                }
            }
            at += nIn[i] * nOut[i];
            weights[i] = w;
            biases[i] = new float[nOut[i]];
            if (bias[i]) {
                System.arraycopy(flat, at, biases[i], 0, nOut[i]);
                at += nOut[i];
            }
        }
        return Optional.of(SparseNetwork.assemble("layer 0", fingerprintBits, weights, biases, output));
    }

    /**
     * The flat parameter vector of {@code coefficients.bin} (ND4J's {@code Nd4j.write}: a shape buffer, then the data
     * buffer, each as allocation mode, length, data type and values), or null when it is not {@code expected}
     * values in a format read here.
     */
    private static float[] parameters(byte[] coefficients, long expected) {
        ByteBuffer in = ByteBuffer.wrap(coefficients); // big-endian, as DataOutputStream wrote it
        if (!"MIXED_DATA_TYPES".equals(utf(in))) {
            return null;
        }
        long shapeLength = in.getLong();
        if (!"LONG".equals(utf(in)) || shapeLength < 6 || shapeLength > 32) {
            return null;
        }
        long[] shape = new long[(int) shapeLength];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.getLong();
        }
        int rank = (int) shape[0];
        long size = 1;
        for (int d = 1; d <= rank && d < shape.length; d++) {
            size *= shape[d];
        }
        // a vector, [n] or [1, n], in C order: the flat order DL4J's parameter views are cut from
        if (rank < 1 || rank > 2 || shape.length != 2 * rank + 4 || size != expected || shape[shape.length - 1] != 'c') {
            return null;
        }
        if (!"MIXED_DATA_TYPES".equals(utf(in)) || in.getLong() != expected) {
            return null;
        }
        String type = utf(in);
        int width = switch (type) {
            case "HALF" -> 2;
            case "FLOAT" -> 4;
            case "DOUBLE" -> 8;
            default -> 0;
        };
        if (width == 0 || in.remaining() != expected * width) {
            return null;
        }
        float[] values = new float[(int) expected];
        if (width == 2) {
            short[] halves = new short[values.length];
            in.asShortBuffer().get(halves);
            for (int i = 0; i < values.length; i++) {
                values[i] = halfToFloat(halves[i]);
            }
        } else if (width == 4) {
            in.asFloatBuffer().get(values);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) in.getDouble();
            }
        }
        return values;
    }

    /** A string as {@code DataOutputStream.writeUTF} writes it; the names read here are ASCII. */
    private static String utf(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** IEEE 754 binary16 to binary32, exact (every half value is a float). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static Map<String, byte[]> entries(byte[] file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static boolean isNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty());
    }

    private static boolean isZeroOrNull(JsonNode node) {
        return isNull(node) || (node.isNumber() && node.asDouble() == 0.0);
    }
}
