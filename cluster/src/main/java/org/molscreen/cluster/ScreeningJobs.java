package org.molscreen.cluster;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;
import org.molscreen.error.MolscreenException;
import org.molscreen.cluster.storage.StoredHitLists;
import org.molscreen.cluster.storage.StoredJobs;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;

/**
 * Screening jobs as durable cluster objects: submitted jobs run on the submitting node's job thread
 * (the work itself is spread by partition), their state and progress live in a replicated cache, and the
 * finished hit list is stored with the job, so it survives the node (and, with persistence, a restart of
 * the whole cluster). A job that was running when its coordinator disappeared is run again from the
 * start by {@link #resumeOrphans()} (screening is a pure function of library and settings, so a re-run
 * gives the same hit list).
 *
 * <p>Thread-safe; one instance per node (see {@link MolscreenNode#jobs()}).
 */
public final class ScreeningJobs implements AutoCloseable {

    static final String JOBS = "molscreen-jobs";
    static final String HITS = "molscreen-job-hits";
    /** Idempotency keys: "owner key" to job id. */
    static final String KEYS = "molscreen-job-keys";
    /** Progress is written at most this often. */
    static final long PROGRESS_MILLIS = 500;

    /** What runs a job's screen: the cluster's own, or in a test one that fails the way the cluster can. */
    interface Screen {
        HitList run(String library, ScreenSettings settings, ClusterScreening.Progress progress,
                    java.util.function.BooleanSupplier cancelled);
    }

    private final Ignite ignite;
    private final Screen screen;
    private final NodeLifecycle lifecycle;
    private final ExecutorService runner;
    private volatile boolean closing;
    /** Who hears of every job change; the continuous query feeding them starts with the first. */
    private final List<Consumer<JobInfo>> watchers = new CopyOnWriteArrayList<>();
    private QueryCursor<?> changes;

    ScreeningJobs(Ignite ignite, NodeLifecycle lifecycle) {
        this(ignite, lifecycle, new ClusterScreening(ignite)::screen);
    }

