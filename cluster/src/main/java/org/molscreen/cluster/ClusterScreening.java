package org.molscreen.cluster;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;
import org.apache.ignite.lang.IgniteFuture;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.error.MolscreenException;
import org.molscreen.cluster.storage.StoredHitLists;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.predict.LibraryPredictor;
import org.molscreen.engine.screen.Hit;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;
import org.molscreen.engine.screen.TopHits;

/**
 * Screens a stored library across the cluster: one job per partition, run where the partition lives,
 * each keeping its own top N; the partial lists are merged here by the same ranking (score, then id), so
 * the hit list is the one a single pass over the library gives, on one node or many.
 */
public final class ClusterScreening {

    private final Ignite ignite;

    ClusterScreening(Ignite ignite) {
        this.ignite = ignite;
    }

    public HitList screen(String libraryId, ScreenSettings settings) {
        return screen(libraryId, settings, (done, total) -> { });
    }

    /** Reports progress as partitions done out of the total. */
    public interface Progress {
        void partitionsDone(int done, int total);
    }

    /**
     * Screens the library. A node that leaves mid-screen loses nothing: its partitions' jobs fail over to the
     * nodes that hold the backups (at-least-once work), and the merge keeps exactly one result per
     * partition (exactly-once result), so the hit list is the same as without the failure.
     */
    public HitList screen(String libraryId, ScreenSettings settings, Progress progress) {
        return screen(libraryId, settings, progress, () -> false);
    }

