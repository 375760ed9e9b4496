package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streamed download body over real HTTP on loopback: what is written arrives whole, a client that stops
 * reading holds the writer back (it does not buffer the rest) until it is abandoned, and a client that goes
 * away ends the writer.
 */
class ResponseBodyWriterTest {

    /** Far more than loopback's socket buffers (a few MB each way) can hold. */
    private static final long BIG = 200L << 20;

    private Vertx vertx;
    private HttpServer server;
    private final AtomicLong written = new AtomicLong();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private volatile long stallMillis = 60_000;
    private volatile long bodyChars = BIG;
    private final Semaphore renderers = new Semaphore(1);

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            Context context = Vertx.currentContext();
            request.response().putHeader("Content-Type", "text/plain; charset=utf-8");
            ResponseBodyWriter body = new ResponseBodyWriter(request.response(), context, stallMillis, renderers).start();
            Thread writer = new Thread(() -> {
                try (body) {
                    // a multi-byte character every 7 characters, so chunks split inside UTF-8 sequences' neighbourhoods
                    StringBuilder line = new StringBuilder();
                    for (long i = 0; i < bodyChars; i += line.length()) {
                        line.setLength(0);
                        line.append(i).append(" µ-opioid \uD83E\uDDEA ").append("x".repeat(40)).append('\n');
                        // handed over in two pieces cut inside the emoji's surrogate pair, as a buffering writer may
                        String text = line.toString();
                        int cut = text.indexOf('\uD83E') + 1;
                        body.write(text, 0, cut);
                        body.write(text, cut, text.length() - cut);
                        written.addAndGet(line.length());
                    }
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.complete(e);
                }
            }, "test-download-writer");
            writer.setDaemon(true);
            writer.start();
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void theWholeBodyArrivesInOrder() throws Exception {
        bodyChars = 3_000_000;
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.actualPort() + "/")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(ended.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        String[] lines = response.body().split("\n");
        long expected = 0;
        for (String line : lines) {
            assertThat(line).startsWith(expected + " µ-opioid \uD83E\uDDEA x");
            expected += line.length() + 1;
        }
        assertThat((long) response.body().length()).isEqualTo(written.get());
        assertThat(renderers.availablePermits()).isEqualTo(1);
    }

    @Test
    void aClientThatStopsReadingHoldsTheWriterBackUntilItIsAbandoned() throws Exception {
        stallMillis = 3_000;
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.setReceiveBufferSize(64 * 1024);
            request(socket.getOutputStream());
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            Throwable failure = ended.get(60, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("took nothing for 3 s");
            // held back by the socket buffers, not 200 MB queued in the heap
            assertThat(written.get()).isLessThan(32L << 20);
            assertThat(renderers.availablePermits()).isEqualTo(1);
        }
    }

    @Test
    void aClientThatGoesAwayEndsTheWriter() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            request(socket.getOutputStream());
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }
        Throwable failure = ended.get(30, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("closed the connection");
        assertThat(written.get()).isLessThan(BIG);
        assertThat(renderers.availablePermits()).isEqualTo(1);
    }

    @Test
    void aStalledClientHoldsNoRenderingPermit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.setReceiveBufferSize(64 * 1024);
            request(socket.getOutputStream());
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            // once the socket buffers are full the writer waits for the client, and another download may render
            long before;
            do {
                before = written.get();
                Thread.sleep(500);
            } while (written.get() != before);
            assertThat(renderers.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            renderers.release();
        }
    }

    private static void request(OutputStream out) throws IOException {
        out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
