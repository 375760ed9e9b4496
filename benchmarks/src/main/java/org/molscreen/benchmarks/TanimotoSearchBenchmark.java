package org.molscreen.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintIndex;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.fingerprint.SimilarityHit;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Perception;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-100 Tanimoto search over real ECFP4-2048 fingerprints (the NCI 5K set, repeated to the index
 * size), one query per call on one thread. Comparisons per second = {@code size} × operations per
 * second. {@code scan} is the plain loop over every fingerprint (no pruning) for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class TanimotoSearchBenchmark {

    @Param({"1000000"})
    public int size;

    private FingerprintIndex index;
    private List<Fingerprint> queries;
    private long[] packed;
    private int words;
    private int next;

    @Setup
    public void setUp() throws Exception {
        StructureParser parser = new StructureParser();
        Fingerprinter fingerprinter = new Fingerprinter(FingerprintSpec.ecfp4());
        List<Fingerprint> nci = new ArrayList<>();
        for (RawRecord record : BenchmarkLibraries.records(BenchmarkLibraries.nci5k())) {
            try {
                nci.add(fingerprinter.compute(Perception.perceive(parser.parse(record))));
            } catch (Exception e) {
                // an unparseable record is not a fingerprint to search
            }
        }
        FingerprintIndex.Builder builder = FingerprintIndex.builder(2048);
        words = Fingerprint.wordsFor(2048);
        packed = new long[size * words];
        for (int i = 0; i < size; i++) {
            Fingerprint fp = nci.get(i % nci.size());
            builder.add(fp);
            fp.copyWordsTo(packed, i * words);
        }
        index = builder.build();
        queries = nci.subList(0, 200);
    }

    @Benchmark
    public List<SimilarityHit> top100() {
        return index.topK(queries.get(next++ % queries.size()), 100);
    }

    /** Every comparison done in full: the figure for "comparisons per second" without pruning. */
    @Benchmark
    public double scan() {
        long[] q = queries.get(next++ % queries.size()).words();
        int a = 0;
        for (long w : q) {
            a += Long.bitCount(w);
        }
        double best = 0;
        for (int i = 0, base = 0; i < size; i++, base += words) {
            int common = 0;
            int b = 0;
            for (int w = 0; w < words; w++) {
                long t = packed[base + w];
                common += Long.bitCount(q[w] & t);
                b += Long.bitCount(t);
            }
            double similarity = (double) common / (a + b - common);
            if (similarity > best) {
                best = similarity;
            }
        }
        return best;
    }
}
