package org.molscreen.api.http;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chunked response body written from a worker thread, a chunk at a time, waiting while the client has not
 * taken the previous ones. A whole hit list as SDF is tens of MB: built as one string and copied into response
 * buffers it held about three times that per download, and dozens at once filled the heap. Here a download holds
 * one chunk and what the connection has queued.
 *
 * <p>The writer holds a permit of {@code renderers} while it produces text and gives it back while it waits for the
 * client: rendering (an SDF needs 2D coordinates for each hit) is bounded by the permits, while a slow or stalled
 * client holds only its thread.
 *
 * <p>The response's headers must be set, and {@link #start} called, on the response's event loop before the
 * worker writes.
 */
final class ResponseBodyWriter extends Writer {

    /** Characters gathered before they are sent as one chunk. */
    static final int CHUNK_CHARS = 64 * 1024;

    private final HttpServerResponse response;
    private final Context context;
    private final long stallMillis;
    private final java.util.concurrent.Semaphore renderers;
    private boolean rendering;
    private final StringBuilder pending = new StringBuilder(CHUNK_CHARS);
    private volatile boolean gone;
    private volatile CompletableFuture<Void> drained;

    /**
     * @param context     the response's event-loop context
     * @param stallMillis how long a client may take nothing before the download is abandoned
     * @param renderers   permits for producing text, shared by every download of the server
     */
    ResponseBodyWriter(HttpServerResponse response, Context context, long stallMillis, java.util.concurrent.Semaphore renderers) {
        this.response = response;
        this.context = context;
        this.stallMillis = stallMillis;
        this.renderers = renderers;
    }

    /** On the event loop: chunked encoding, and a closed connection ends the wait of the writing thread. */
    ResponseBodyWriter start() {
        response.setChunked(true);
        response.closeHandler(closed -> {
            gone = true;
            CompletableFuture<Void> waiting = drained;
            if (waiting != null) {
                waiting.complete(null);
            }
        });
        return this;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        render();
        pending.append(chars, offset, length);
        if (pending.length() >= CHUNK_CHARS) {
            send(false);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        render();
        pending.append(text, offset, offset + length);
        if (pending.length() >= CHUNK_CHARS) {
            send(false);
        }
    }

    /** Takes a permit before producing more text, if this writer does not hold one. */
    private void render() throws IOException {
        if (!rendering) {
            try {
                renderers.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to render", e);
            }
            rendering = true;
        }
    }

    private void stopRendering() {
        if (rendering) {
            rendering = false;
            renderers.release();
        }
    }

    @Override
    public void flush() throws IOException {
        send(false);
    }

    /** Sends what is pending and ends the response; the writer is not used after. */
    @Override
    public void close() throws IOException {
        try {
            send(true);
        } finally {
            stopRendering();
        }
        context.runOnContext(v -> {
            if (!gone) {
                response.end();
            }
        });
    }

    /** @param last whether nothing more will be written (else a character cut in two waits for its other half) */
    private void send(boolean last) throws IOException {
        if (gone) {
            throw new IOException("the client closed the connection");
        }
        int end = pending.length();
        // a writer may hand over half of a surrogate pair (an emoji in an id); encoded alone it would become '?'
        if (!last && end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return;
        }
        Buffer chunk = Buffer.buffer(pending.substring(0, end).getBytes(StandardCharsets.UTF_8));
        pending.delete(0, end);
        stopRendering();
        CompletableFuture<Void> done = new CompletableFuture<>();
        drained = done;
        context.runOnContext(v -> {
            if (gone) {
                done.complete(null);
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                response.drainHandler(free -> done.complete(null));
            } else {
                done.complete(null);
            }
        });
        try {
            done.get(stallMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            context.runOnContext(v -> response.reset());
            gone = true;
            throw new IOException("the client took nothing for " + stallMillis / 1000 + " s; download abandoned");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the client read", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (gone) {
            throw new IOException("the client closed the connection");
        }
    }
}