    ScreeningJobs(Ignite ignite, NodeLifecycle lifecycle, Screen screen) {
        this.ignite = ignite;
        this.lifecycle = lifecycle;
        this.screen = screen;
        this.runner = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "molscreen-jobs-" + ignite.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    private IgniteCache<String, byte[]> jobs() {
        return CacheStarts.getOrCreate(ignite, new CacheConfiguration<String, byte[]>(JOBS).setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    /**
     * Hit lists are the largest thing a job leaves (MBs for 10,000 hits): partitioned with one backup, a cluster
     * of N nodes holds two copies of each instead of N. A data directory made before keeps its replicated cache
     * (Ignite keeps a stored cache's configuration). A hit list whose two holders are lost at once reads as absent
     * and the API says so (see {@code JobService.hits}).
     */
    static CacheConfiguration<String, byte[]> hitsConfiguration() {
        return new CacheConfiguration<String, byte[]>(HITS).setCacheMode(CacheMode.PARTITIONED).setBackups(1)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }

    private IgniteCache<String, byte[]> hits() {
        return CacheStarts.getOrCreate(ignite, hitsConfiguration());
    }

    private IgniteCache<String, String> keys() {
        return CacheStarts.getOrCreate(ignite, new CacheConfiguration<String, String>(KEYS).setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Queues a screen of a stored library and starts it; returns the queued job. */
    public JobInfo submit(String library, ScreenSettings settings) {
        return submit(library, settings, null, null);
    }

    /**
     * Queues a user's screen and starts it. With an idempotency key, a repeated submission by the same owner
     * returns the job the first one created (whatever its state) instead of starting another; the same key
     * with another library or other settings is refused.
     */
    public JobInfo submit(String library, ScreenSettings settings, String owner, String idempotencyKey) {
        LibraryInfo stored = new LibraryStore(ignite).get(library)
                .orElseThrow(() -> new ClusterScreening.UnknownLibraryException(library));
        if (stored.state() != LibraryInfo.State.READY) {
            throw new LibraryNotReadyException(stored);
        }
        JobInfo job = new JobInfo(UUID.randomUUID().toString(), library, settings, JobInfo.State.QUEUED, 0, 0, null,
                String.valueOf(ignite.cluster().localNode().consistentId()), now(), null, null, owner);
        jobs().put(job.id(), StoredJobs.encode(job));
        if (idempotencyKey != null) {
            String earlier = keys().getAndPutIfAbsent(owner + " " + idempotencyKey, job.id());
            if (earlier != null) {
                jobs().remove(job.id());
                JobInfo first = get(earlier).orElseThrow(() -> new UnknownJobException(earlier));
                if (!first.library().equals(library) || !first.settings().equals(settings)) {
                    throw new IdempotencyKeyReusedException(idempotencyKey, first);
                }
                return first;
            }
        }
        runner.submit(() -> run(job.id()));
        return job;
    }

    /** The job an owner's idempotency key was first used for, if any. */
    public Optional<JobInfo> keyed(String owner, String idempotencyKey) {
        String id = keys().get(owner + " " + idempotencyKey);
        return id == null ? Optional.empty() : get(id);
    }

    public Optional<JobInfo> get(String id) {
        byte[] bytes = jobs().get(id);
        return bytes == null ? Optional.empty() : Optional.of(StoredJobs.decode(bytes));
    }

    /** Every job in the cluster, oldest first. */
    public List<JobInfo> list() {
        return list(new ScanQuery<>());
    }

    /**
     * The jobs of one owner (null: the node's own), oldest first. The filter runs where the jobs are stored and
     * reads only the front of each value ({@link StoredJobs#summary}), so only this owner's jobs are decoded.
     */
    public List<JobInfo> listOwnedBy(String owner) {
        return list(new ScanQuery<>((id, bytes) -> java.util.Objects.equals(owner, StoredJobs.summary(id, bytes).owner())));
    }

    /** The jobs queued or running, oldest first, decoding only those. */
    public List<JobInfo> listActive() {
        return list(new ScanQuery<>((id, bytes) -> !StoredJobs.summary(id, bytes).state().ended()));
    }

    /** How many of an owner's jobs are queued or running, without decoding any job. */
    public long activeOwnedBy(String owner) {
        long active = 0;
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = jobs().query(new ScanQuery<String, byte[]>((id, bytes) -> {
            JobSummary job = StoredJobs.summary(id, bytes);
            return !job.state().ended() && java.util.Objects.equals(owner, job.owner());
        }))) {
            for (Cache.Entry<String, byte[]> ignored : cursor) {
                active++;
            }
        }
        return active;
    }

    /** A summary of every job (for counts and retention), without decoding any job whole. */
    public List<JobSummary> summaries() {
        List<JobSummary> all = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = jobs().query(new ScanQuery<String, byte[]>())) {
            cursor.forEach(entry -> all.add(StoredJobs.summary(entry.getKey(), entry.getValue())));
        }
        return all;
    }

    private List<JobInfo> list(ScanQuery<String, byte[]> query) {
        List<JobInfo> found = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = jobs().query(query)) {
            cursor.forEach(entry -> found.add(StoredJobs.decode(entry.getValue())));
        }
        found.sort(java.util.Comparator.comparing(JobInfo::submitted).thenComparing(JobInfo::id));
        return found;
    }

    /** The finished job's hit list. */
    public Optional<HitList> hits(String id) {
        byte[] bytes = hits().get(id);
        return bytes == null ? Optional.empty() : Optional.of(StoredHitLists.decode(bytes));
    }

    /** Asks a job to stop; its running partition jobs are cancelled on every node. */
    public boolean cancel(String id) {
        Optional<JobInfo> job = get(id);
        if (job.isEmpty() || job.get().state().ended()) {
            return false;
        }
        update(id, current -> current.state().ended() ? current : current.ended(JobInfo.State.CANCELLED, null, now()));
        return true;
    }

    /**
     * Removes an ended job, its hit list and its idempotency keys. A job still queued or running is left as it
     * is (cancel it first); returns whether the job was removed.
     */
    public boolean delete(String id) {
        Optional<JobInfo> job = get(id);
        if (job.isEmpty() || !job.get().state().ended()) {
            return false;
        }
        hits().remove(id);
        IgniteCache<String, String> keys = keys();
        java.util.Set<String> keyed = new java.util.HashSet<>();
        try (QueryCursor<Cache.Entry<String, String>> cursor = keys.query(
                new ScanQuery<String, String>((key, value) -> value.equals(id)))) {
            cursor.forEach(entry -> keyed.add(entry.getKey()));
        }
        keys.removeAll(keyed);
        return jobs().remove(id);
    }

    /** Removes the jobs (with their hits) that ended before {@code cutoff}; returns how many. */
    public int deleteEndedBefore(Instant cutoff) {
        int removed = 0;
        for (JobSummary job : summaries()) {
            if (job.state().ended() && job.finished() != null && Instant.parse(job.finished()).isBefore(cutoff) && delete(job.id())) {
                removed++;
            }
        }
        return removed;
    }

    /** Re-runs jobs left queued or running by a coordinator that is no longer in the cluster. */
    public int resumeOrphans() {
        return resumeOrphans(false);
    }

    /**
     * Re-runs orphaned jobs; {@code atStartup}, jobs that name this very node as coordinator are orphans too:
     * they belonged to this node's previous run (a restart with the same name and data directory).
     */
    int resumeOrphans(boolean atStartup) {
        Abandoned abandoned = new Abandoned(ignite, atStartup);
        int resumed = 0;
        for (JobInfo job : listActive()) {
            boolean orphan = abandoned.by(job.coordinator());
            if (orphan && claim(job)) {
                runner.submit(() -> run(job.id()));
                resumed++;
            }
        }
        return resumed;
    }

    /** Takes an orphan for this node, atomically, so two nodes never run it twice at once. */
    private boolean claim(JobInfo job) {
        byte[] current = jobs().get(job.id());
        JobInfo claimed = job.running(String.valueOf(ignite.cluster().localNode().consistentId()), job.total(), now());
        return current != null && jobs().replace(job.id(), current, StoredJobs.encode(claimed));
    }

    /**
     * Runs a job to a final state. Whatever stops it, {@link Error}s included (an {@code OutOfMemoryError}),
     * ends it failed with the reason, so it never stays running and stops counting against its owner's jobs;
     * only this node's own shutdown leaves it running, for another node to re-run.
     */
    private void run(String id) {
        try {
            screen(id);
        } catch (ClusterScreening.CancelledException e) {
            // the state already says cancelled
        } catch (Throwable e) {
            if (closing || stopping(e)) {
                return; // this node is going away: the job stays running and the oldest node re-runs it
            }
            String reason = FailureReason.of(e);
            try {
                update(id, current -> current.state().ended() ? current : current.ended(JobInfo.State.FAILED, reason, now()));
            } catch (RuntimeException notRecorded) {
                LOG.log(System.Logger.Level.ERROR, "job " + id + " failed (" + reason + ") and the failure could not be stored", notRecorded);
            }
            if (e instanceof Error) {
                LOG.log(System.Logger.Level.ERROR, "job " + id + " failed", e);
            }
        }
    }

    private static final System.Logger LOG = System.getLogger(ScreeningJobs.class.getName());

    private void screen(String id) {
        JobInfo job = get(id).orElseThrow();
        if (job.state().ended()) {
            return;
        }
        LibraryInfo library = new LibraryStore(ignite).get(job.library()).orElse(null);
        if (library == null) {
            update(id, current -> current.ended(JobInfo.State.FAILED, "library " + job.library() + " no longer exists", now()));
            return;
        }
        String node = String.valueOf(ignite.cluster().localNode().consistentId());
        update(id, current -> current.state().ended() ? current : current.running(node, library.records() - library.errors(), now()));
        if (get(id).map(j -> j.state() != JobInfo.State.RUNNING).orElse(true)) {
            return; // cancelled before it started
        }
        long[] lastWrite = {0};
        HitList hits = screen.run(job.library(), job.settings(), (done, total) -> {
            long now = System.currentTimeMillis();
            if (now - lastWrite[0] >= PROGRESS_MILLIS || done == total) {
                lastWrite[0] = now;
                long processed = (library.records() - library.errors()) * done / total;
                update(id, current -> current.state() == JobInfo.State.RUNNING ? current.progress(processed) : current);
            }
        }, () -> get(id).map(j -> j.state() == JobInfo.State.CANCELLED).orElse(true));
        if (get(id).map(j -> j.state() == JobInfo.State.CANCELLED).orElse(true)) {
            return;
        }
        hits().put(id, StoredHitLists.encode(hits));
        update(id, current -> current.state() == JobInfo.State.RUNNING ? current.ended(JobInfo.State.DONE, null, now()) : current);
        if (get(id).map(j -> j.state() != JobInfo.State.DONE).orElse(true)) {
            hits().remove(id); // cancelled while the hits were being stored
        }
    }

    /** Whether a failure comes from this node shutting down (Ignite said so, or this thread was interrupted). */
    private boolean stopping(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof org.apache.ignite.IgniteInterruptedException) {
                return true;
            }
        }
        return lifecycle.stopping() || Thread.currentThread().isInterrupted();
    }

