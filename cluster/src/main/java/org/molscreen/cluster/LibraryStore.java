package org.molscreen.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;
import org.molscreen.error.MolscreenException;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.FileDigest;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.RecordError;
import org.molscreen.cluster.storage.StoredLibraries;

/**
 * Libraries stored in the cluster: ingest (the reading node streams raw records; the owning nodes
 * featurise them), metadata, the error list, deletion. A library lives in its own partitioned cache with
 * one backup, keyed by record number.
 */
public final class LibraryStore {

    /** Fewer partitions than Ignite's 1,024 cost less per screening job and still spread over many nodes. */
    static final int PARTITIONS = 128;

    private final Ignite ignite;

    LibraryStore(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Ranges of record numbers an error page is located by (see {@link #errors(String, int, int)}). */
    static final int ERROR_BUCKETS = 65_536;

    static String errorKey(String libraryId, long record) {
        return libraryId + "/" + String.format(Locale.ROOT, "%019d", record);
    }

    /** A library id from its name: lower case, letters, digits, '-' and '_'. */
    public static String idFor(String name) {
        String id = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("library name '" + name + "' must have 1 to 64 letters or digits");
        }
        return id;
    }

    /** Library metadata, as {@link StoredLibraries} bytes (Ignite cannot store records as they are). */
    private IgniteCache<String, byte[]> infoCache() {
        return CacheStarts.getOrCreate(ignite, new CacheConfiguration<String, byte[]>(CacheNames.LIBRARIES)
                .setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    private LibraryInfo info(String id) {
        byte[] bytes = infoCache().get(id);
        return bytes == null ? null : StoredLibraries.decode(bytes);
    }

    private void putInfo(LibraryInfo info) {
        infoCache().put(info.id(), StoredLibraries.encode(info));
    }

    private IgniteCache<String, String> errors() {
        return CacheStarts.getOrCreate(ignite, new CacheConfiguration<String, String>(CacheNames.LIBRARY_ERRORS)
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(1)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    static CacheConfiguration<Long, Object> recordsConfiguration(String libraryId) {
        return new CacheConfiguration<Long, Object>(CacheNames.records(libraryId))
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(1)
                .setAffinity(new RendezvousAffinityFunction(false, PARTITIONS))
                // Ignite's default (IGNORE) lets a screen read a lost partition as empty: a short hit list that
                // looks complete. SAFE marks it lost, and ClusterScreening refuses to screen it.
                .setPartitionLossPolicy(PartitionLossPolicy.READ_WRITE_SAFE)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }

    /**
     * The id of an owner's library: {@code owner.name-id}, so that users have their own name spaces and one
     * user's names reveal nothing of another's; without an owner, just the name's id.
     */
    public static String idFor(String owner, String name) {
        return owner == null ? idFor(name) : idFor(owner) + "." + idFor(name);
    }

    /**
     * Ingests a library file under a name. Ingesting the same file (same SHA-256) under the same name again
     * returns the stored library; another file under a taken name is refused.
     */
    public LibraryInfo ingest(Path file, String name, ReadOptions options, FeaturizerOptions featurization) {
        return ingest(file, name, null, options, featurization);
    }

    /** {@link #ingest(Path, String, ReadOptions, FeaturizerOptions)} for a user's library. */
    public LibraryInfo ingest(Path file, String name, String owner, ReadOptions options, FeaturizerOptions featurization) {
        Reservation reservation = reserve(file, name, owner, featurization);
        return reservation.fresh() ? load(reservation.library(), file, options, featurization) : reservation.library();
    }

    /**
     * The first half of an ingest, quick: claims the name and records the library as ingesting, so that a
     * caller can answer at once and {@link #load} in the background.
     *
     * @param library the library as recorded: ingesting when {@code fresh}, else the same file stored before
     * @param fresh   whether the caller must now {@link #load} it
     */
    public record Reservation(LibraryInfo library, boolean fresh) {
    }

    /**
     * Claims {@code name} for the file. The same file (same SHA-256) already stored or being stored under the
     * name is returned as it is, not stored twice; a failed ingest under the name is replaced; another file
     * under a taken name is refused.
     */
    public Reservation reserve(Path file, String name, String owner, FeaturizerOptions featurization) {
        String id = idFor(owner, name);
        String sha256 = FileDigest.sha256(file);
        LibraryInfo existing = info(id);
        if (existing != null && existing.state() == LibraryInfo.State.FAILED) {
            delete(id);
            existing = null;
        }
        if (existing != null) {
            if (existing.sha256().equals(sha256)) {
                return new Reservation(existing, false);
            }
            throw new LibraryExistsException(id, existing);
        }
        LibraryInfo info = new LibraryInfo(id, name, file.getFileName().toString(), sha256, 0, 0,
                featurization.fingerprint().name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                LibraryInfo.State.INGESTING, owner, String.valueOf(ignite.cluster().localNode().consistentId()), null);
        if (!infoCache().putIfAbsent(id, StoredLibraries.encode(info))) {
            LibraryInfo raced = info(id);
            if (raced != null && raced.sha256().equals(sha256)) {
                return new Reservation(raced, false);
            }
            throw new LibraryExistsException(id, raced);
        }
        return new Reservation(info, true);
    }

    /** How often the record count of an ingesting library is brought up to date. */
    static final long PROGRESS_MILLIS = 1_000;

    /**
     * The second half of an ingest: reads the file on this node and streams its records to the nodes that
     * own them, which featurise and store them. Returns the library, ready or failed (with the reason).
     */
    public LibraryInfo load(LibraryInfo reserved, Path file, ReadOptions options, FeaturizerOptions featurization) {
        return load(reserved, file, options, featurization, RecordLimit.NONE);
    }

    /**
     * As {@link #load(LibraryInfo, Path, ReadOptions, FeaturizerOptions)}, failing the library (and freeing what it
     * stored) once it has more records than {@code limit} allows.
     */
    public LibraryInfo load(LibraryInfo reserved, Path file, ReadOptions options, FeaturizerOptions featurization,
                            RecordLimit limit) {
        LibraryReader opened;
        try {
            opened = LibraryReader.open(file, options);
        } catch (Throwable e) {
            markFailed(reserved, e); // the file cannot be read at all
            throw e;
        }
        try (LibraryReader reader = opened) {
            return load(reserved, reader, featurization, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing the file failed after the library was stored
        }
    }

    /**
     * Stores the records {@code reader} gives. Whatever stops it, {@link Error}s included (an
     * {@code OutOfMemoryError}), leaves the library failed with the reason, never {@code ingesting}.
     */
    LibraryInfo load(LibraryInfo reserved, java.util.Iterator<LibraryRecord> reader, FeaturizerOptions featurization,
                     RecordLimit limit) {
        String id = reserved.id();
        long read = 0;
        long readErrors = 0;
        long lastProgress = System.currentTimeMillis();
        try {
            IgniteCache<Long, Object> records = CacheStarts.getOrCreate(ignite, recordsConfiguration(id));
            IgniteCache<String, String> errors = errors();
            try (IgniteDataStreamer<Long, Object> streamer = ignite.dataStreamer(records.getName())) {
                streamer.allowOverwrite(true);
                streamer.perNodeBufferSize(1024);
                streamer.receiver(new FeaturizingReceiver(id, reserved.sourceFile(), featurization));
                while (reader.hasNext()) {
                    if (read == limit.maxRecords()) {
                        throw new TooManyRecordsException(id, limit);
                    }
                    LibraryRecord record = reader.next();
                    read++;
                    if (record instanceof RawRecord raw) {
                        streamer.addData(raw.location().record(), FeaturizingReceiver.encode(raw));
                    } else {
                        RecordError error = (RecordError) record;
                        errors.put(errorKey(id, error.location().record()), error.message());
                        readErrors++;
                    }
                    if (System.currentTimeMillis() - lastProgress >= PROGRESS_MILLIS) {
                        lastProgress = System.currentTimeMillis();
                        if (info(id) == null) {
                            throw new DeletedWhileIngestingException(id);
                        }
                        putInfo(reserved.with(read, readErrors, LibraryInfo.State.INGESTING));
                    }
                }
            }
            long stored = records.sizeLong(CachePeekMode.PRIMARY);
            LibraryInfo ready = reserved.with(read, read - stored, LibraryInfo.State.READY);
            putInfo(ready);
            return ready;
        } catch (Throwable e) {
            markFailed(reserved.with(read, readErrors, LibraryInfo.State.INGESTING), e);
            throw e;
        }
    }

    /** Records the failure and frees the records stored so far (and their cache): a failed library holds nothing. */
    private void markFailed(LibraryInfo library, Throwable failure) {
        try {
            if (info(library.id()) != null) {
                putInfo(library.failed(FailureReason.of(failure)));
            }
            IgniteCache<Long, Object> records = ignite.cache(CacheNames.records(library.id()));
            if (records != null) {
                CacheStarts.destroy(records);
            }
        } catch (RuntimeException notRecorded) {
            failure.addSuppressed(notRecorded); // the node is going away; a restart fails the ingest instead
        }
    }

    /**
     * Marks as failed the libraries left ingesting by a node that is gone (or, {@code atStartup}, by this
     * node's previous run): their file was read by that node alone, so nobody can finish them; the user
     * uploads again. Returns how many.
     */
    int failInterruptedIngests(boolean atStartup) {
        Abandoned abandoned = new Abandoned(ignite, atStartup);
        int failed = 0;
        for (LibraryInfo library : list()) {
            if (library.state() == LibraryInfo.State.INGESTING && abandoned.by(library.ingestedBy())) {
                putInfo(library.failed("ingest interrupted: node " + library.ingestedBy()
                        + " stopped while reading the file; upload it again"));
                failed++;
            }
        }
        return failed;
    }

    public Optional<LibraryInfo> get(String id) {
        return Optional.ofNullable(info(id));
    }

    public List<LibraryInfo> list() {
        List<LibraryInfo> all = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = infoCache().query(new ScanQuery<String, byte[]>())) {
            cursor.forEach(entry -> all.add(StoredLibraries.decode(entry.getValue())));
        }
        all.sort(java.util.Comparator.comparing(LibraryInfo::id));
        return all;
    }

    /** The library's bad records, by record number, each with where and why. */
    public List<String> errors(String id) {
        return errors(id, 0, Integer.MAX_VALUE);
    }

    /**
     * One page of the library's bad records, by record number, in memory bounded whatever the page's depth and the
     * library's size. Two scans, each filtered where the entries are stored: the first brings back only record
     * numbers and counts them into at most {@value #ERROR_BUCKETS} ranges of record numbers, which says in which
     * ranges the page lies; the second brings back only the entries in those ranges. A range holds at most its
     * width in errors (one per record), so what is held is the counts, about two ranges' widths and the page.
     */
    public List<String> errors(String id, int offset, int limit) {
        return errors(id, offset, limit, ERROR_BUCKETS);
    }

    List<String> errors(String id, int offset, int limit, int maxBuckets) {
        String prefix = id + "/";
        int prefixLength = prefix.length();
        LibraryInfo library = info(id);
        long span = Math.max(1, library == null ? 1 : library.records() + 1);
        int buckets = (int) Math.min(maxBuckets, span);
        long width = (span + buckets - 1) / buckets;
        long[] counts = new long[buckets];
        try (QueryCursor<Long> records = errors().query(
                new ScanQuery<String, String>((key, value) -> key.startsWith(prefix)).setPageSize(4_096),
                (org.apache.ignite.lang.IgniteClosure<Cache.Entry<String, String>, Long>) entry ->
                        Long.parseLong(entry.getKey().substring(prefixLength)))) {
            for (long record : records) {
                counts[(int) Math.min(buckets - 1, record / width)]++;
            }
        }
        long before = 0;
        int first = 0;
        while (first < buckets && before + counts[first] <= offset) {
            before += counts[first++];
        }
        if (first == buckets) {
            return List.of();
        }
        long needed = offset - before + (long) limit;
        long inRange = 0;
        int last = first;
        while (last < buckets - 1 && inRange + counts[last] < needed) {
            inRange += counts[last++];
        }
        long from = first * width;
        long to = last == buckets - 1 ? Long.MAX_VALUE : (last + 1) * width;
        List<Map.Entry<String, String>> ordered = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, String>> cursor = errors().query(new ScanQuery<String, String>((key, value) -> {
            if (!key.startsWith(prefix)) {
                return false;
            }
            long record = Long.parseLong(key.substring(prefixLength));
            return record >= from && record < to;
        }).setPageSize(1_024))) {
            cursor.forEach(entry -> ordered.add(Map.entry(entry.getKey(), entry.getValue())));
        }
        ordered.sort(Map.Entry.comparingByKey());
        int skip = (int) Math.min(offset - before, ordered.size());
        return ordered.subList(skip, (int) Math.min(ordered.size(), skip + (long) limit)).stream().map(Map.Entry::getValue).toList();
    }

    /** Removes the library, its compounds and its error list. */
    public boolean delete(String id) {
        if (info(id) == null) {
            return false;
        }
        IgniteCache<Long, Object> records = ignite.cache(CacheNames.records(id));
        if (records != null) {
            CacheStarts.destroy(records);
        }
        String prefix = id + "/";
        IgniteCache<String, String> errors = errors();
        // removed a batch at a time as the scan goes: memory stays flat however many errors the library has
        java.util.Set<String> batch = new java.util.HashSet<>();
        try (QueryCursor<Cache.Entry<String, String>> cursor = errors.query(
                new ScanQuery<String, String>((key, value) -> key.startsWith(prefix)).setPageSize(1_024))) {
            for (Cache.Entry<String, String> entry : cursor) {
                batch.add(entry.getKey());
                if (batch.size() == 1_024) {
                    errors.removeAll(batch);
                    batch.clear();
                }
            }
        }
        errors.removeAll(batch);
        infoCache().remove(id);
        return true;
    }

    /** A library with more records than an ingest may store. */
    public static final class TooManyRecordsException extends MolscreenException {
        TooManyRecordsException(String id, RecordLimit limit) {
            super("library " + id + " has more than " + limit.maxRecords() + " records (the " + limit.name()
                    + " limit); nothing of it is kept");
        }
    }

    /** The records stored, or being stored, in an owner's libraries that have not failed. */
    public long storedRecords(String owner) {
        return list().stream().filter(l -> java.util.Objects.equals(l.owner(), owner) && l.state() != LibraryInfo.State.FAILED)
                .mapToLong(l -> l.records() - l.errors()).sum();
    }

    /** A library deleted while its file was still being read. */
    public static final class DeletedWhileIngestingException extends MolscreenException {
        DeletedWhileIngestingException(String id) {
            super("library " + id + " was deleted while it was being ingested");
        }
    }

    /** A library name that is taken by another file. */
    public static final class LibraryExistsException extends MolscreenException {
        LibraryExistsException(String id, LibraryInfo existing) {
            super("library '" + id + "' already exists (" + (existing == null ? "being created" : existing.sourceFile()
                    + ", " + existing.state().name().toLowerCase(Locale.ROOT)) + "); delete it first or choose another name");
        }
    }
}
