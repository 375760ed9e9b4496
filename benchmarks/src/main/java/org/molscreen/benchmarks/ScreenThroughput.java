package org.molscreen.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;

/**
 * Screening figures for the README, with the bundled models:
 * <ol>
 *   <li>scoring from stored fingerprints (no featurisation, no applicability domain): molecules/s per model
 *       on 1 and 2 threads, batches of 1,024, over 100,000 MOSES fingerprints computed beforehand;</li>
 *   <li>the end-to-end {@code screen} from SMILES on the whole MOSES library (352,299 molecules) with
 *       {@code bace1} + {@code tox21}, top 100, on all cores, with the peak resident memory of the process.</li>
 * </ol>
 * Run from the repository root, after {@code mvn -B -q -DskipTests package -pl benchmarks -am}:
 * {@code OMP_NUM_THREADS=1 java @jvm.options -Xmx1g -cp benchmarks/target/benchmarks.jar org.molscreen.benchmarks.ScreenThroughput}
 */
public final class ScreenThroughput {

    public static void main(String[] args) throws Exception {
        Path moses = BenchmarkLibraries.shared("screening_library_moses.smi.gz");
        ModelRegistry registry = ModelRegistry.open(null);
        ScreeningModel bace1 = registry.load("bace1");
        ScreeningModel tox21 = registry.load("tox21");
        System.out.printf(Locale.ROOT, "cores %d, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        List<ModelInput> fingerprints = fingerprints(moses, 100_000, bace1);
        for (ScreeningModel model : List.of(bace1, tox21)) {
            for (int threads : new int[] {1, 2}) {
                score(model, fingerprints, threads); // warm-up
                double rate = score(model, fingerprints, threads);
                System.out.printf(Locale.ROOT, "scoring %-6s (%d networks) from fingerprints, %d thread(s): %,.0f molecules/s%n",
                        model.name(), model.networkCount(), threads, rate);
            }
        }

        int threads = Runtime.getRuntime().availableProcessors();
        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 100, Set.of(), null, null, 0, false);
        try (LibraryReader reader = LibraryReader.open(BenchmarkLibraries.nci5k(), ReadOptions.defaults())) {
            new Screening(threads).run(reader, settings, List.of(bace1, tox21), done -> { }); // warm-up
        }
        HitList hits;
        try (LibraryReader reader = LibraryReader.open(moses, ReadOptions.defaults())) {
            hits = new Screening(threads).run(reader, settings, List.of(bace1, tox21), done -> { });
        }
        System.out.printf(Locale.ROOT, "screen MOSES with bace1 + tox21, %d threads: %,d records, %,d errors in %.1f s = %,.0f molecules/s; peak RSS %d MiB; best hit %s %.3f%n",
                threads, hits.records(), hits.errors(), hits.seconds(), hits.records() / hits.seconds(), peakRssMiB(),
                hits.hits().get(0).id(), hits.hits().get(0).score());
    }

    private static List<ModelInput> fingerprints(Path library, int count, ScreeningModel model) throws IOException {
        Featurizer featurizer = new Featurizer(new FeaturizerOptions(model.fingerprint(), true));
        List<ModelInput> out = new ArrayList<>(count);
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            while (reader.hasNext() && out.size() < count) {
                if (reader.next() instanceof RawRecord raw) {
                    FeaturizedRecord record = featurizer.featurize(raw);
                    if (record instanceof FeaturizedMolecule molecule) {
                        out.add(ModelInput.of(molecule));
                    }
                }
            }
        }
        return out;
    }

    /** Molecules per second through the model's ensemble, without the applicability domain. */
    private static double score(ScreeningModel model, List<ModelInput> fingerprints, int threads) throws Exception {
        int batch = 1_024;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int start = 0; start < fingerprints.size(); start += batch) {
                List<ModelInput> slice = fingerprints.subList(start, Math.min(fingerprints.size(), start + batch));
                futures.add(pool.submit(() -> model.predict(slice, ScreeningModel.Domain.NONE)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return fingerprints.size() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The process's peak resident set size (VmHWM), in MiB; -1 where /proc is not available. */
    static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