    /**
     * Screens the library, checking {@code cancelled} as partitions finish: once it says yes, the partition
     * jobs still running are cancelled on their nodes and {@link CancelledException} is thrown.
     */
    public HitList screen(String libraryId, ScreenSettings settings, Progress progress, java.util.function.BooleanSupplier cancelled) {
        LibraryInfo info = new LibraryStore(ignite).get(libraryId)
                .orElseThrow(() -> new UnknownLibraryException(libraryId));
        if (info.state() != LibraryInfo.State.READY) {
            throw new ScreeningJobs.LibraryNotReadyException(info);
        }
        long started = System.nanoTime();
        NodeModels.publish(ignite, settings.models());
        String cacheName = CacheNames.records(libraryId);
        int partitions = ignite.affinity(cacheName).partitions();
        refuseLostPartitions(libraryId, cacheName, partitions);
        List<IgniteFuture<byte[]>> futures = new ArrayList<>(partitions);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        for (int partition = 0; partition < partitions; partition++) {
            futures.add(submit(cacheName, info, partition, settings, done, progress, partitions));
        }
        List<Hit> candidates = new ArrayList<>();
        Map<Hit, RawRecord> deferred = new IdentityHashMap<>();
        org.molscreen.engine.screen.ScoreHistogram histogram = null;
        long filtered = 0;
        long scanned = 0;
        long unfinished = 0;
        for (int partition = 0; partition < partitions; partition++) {
            PartialHits partial = null;
            for (int attempt = 1; partial == null; attempt++) {
                if (cancelled.getAsBoolean()) {
                    futures.forEach(IgniteFuture::cancel);
                    throw new CancelledException(libraryId);
                }
                try {
                    partial = StoredHitLists.decodePartial(futures.get(partition).get());
                } catch (IgniteException e) {
                    // Ignite's own failover can find no node while the topology is still changing ("failover
                    // SPI returned null"); the partition's data is safe on its backup, so ask again once the
                    // new owner is known
                    if (!topologyChanged(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    pause(attempt);
                    futures.set(partition, submit(cacheName, info, partition, settings, null, progress, partitions));
                }
            }
            for (Hit hit : partial.hits()) {
                candidates.add(hit);
                RawRecord record = partial.deferred().get(hit.molecule().location().record());
                if (record != null) {
                    deferred.put(hit, record);
                }
            }
            filtered += partial.filtered();
            unfinished += partial.unfinished();
            if (histogram == null) {
                histogram = new org.molscreen.engine.screen.ScoreHistogram(partial.histogram().binWidth());
            }
            histogram.merge(partial.histogram());
            scanned += partial.scanned();
        }
        // a partition lost while the screen ran may have been read as empty: the hits would be short
        refuseLostPartitions(libraryId, cacheName, partitions);
        long stored = info.records() - info.errors();
        if (scanned < stored) {
            throw new PartitionsLostException(libraryId, "the screen read " + scanned + " of the library's " + stored
                    + " compounds (data lost with nodes that left); restore the nodes or re-ingest the library");
        }
        List<ScreeningModel> models = NodeModels.load(ignite, settings.models());
        TopHits merged = new TopHits(settings.top());
        unfinished += completeBest(candidates, deferred, settings.top(), models, merged);
        return Screening.finish(settings, models, merged, info.records(), info.errors() + unfinished,
                filtered, (System.nanoTime() - started) / 1e9, histogram);
    }

    /**
     * Fills {@code merged} with the best {@code top} of the partitions' hits, featurising whole, best first, those
     * featurised in part: only the few shown are, and a hit list equals a local screen's. A compound whose whole
     * featurisation fails is an error of the library, and the next best takes its place, as in a local screen.
     * Returns how many failed.
     */
    static long completeBest(List<Hit> candidates, Map<Hit, RawRecord> deferred, int top, List<ScreeningModel> models,
                             TopHits merged) {
        candidates.sort(TopHits.RANKING);
        Featurizer whole = deferred.isEmpty() ? null : new Featurizer(LibraryPredictor.featurization(models));
        long failed = 0;
        int kept = 0;
        for (int i = 0; i < candidates.size() && kept < top; i++) {
            Hit hit = candidates.get(i);
            RawRecord record = deferred.get(hit);
            if (record != null) {
                if (!(whole.featurize(record) instanceof FeaturizedMolecule completed)) {
                    failed++;
                    continue;
                }
                hit = new Hit(completed, hit.score(), hit.predictions(), hit.similarity(), hit.filteredBy());
            }
            merged.offer(hit);
            kept++;
        }
        return failed;
    }

    /** How often one partition is tried when nodes come and go. */
    static final int MAX_ATTEMPTS = 10;

    private IgniteFuture<byte[]> submit(String cacheName, LibraryInfo info, int partition, ScreenSettings settings,
                                        java.util.concurrent.atomic.AtomicInteger done, Progress progress, int partitions) {
        IgniteFuture<byte[]> future = ignite.compute().affinityCallAsync(List.of(cacheName), partition,
                new PartitionScreenJob(cacheName, info.sourceFile(), partition, settings));
        if (done != null) {
            future.listen(f -> progress.partitionsDone(done.incrementAndGet(), partitions));
        }
        return future;
    }

    private static boolean topologyChanged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // the public exception, or the checked one Ignite raises inside a compute future
            if (t instanceof ClusterTopologyException || t instanceof ClusterTopologyCheckedException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IgniteException("interrupted while waiting for the cluster to settle", e);
        }
    }

    /**
     * Partitions whose every copy left with their nodes: screening what is left would give a short hit list
     * that looks complete, so the screen fails instead, saying how much is gone.
     */
    private void refuseLostPartitions(String libraryId, String cacheName, int partitions) {
        java.util.Collection<Integer> lost = ignite.cache(cacheName).lostPartitions();
        if (!lost.isEmpty()) {
            throw new PartitionsLostException(libraryId, "partitions lost: " + lost.size() + " of " + partitions
                    + "; restore the node or re-ingest the library");
        }
    }

    /** Some of a library's data is gone with the nodes that held it. */
    public static final class PartitionsLostException extends MolscreenException {
        PartitionsLostException(String library, String what) {
            super("library " + library + ": " + what);
        }
    }

    /** A screen stopped on request. */
    public static final class CancelledException extends MolscreenException {
        CancelledException(String library) {
            super("the screen of library " + library + " was cancelled");
        }
    }

    /** A library id that is not stored. */
    public static final class UnknownLibraryException extends MolscreenException {
        UnknownLibraryException(String what) {
            super("library " + what + " (see the stored libraries)");
        }
    }
}
