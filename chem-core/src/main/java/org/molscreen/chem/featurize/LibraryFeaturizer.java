package org.molscreen.chem.featurize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordError;

/**
 * Featurises a whole library on several threads and hands the results to a sink in input order.
 *
 * <p>The calling thread reads records and cuts them into batches; worker threads, each with its own
 * {@link Featurizer}, featurise the batches; the calling thread then passes results to the sink in the order
 * the records were read. At most {@code 2 × threads + 2} batches are in flight, so memory stays constant
 * whatever the library size, and the output is the same, byte for byte, for any number of threads.
 */
public final class LibraryFeaturizer {

    static final int BATCH = 256;

    private final FeaturizerOptions options;
    private final FeatureSelection selection;
    private final int threads;

    public LibraryFeaturizer(FeaturizerOptions options, int threads) {
        this(options, FeatureSelection.ALL, threads);
    }

    /** Computes only what {@code selection} names beside the fingerprint: molecules come out as {@link PartialMolecule}s. */
    public LibraryFeaturizer(FeaturizerOptions options, FeatureSelection selection, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.options = options;
        this.selection = selection;
        this.threads = threads;
    }

    /**
     * Reads every record of {@code reader} and passes each outcome to {@code sink}, in input order.
     *
     * @param progress called with the number of records done so far, after each batch (may be a no-op)
     */
    public FeaturizationSummary run(LibraryReader reader, Consumer<FeaturizedRecord> sink, LongConsumer progress)
            throws InterruptedException {
        long started = System.nanoTime();
        ThreadLocal<Featurizer> featurizers = ThreadLocal.withInitial(() -> new Featurizer(options, selection));
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        Deque<Future<List<FeaturizedRecord>>> inFlight = new ArrayDeque<>();
        int maxInFlight = 2 * threads + 2;
        long records = 0;
        long errors = 0;
        try {
            List<LibraryRecord> batch = new ArrayList<>(BATCH);
            while (reader.hasNext()) {
                batch.add(reader.next());
                if (batch.size() == BATCH) {
                    inFlight.add(submit(pool, featurizers, batch));
                    batch = new ArrayList<>(BATCH);
                    while (inFlight.size() >= maxInFlight) {
                        long[] counts = drain(inFlight.removeFirst(), sink);
                        records += counts[0];
                        errors += counts[1];
                        progress.accept(records);
                    }
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(submit(pool, featurizers, batch));
            }
            while (!inFlight.isEmpty()) {
                long[] counts = drain(inFlight.removeFirst(), sink);
                records += counts[0];
                errors += counts[1];
                progress.accept(records);
            }
        } finally {
            pool.shutdownNow();
        }
        return new FeaturizationSummary(records, errors, (System.nanoTime() - started) / 1e9);
    }

    private static Future<List<FeaturizedRecord>> submit(ExecutorService pool, ThreadLocal<Featurizer> featurizers,
                                                         List<LibraryRecord> batch) {
        return pool.submit(() -> {
            Featurizer featurizer = featurizers.get();
            List<FeaturizedRecord> out = new ArrayList<>(batch.size());
            for (LibraryRecord record : batch) {
                if (record instanceof RawRecord raw) {
                    out.add(featurizer.featurize(raw));
                } else {
                    out.add(new RejectedRecord((RecordError) record));
                }
            }
            return out;
        });
    }

    private static long[] drain(Future<List<FeaturizedRecord>> future, Consumer<FeaturizedRecord> sink)
            throws InterruptedException {
        List<FeaturizedRecord> results;
        try {
            results = future.get();
        } catch (ExecutionException e) {
            // Featurizer turns every per-record failure into a RejectedRecord, so this is a bug or an Error
            throw new IllegalStateException("featurisation worker failed: " + e.getCause(), e.getCause());
        }
        long errors = 0;
        for (FeaturizedRecord result : results) {
            if (result instanceof RejectedRecord) {
                errors++;
            }
            sink.accept(result);
        }
        return new long[] {results.size(), errors};
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "featurize-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
