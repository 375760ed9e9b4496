package org.molscreen.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.molscreen.chem.featurize.FeaturizationSummary;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.featurize.LibraryFeaturizer;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Perception;
import org.molscreen.cluster.FeaturizingReceiver;

/**
 * End-to-end featurisation throughput, as {@code molscreen featurize} runs it (reading, parsing,
 * standardisation, ECFP4-2048, all descriptors, PAINS; output discarded), on 1 and 2 threads, plus the
 * SMILES → ECFP4 stage alone on one thread. Each measurement is preceded by a warm-up pass.
 *
 * <p>Run from the repository root:
 * {@code java @jvm.options -cp benchmarks/target/benchmarks.jar org.molscreen.benchmarks.FeaturizeThroughput}
 * (arguments: optional list of {@code nci100k}, {@code moses}).
 */
public final class FeaturizeThroughput {

    public static void main(String[] args) throws Exception {
        List<String> sets = args.length == 0 ? List.of("nci100k", "moses") : List.of(args);
        System.out.printf(Locale.ROOT, "cores available: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (String set : sets) {
            Path library = switch (set) {
                case "nci100k" -> BenchmarkLibraries.repeatedNci(100_000);
                case "moses" -> BenchmarkLibraries.shared("screening_library_moses.smi.gz");
                default -> throw new IllegalArgumentException("unknown set " + set + "; expected nci100k or moses");
            };
            readOnly(set, library);
            ecfp4Only(set, library);
            for (int threads : new int[] {1, 2}) {
                for (int warmUp = 0; warmUp < 3; warmUp++) {
                    featurize(BenchmarkLibraries.nci5k(), threads); // JIT warm-up: 3 x 5,000 molecules
                }
                FeaturizationSummary summary = featurize(library, threads);
                System.out.printf(Locale.ROOT, "%-8s featurize (all descriptors, PAINS, ECFP4-2048) threads=%d: %,d records, %,d errors, %.1f s, %,.0f molecules/s (%,.0f per thread)%n",
                        set, threads, summary.records(), summary.errors(), summary.seconds(), summary.rate(), summary.rate() / threads);
            }
        }
    }

    private static FeaturizationSummary featurize(Path library, int threads) throws Exception {
        LibraryFeaturizer featurizer = new LibraryFeaturizer(FeaturizerOptions.defaults(), threads);
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            return featurizer.run(reader, record -> { }, done -> { });
        }
    }

    /**
     * The file reader alone, as an API upload's single reader feeds the cluster's data streamer (records read and
     * each turned into the text the streamer carries): the rate at which one reader stops keeping the cluster's
     * featurising nodes busy.
     */
    private static void readOnly(String set, Path library) throws Exception {
        for (int pass = 0; pass < 3; pass++) {
            long started = System.nanoTime();
            long records = 0;
            long characters = 0;
            try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
                while (reader.hasNext()) {
                    if (reader.next() instanceof RawRecord raw) {
                        characters += FeaturizingReceiver.encode(raw).length();
                        records++;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (pass == 2) {
                System.out.printf(Locale.ROOT, "%-8s read only (one reader, records as the ingest streams them) 1 thread: %,d records in %.2f s, %,.0f records/s (%,d characters)%n",
                        set, records, seconds, records / seconds, characters);
            }
        }
    }

    /** Parse + Daylight perception + ECFP4-2048 on one thread: the figure the 10,000/s target is about. */
    private static void ecfp4Only(String set, Path library) throws Exception {
        List<RawRecord> records = BenchmarkLibraries.records(library);
        StructureParser parser = new StructureParser();
        Fingerprinter fingerprinter = new Fingerprinter(FingerprintSpec.ecfp4());
        long checksum = 0;
        for (int pass = 0; pass < 2; pass++) {
            int limit = pass == 0 ? Math.min(records.size(), 20_000) : records.size();
            long started = System.nanoTime();
            int failed = 0;
            for (int i = 0; i < limit; i++) {
                try {
                    checksum += fingerprinter.compute(Perception.perceive(parser.parse(records.get(i)))).cardinality();
                } catch (Exception e) {
                    failed++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "%-8s SMILES -> ECFP4-2048 (parse, perceive, fingerprint) 1 thread: %,d molecules in %.1f s, %,.0f molecules/s (%d failed, checksum %d)%n",
                        set, limit, seconds, limit / seconds, failed, checksum);
            }
        }
    }
}
