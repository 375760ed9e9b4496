package org.molscreen.api.service;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Whole hit lists as downloaded (CSV, SDF, JSON), by job and format, within a byte bound, least recently used
 * out first. A finished job's hit list never changes, so one rendering serves every download of it: an SDF
 * export of a large list costs seconds of CPU and tens of megabytes, and a page that offers the download to
 * every chemist of a project must not render it once per click. Requests for an export being rendered wait for
 * that one rendering instead of starting their own. Thread-safe.
 */
public final class ExportCache {

    private final long maxBytes;
    private long cachedBytes;
    private final LinkedHashMap<String, byte[]> files = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<byte[]>> rendering = new HashMap<>();

    /** @param maxBytes bytes of rendered files kept; a file larger than this is served but not kept */
    public ExportCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The file for {@code job} in {@code format}: kept, being rendered by another request, or rendered now. */
    public byte[] file(String job, String format, Supplier<byte[]> render) {
        String key = job + "/" + format;
        CompletableFuture<byte[]> mine = null;
        CompletableFuture<byte[]> theirs;
        synchronized (this) {
            byte[] kept = files.get(key);
            if (kept != null) {
                return kept;
            }
            theirs = rendering.get(key);
            if (theirs == null) {
                mine = new CompletableFuture<>();
                rendering.put(key, mine);
            }
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            byte[] bytes = render.get();
            synchronized (this) {
                rendering.remove(key);
                keep(key, bytes);
            }
            mine.complete(bytes);
            return bytes;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                rendering.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Drops every format of {@code job} (it was deleted). */
    public synchronized void forget(String job) {
        Iterator<Map.Entry<String, byte[]>> entries = files.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, byte[]> entry = entries.next();
            if (entry.getKey().startsWith(job + "/")) {
                cachedBytes -= entry.getValue().length;
                entries.remove();
            }
        }
    }

    /** Bytes of files kept now. */
    public synchronized long cachedBytes() {
        return cachedBytes;
    }

    private void keep(String key, byte[] bytes) {
        if (bytes.length > maxBytes) {
            return;
        }
        byte[] before = files.put(key, bytes);
        cachedBytes += bytes.length - (before == null ? 0 : before.length);
        Iterator<Map.Entry<String, byte[]>> eldest = files.entrySet().iterator();
        while (cachedBytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, byte[]> entry = eldest.next();
            if (!entry.getKey().equals(key)) {
                cachedBytes -= entry.getValue().length;
                eldest.remove();
            }
        }
    }
}