    private void update(String id, java.util.function.UnaryOperator<JobInfo> change) {
        IgniteCache<String, byte[]> cache = jobs();
        while (true) {
            byte[] current = cache.get(id);
            if (current == null) {
                return;
            }
            byte[] next = StoredJobs.encode(change.apply(StoredJobs.decode(current)));
            if (cache.replace(id, current, next)) {
                return;
            }
        }
    }

    /** A job asked of a library that is still being ingested, or failed to be. */
    public static final class LibraryNotReadyException extends MolscreenException {
        LibraryNotReadyException(LibraryInfo library) {
            super("library " + library.id() + " is " + library.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (library.state() == LibraryInfo.State.INGESTING ? "; submit the job once it is ready" : ""));
        }
    }

    /** An idempotency key sent again with another request. */
    public static final class IdempotencyKeyReusedException extends MolscreenException {
        IdempotencyKeyReusedException(String key, JobInfo first) {
            super("Idempotency-Key '" + key + "' was first used for job " + first.id()
                    + " with another library or other settings; use a new key for a new job");
        }
    }

    /** A job id the cluster does not know. */
    public static final class UnknownJobException extends MolscreenException {
        UnknownJobException(String id) {
            super("no job " + id);
        }
    }

    /**
     * Calls {@code watcher} with a job each time any node of the cluster stores a change to it (queued, started,
     * progress at most every {@value #PROGRESS_MILLIS} ms, ended), so a client is told rather than asking.
     * The call comes on an Ignite thread: hand the job on (to the Vert.x event bus, say) and return.
     *
     * @return closing it stops the calls
     */
    public AutoCloseable watch(Consumer<JobInfo> watcher) {
        synchronized (watchers) {
            if (changes == null) {
                ContinuousQuery<String, byte[]> query = new ContinuousQuery<>();
                query.setLocalListener(events -> {
                    for (CacheEntryEvent<? extends String, ? extends byte[]> event : events) {
                        if (event.getValue() != null) {
                            JobInfo job = StoredJobs.decode(event.getValue());
                            for (Consumer<JobInfo> each : watchers) {
                                try {
                                    each.accept(job);
                                } catch (RuntimeException e) {
                                    // one failing watcher must not silence the others or Ignite's callback thread
                                    System.getLogger(ScreeningJobs.class.getName()).log(System.Logger.Level.WARNING,
                                            "a job watcher failed on job " + job.id(), e);
                                }
                            }
                        }
                    }
                });
                changes = jobs().query(query);
            }
            watchers.add(watcher);
        }
        return () -> watchers.remove(watcher);
    }

    @Override
    public void close() {
        closing = true;
        runner.shutdownNow();
        synchronized (watchers) {
            if (changes != null) {
                try {
                    changes.close();
                } catch (org.apache.ignite.IgniteException stopping) {
                    // Ignite's own shutdown hook stops the node beside ours (Ctrl-C): the query ends with the node
                }
            }
        }
    }
}
