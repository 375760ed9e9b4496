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
import java.util.TreeMap;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.configuration.CacheConfiguration;
import org.molscreen.chem.MolscreenException;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.RecordError;
import org.molscreen.engine.data.LabelledSetReader;

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

    /** Library metadata, as {@link JavaWireFormat} bytes (Ignite cannot store records as they are). */
    private IgniteCache<String, byte[]> infoCache() {
        return ignite.getOrCreateCache(new CacheConfiguration<String, byte[]>(CacheNames.LIBRARIES)
                .setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    private LibraryInfo info(String id) {
        byte[] bytes = infoCache().get(id);
        return bytes == null ? null : JavaWireFormat.fromBytes(bytes, LibraryInfo.class);
    }

    private void putInfo(LibraryInfo info) {
        infoCache().put(info.id(), JavaWireFormat.toBytes(info));
    }

    private IgniteCache<String, String> errors() {
        return ignite.getOrCreateCache(new CacheConfiguration<String, String>(CacheNames.LIBRARY_ERRORS)
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(1)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    static CacheConfiguration<Long, Object> recordsConfiguration(String libraryId) {
        return new CacheConfiguration<Long, Object>(CacheNames.records(libraryId))
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(1)
                .setAffinity(new RendezvousAffinityFunction(false, PARTITIONS))
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }

    /**
     * Ingests a library file under a name. Ingesting the same file (same SHA-256) under the same name again
     * returns the stored library; another file under a taken name is refused.
     */
    public LibraryInfo ingest(Path file, String name, ReadOptions options, FeaturizerOptions featurization) {
        String id = idFor(name);
        String sha256 = LabelledSetReader.sha256(file);
        LibraryInfo existing = info(id);
        if (existing != null) {
            if (existing.sha256().equals(sha256) && existing.state() == LibraryInfo.State.READY) {
                return existing;
            }
            throw new LibraryExistsException(id, existing);
        }
        String source = file.getFileName().toString();
        LibraryInfo info = new LibraryInfo(id, name, source, sha256, 0, 0, featurization.fingerprint().name(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), LibraryInfo.State.INGESTING);
        if (!infoCache().putIfAbsent(id, JavaWireFormat.toBytes(info))) {
            throw new LibraryExistsException(id, info(id));
        }
        IgniteCache<Long, Object> records = ignite.getOrCreateCache(recordsConfiguration(id));
        IgniteCache<String, String> errors = errors();
        long read = 0;
        long readErrors = 0;
        try (LibraryReader reader = LibraryReader.open(file, options);
             IgniteDataStreamer<Long, Object> streamer = ignite.dataStreamer(records.getName())) {
            streamer.allowOverwrite(true);
            streamer.perNodeBufferSize(1024);
            streamer.receiver(new FeaturizingReceiver(id, source, featurization));
            while (reader.hasNext()) {
                LibraryRecord record = reader.next();
                read++;
                if (record instanceof RawRecord raw) {
                    streamer.addData(raw.location().record(), FeaturizingReceiver.encode(raw));
                } else {
                    RecordError error = (RecordError) record;
                    errors.put(errorKey(id, error.location().record()), error.message());
                    readErrors++;
                }
            }
        } catch (IOException e) {
            putInfo(info.with(read, readErrors, LibraryInfo.State.FAILED));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            putInfo(info.with(read, readErrors, LibraryInfo.State.FAILED));
            throw e;
        }
        long stored = records.sizeLong(CachePeekMode.PRIMARY);
        LibraryInfo ready = info.with(read, read - stored, LibraryInfo.State.READY);
        putInfo(ready);
        return ready;
    }

    public Optional<LibraryInfo> get(String id) {
        return Optional.ofNullable(info(id));
    }

    public List<LibraryInfo> list() {
        List<LibraryInfo> all = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = infoCache().query(new ScanQuery<String, byte[]>())) {
            cursor.forEach(entry -> all.add(JavaWireFormat.fromBytes(entry.getValue(), LibraryInfo.class)));
        }
        all.sort(java.util.Comparator.comparing(LibraryInfo::id));
        return all;
    }

    /** The library's bad records, by record number, each with where and why. */
    public List<String> errors(String id) {
        String prefix = id + "/";
        Map<String, String> sorted = new TreeMap<>();
        try (QueryCursor<Cache.Entry<String, String>> cursor = errors().query(
                new ScanQuery<String, String>((key, value) -> key.startsWith(prefix)))) {
            cursor.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        }
        return List.copyOf(sorted.values());
    }

    /** Removes the library, its compounds and its error list. */
    public boolean delete(String id) {
        if (info(id) == null) {
            return false;
        }
        IgniteCache<Long, Object> records = ignite.cache(CacheNames.records(id));
        if (records != null) {
            records.destroy();
        }
        String prefix = id + "/";
        IgniteCache<String, String> errors = errors();
        List<String> keys = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, String>> cursor = errors.query(
                new ScanQuery<String, String>((key, value) -> key.startsWith(prefix)))) {
            cursor.forEach(entry -> keys.add(entry.getKey()));
        }
        errors.removeAll(new java.util.HashSet<>(keys));
        infoCache().remove(id);
        return true;
    }

    /** A library name that is taken by another file. */
    public static final class LibraryExistsException extends MolscreenException {
        LibraryExistsException(String id, LibraryInfo existing) {
            super("library '" + id + "' already exists (" + (existing == null ? "being created" : existing.sourceFile()
                    + ", " + existing.state().name().toLowerCase(Locale.ROOT)) + "); delete it first or choose another name");
        }
    }
}
