package org.molscreen.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelFile;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ScreeningModel;

/**
 * Scoring speed of model files side by side, in one process on the same 50,000 MOSES compounds (2 threads,
 * batches of 1,024, no applicability domain), three rounds each so the last is warm: how a retrained model
 * compares with the one it replaces, e.g. the file of an earlier commit ({@code git show REV:path > old.zip}).
 */
public final class ModelScoringCompare {

    private ModelScoringCompare() {
    }

    public static void main(String[] args) throws Exception {
        Featurizer featurizer = new Featurizer(FeaturizerOptions.defaults());
        List<ModelInput> inputs = new ArrayList<>();
        try (LibraryReader reader = LibraryReader.open(BenchmarkLibraries.shared("screening_library_moses.smi.gz"), ReadOptions.defaults())) {
            while (reader.hasNext() && inputs.size() < 50_000) {
                if (reader.next() instanceof RawRecord raw && featurizer.featurize(raw) instanceof FeaturizedMolecule molecule) {
                    inputs.add(ModelInput.of(molecule));
                }
            }
        }
        for (int round = 1; round <= 3; round++) {
            for (String file : args) {
                ScreeningModel model = ModelFile.read(Path.of(file));
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    long started = System.nanoTime();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int start = 0; start < inputs.size(); start += 1_024) {
                        List<ModelInput> slice = inputs.subList(start, Math.min(inputs.size(), start + 1_024));
                        futures.add(pool.submit(() -> model.predict(slice, ScreeningModel.Domain.NONE)));
                    }
                    for (Future<?> future : futures) {
                        future.get();
                    }
                    System.out.printf(Locale.ROOT, "round %d %s: %,.0f molecules/s on 2 threads%n", round, file,
                            inputs.size() / ((System.nanoTime() - started) / 1e9));
                } finally {
                    pool.shutdown();
                }
            }
        }
    }
}
