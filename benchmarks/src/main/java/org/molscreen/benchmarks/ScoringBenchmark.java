package org.molscreen.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Perception;
import org.molscreen.engine.score.SparseNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Scoring throughput on one thread, in molecules/s (one operation = one molecule; each call scores a batch
 * of {@value #BATCH}): {@link SparseNetwork} against DL4J's {@code MultiLayerNetwork.output} on the same
 * networks and the same real ECFP4-2048 fingerprints of the NCI 5K set (mean ~25 bits set).
 *
 * <ul>
 *   <li>{@code sparse}: {@code SparseNetwork.predict} straight from packed fingerprint words.</li>
 *   <li>{@code dl4jDense}: {@code net.output} on a dense float batch built once in setup, so DL4J is not
 *       charged for densifying (its best case).</li>
 *   <li>{@code dl4jFromFingerprints}: densifying the packed words into a fresh INDArray, then
 *       {@code net.output}: what a DL4J scoring path really pays.</li>
 * </ul>
 * An {@code architecture} is {@code [Nx]bits-hidden...-outputs-activation}; {@code 5x} scores every batch
 * with five networks (an ensemble), so its molecules/s is per molecule through all five. Weights are random
 * (DL4J init with a fixed seed): speed does not depend on their values.
 *
 * <p><b>Run with {@code OMP_NUM_THREADS=1} in the environment</b> (JMH forks inherit it): ND4J reads it at
 * start-up, and without it DL4J spreads one "single-threaded" call over every core, which both flatters
 * and disturbs the comparison. The DL4J benchmarks refuse to run without it. From the repository root:
 * <pre>
 * mvn -B -q -o -DskipTests install -pl chem-core,screening-engine &amp;&amp; mvn -B -q -o -DskipTests package -pl benchmarks
 * OMP_NUM_THREADS=1 java @jvm.options -jar benchmarks/target/benchmarks.jar ScoringBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Threads(1)
public class ScoringBenchmark {

    static final int BATCH = 1024;
    private static final int BITS = 2048;

    @Param({"2048-512-12-sigmoid", "2048-512-1-identity", "2048-256-12-sigmoid", "5x2048-256-1-identity"})
    public String architecture;

    private List<MultiLayerNetwork> networks;
    private List<SparseNetwork> sparse;
    private int words;
    /** All fingerprints of the NCI set that fill whole batches, packed row-major. */
    private long[] packed;
    private INDArray[] denseBatches;
    private int batches;
    private float[] out;
    private int next;

    @Setup
    public void setUp(BenchmarkParams params) {
        if (params.getBenchmark().contains("dl4j") && !"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            throw new IllegalStateException("set OMP_NUM_THREADS=1 in the environment: DL4J would otherwise use "
                    + "every core, and this is a single-thread comparison");
        }
        List<Fingerprint> fps = nciEcfp4();
        batches = fps.size() / BATCH;
        words = Fingerprint.wordsFor(BITS);
        packed = new long[batches * BATCH * words];
        for (int i = 0; i < batches * BATCH; i++) {
            fps.get(i).copyWordsTo(packed, i * words);
        }
        denseBatches = new INDArray[batches];
        for (int b = 0; b < batches; b++) {
            denseBatches[b] = densify(b * BATCH * words);
        }

        String[] ensemble = architecture.split("x", 2);
        int members = ensemble.length == 2 ? Integer.parseInt(ensemble[0]) : 1;
        String[] parts = ensemble[ensemble.length - 1].split("-");
        networks = new ArrayList<>();
        sparse = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            MultiLayerNetwork net = network(parts, 42 + m);
            networks.add(net);
            sparse.add(SparseNetwork.of(net));
        }
        out = new float[BATCH * sparse.get(0).outputs()];
    }

    private static List<Fingerprint> nciEcfp4() {
        StructureParser parser = new StructureParser();
        Fingerprinter fingerprinter = new Fingerprinter(FingerprintSpec.ecfp4());
        List<Fingerprint> fps = new ArrayList<>();
        for (RawRecord record : BenchmarkLibraries.records(BenchmarkLibraries.nci5k())) {
            try {
                fps.add(fingerprinter.compute(Perception.perceive(parser.parse(record))));
            } catch (Exception e) {
                // an unparseable record is not a molecule to score
            }
        }
        if (fps.get(0).bits() != BITS) {
            throw new IllegalStateException("expected ECFP4-" + BITS + ", got " + fps.get(0).bits() + " bits");
        }
        return fps;
    }

    /** bits-hidden...-outputs-activation, e.g. 2048-512-12-sigmoid. */
    private static MultiLayerNetwork network(String[] parts, long seed) {
        int n = parts.length;
        Activation output = Activation.valueOf(parts[n - 1].toUpperCase(java.util.Locale.ROOT));
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.FLOAT).weightInit(WeightInit.RELU).list();
        int in = Integer.parseInt(parts[0]);
        for (int i = 1; i < n - 2; i++) {
            int width = Integer.parseInt(parts[i]);
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).dropOut(0.8).build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(output == Activation.IDENTITY ? LossFunctions.LossFunction.MSE
                : LossFunctions.LossFunction.XENT).nIn(in).nOut(Integer.parseInt(parts[n - 2])).activation(output)
                .weightInit(WeightInit.XAVIER).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** A [BATCH][BITS] float batch of 0/1 from the packed words starting at {@code start}. */
    private INDArray densify(int start) {
        float[] dense = new float[BATCH * BITS];
        for (int i = 0; i < BATCH; i++) {
            for (int w = 0; w < words; w++) {
                long word = packed[start + i * words + w];
                while (word != 0) {
                    dense[i * BITS + (w << 6) + Long.numberOfTrailingZeros(word)] = 1f;
                    word &= word - 1;
                }
            }
        }
        return Nd4j.create(dense, new long[] {BATCH, BITS}, DataType.FLOAT);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float[] sparse() {
        int start = (next++ % batches) * BATCH * words;
        for (SparseNetwork network : sparse) {
            network.predict(packed, start, BATCH, words, out);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public INDArray dl4jDense() {
        INDArray batch = denseBatches[next++ % batches];
        INDArray result = null;
        for (MultiLayerNetwork network : networks) {
            result = network.output(batch);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public INDArray dl4jFromFingerprints() {
        INDArray batch = densify((next++ % batches) * BATCH * words);
        INDArray result = null;
        for (MultiLayerNetwork network : networks) {
            result = network.output(batch);
        }
        return result;
    }
}
