package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/**
 * A real {@code ./molscreen serve} process with a 256 MiB heap, where the point is memory: a gzip holding one
 * record of 100 MB, and several downloads at once of a hit list of 10,000 hits as SDF (~30 MB each). Before the
 * downloads were streamed each was built as a string, copied into a buffer, and held whole until sent.
 * Runs in the integration-test phase, after the jar is built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeSmallHeapIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int DOWNLOADS = 4;

    @TempDir
    static Path dir;

    private static Process serve;
    private static Path log;
    private static int port;
    private static ApiClient api;
    /** Opened once the server answers: one says nothing, one sends half a request; both must be closed by it. */
    private static final List<Socket> IDLE = new ArrayList<>();
    private static long idleSince;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        log = dir.resolve("serve.log");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("molscreen").toString(), "serve", "--in-memory",
                "--port", Integer.toString(port), "--discovery-port", Integer.toString(ClusterPorts.discoveryRange()),
                "--memory", "256", "--max-downloads-per-user", Integer.toString(DOWNLOADS))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MOLSCREEN_JAVA_OPTS", "-Xmx256m");
        serve = builder.start();
        // a test JVM that dies without running @AfterAll must not leave a server behind
        Process started = serve;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        api = new ApiClient(port, null);
        Eventually.await("serve to answer /health", Duration.ofSeconds(120), () -> {
            if (!serve.isAlive()) {
                throw new AssertionError("serve ended: " + readLog());
            }
            try {
                return api.get("/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        IDLE.add(new Socket("127.0.0.1", port));
        Socket halfRequest = new Socket("127.0.0.1", port);
        halfRequest.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        IDLE.add(halfRequest);
        idleSince = System.nanoTime();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Socket socket : IDLE) {
            socket.close();
        }
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static String readLog() {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    private static JsonObject awaitLibrary(String name) {
        JsonObject[] last = {null};
        Eventually.await(name + " to leave 'ingesting'", Duration.ofSeconds(180), () -> {
            last[0] = api.get("/libraries/local." + name).json();
            return !last[0].getString("state").equals("ingesting");
        });
        return last[0];
    }

    @Test
    void aHundredMegabyteRecordInAGzipIsABadRecordAndTheProcessLives() throws Exception {
        Path file = dir.resolve("huge-record.sdf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(ApiLimitsTest.ETHANOL.getBytes(StandardCharsets.UTF_8));
            out.write("huge\n  x\n\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("C".repeat(63) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1_600_000; i++) {
                out.write(line);
            }
            out.write("M  END\n$$$$\n".getBytes(StandardCharsets.UTF_8));
            out.write(ApiLimitsTest.ETHANOL.replace("ethanol", "ethanol-2").getBytes(StandardCharsets.UTF_8));
        }
        ApiClient.Reply upload = api.upload(file, "name", "huge-record");
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        JsonObject library = awaitLibrary("huge-record");
        assertThat(library.getString("state")).as(library.encode()).isEqualTo("ready");
        assertThat(library.getLong("records")).isEqualTo(3);
        assertThat(library.getLong("errors")).isEqualTo(1);
        assertThat(api.get("/libraries/local.huge-record/errors").json().getJsonArray("items").getString(0))
                .contains("line 12 (record 2)").contains("the max-record-kb limit");
        assertThat(serve.isAlive()).isTrue();
        assertThat(readLog()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void wholeHitListsAreStreamedAndBoundedPerUser() throws Exception {
        ApiClient.Reply upload = api.upload(ApiTestLibraries.repeated(dir, 371), "name", "ten-thousand");
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        JsonObject library = awaitLibrary("ten-thousand");
        assertThat(library.getString("state")).as(library.encode()).isEqualTo("ready");
        assertThat(library.getLong("records")).isGreaterThanOrEqualTo(10_000);
        ApiClient.Reply submitted = api.postJson("/jobs", "{\"library\":\"local.ten-thousand\",\"models\":[\"bace1\"],\"top\":10000}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String job = submitted.json().getString("id");
        Eventually.await("the job to end", Duration.ofSeconds(180), () -> !List.of("queued", "running")
                .contains(api.get("/jobs/" + job).json().getString("state")));
        assertThat(api.get("/jobs/" + job).json().getString("state")).isEqualTo("done");
        String hits = "/jobs/" + job + "/hits?format=sdf";

        // clients that take the status line and then stop reading hold their downloads open
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < DOWNLOADS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setReceiveBufferSize(64 * 1024);
                stalled.add(socket);
                socket.getOutputStream().write(("GET /api/v1" + hits + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            }
            Eventually.await("the stalled downloads to hold their slots", Duration.ofSeconds(60),
                    () -> api.get("/me").json().getJsonObject("usage").getInteger("downloads_open") == DOWNLOADS);
            ApiClient.Reply refused = api.get(hits);
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.json().getJsonObject("details").getString("limit")).isEqualTo("max-downloads-per-user");
            assertThat(api.get("/jobs/" + job + "/hits?format=sdf&offset=0&limit=10").status()).isEqualTo(200);
            assertThat(api.get("/health").status()).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        Eventually.await("closed downloads to free their slots", Duration.ofSeconds(30),
                () -> api.get("/me").json().getJsonObject("usage").getInteger("downloads_open") == 0);

        // and then as many whole downloads at once as the limit allows, each complete and the same
        ExecutorService clients = Executors.newFixedThreadPool(DOWNLOADS);
        try {
            List<Future<Download>> downloads = new ArrayList<>();
            for (int i = 0; i < DOWNLOADS; i++) {
                downloads.add(clients.submit(() -> Download.of(port, hits)));
            }
            Download first = downloads.get(0).get(300, TimeUnit.SECONDS);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.records()).isEqualTo(10_000);
            assertThat(first.bytes()).isGreaterThan(10L << 20);
            for (Future<Download> download : downloads) {
                assertThat(download.get(300, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(serve.isAlive()).isTrue();
        assertThat(readLog()).doesNotContain("OutOfMemoryError");
    }

    /**
     * The connections opened at the start and left silent (one before its request, one halfway through its headers)
     * are closed by the server after its idle timeout, not before, however busy the other tests kept it.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void silentConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        long deadline = idleSince + TimeUnit.SECONDS.toNanos(ApiServer.IDLE_SECONDS + 30);
        for (Socket socket : IDLE) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            assertThat(left).as("time left to see the idle connection closed").isPositive();
            socket.setSoTimeout((int) left);
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            double seconds = (System.nanoTime() - idleSince) / 1e9;
            assertThat(read).as("the server closed the silent connection").isEqualTo(-1);
            assertThat(seconds).as("closed after the idle timeout").isGreaterThanOrEqualTo(ApiServer.IDLE_SECONDS - 1);
        }
    }

    /** What a download delivered, read as it arrives (the test's own heap is not the point). */
    record Download(int status, long bytes, long records, String sha256) {
        static Download of(int port, String path) throws Exception {
            java.net.http.HttpResponse<InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                            .timeout(Duration.ofSeconds(300)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            long bytes = 0;
            long records = 0;
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    byte[] raw = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    digest.update(raw);
                    bytes += raw.length;
                    records += line.equals("$$$$") ? 1 : 0;
                }
            }
            return new Download(response.statusCode(), bytes, records, java.util.HexFormat.of().formatHex(digest.digest()));
        }
    }
}
