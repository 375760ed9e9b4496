package org.molscreen.api.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.molscreen.chem.InvalidRecordException;
import org.molscreen.chem.depict.StructureDepicter;

/**
 * Structure drawings for hit lists and the web page. Layout costs milliseconds per molecule and a page
 * asks for the same few hundred structures again and again, so the latest drawings are kept, up to a number
 * of bytes. A drawing that takes longer than its time box (CDK's layout of a pathological structure) is
 * refused with 422 rather than holding a caller and a thread without end.
 */
public final class DepictionService implements AutoCloseable {

    /** Characters of SVG kept by default (Java strings of ASCII text: about as many bytes). */
    static final long CACHED_CHARS = 16L << 20;

    private final StructureDepicter depicter = StructureDepicter.standard();
    private final int maxSmilesLength;
    private final Duration timeBox;
    private final long maxCachedChars;
    private long cachedChars;
    private final Map<String, String> cache = new LinkedHashMap<>(256, 0.75f, true);
    /** Layout runs here, so a time box can leave it behind; a drawing past its time is interrupted. */
    private final ExecutorService layout = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "molscreen-depict");
        thread.setDaemon(true);
        return thread;
    });

    public DepictionService(int maxSmilesLength) {
        this(maxSmilesLength, Duration.ofSeconds(2));
    }

    public DepictionService(int maxSmilesLength, Duration timeBox) {
        this(maxSmilesLength, timeBox, CACHED_CHARS);
    }

    DepictionService(int maxSmilesLength, Duration timeBox, long maxCachedChars) {
        this.maxSmilesLength = maxSmilesLength;
        this.timeBox = timeBox;
        this.maxCachedChars = maxCachedChars;
    }

    /** The SVG of a molecule. */
    public String svg(String smiles) {
        if (smiles == null || smiles.isBlank()) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "smiles: give a molecule as ?smiles=", Map.of("field", "smiles"));
        }
        if (smiles.length() > maxSmilesLength) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "smiles: " + smiles.length() + " characters is longer than the "
                    + maxSmilesLength + " accepted", Map.of("field", "smiles", "max", maxSmilesLength));
        }
        synchronized (cache) {
            String svg = cache.get(smiles);
            if (svg != null) {
                return svg;
            }
        }
        String svg = draw(smiles);
        remember(smiles, svg);
        return svg;
    }

    /** Draws a molecule within the time box, as a {@link StructureDepicter} call of its own. */
    String draw(String smiles) {
        return within(() -> depicter.svg(smiles));
    }

    String within(java.util.concurrent.Callable<String> drawing) {
        Future<String> result = layout.submit(drawing);
        try {
            return result.get(timeBox.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new RequestRefused(RequestRefused.Reason.UNPROCESSABLE, "smiles: the drawing took longer than "
                    + timeBox.toMillis() + " ms and was stopped; the structure is too large or too unusual to lay out",
                    Map.of("field", "smiles", "max_millis", timeBox.toMillis()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidRecordException invalid) {
                throw new RequestRefused(RequestRefused.Reason.INVALID, invalid.getMessage(), Map.of("field", "smiles"));
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new IllegalStateException("interrupted while drawing", e);
        }
    }

    private void remember(String smiles, String svg) {
        synchronized (cache) {
            if (cache.put(smiles, svg) == null) {
                cachedChars += smiles.length() + svg.length();
            }
            var eldest = cache.entrySet().iterator();
            while (cachedChars > maxCachedChars && eldest.hasNext()) {
                Map.Entry<String, String> entry = eldest.next();
                cachedChars -= entry.getKey().length() + entry.getValue().length();
                eldest.remove();
            }
        }
    }

    /** Characters of SVG and SMILES cached now. */
    long cachedChars() {
        synchronized (cache) {
            return cachedChars;
        }
    }

    @Override
    public void close() {
        layout.shutdownNow();
    }
}
