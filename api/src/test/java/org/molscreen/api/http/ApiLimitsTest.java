package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.access.AccessTokens;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/**
 * The server's named limits over real HTTP against a real node, with limits small enough to reach in a test:
 * each refusal names its limit, and a library with a record past a bound is kept, with that record reported.
 */
class ApiLimitsTest {

    private static final int RECORD_KB = 64;

    static final String ETHANOL = """
            ethanol
              handmade

              3  2  0  0  0  0  0  0  0  0999 V2000
                0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0
                2.5981    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0
              1  2  1  0
              2  3  1  0
            M  END
            $$$$
            """;

    @TempDir
    static Path dir;

    private static MolscreenNode node;
    private static ApiServer server;
    /** The same node under a per-user quota smaller than the per-library bound. */
    private static ApiServer quotaServer;
    private static ApiClient carol;
    private static ApiClient dave;
    private static ApiClient erin;
    private static ApiClient frank;
    private static String graceToken;
    private static ApiClient grace;

    @BeforeAll
    static void start() {
        node = MolscreenNode.start(NodeSettings.inMemory("api-limits", ClusterPorts.discoveryRange()));
        Path tokens = dir.resolve("tokens.txt");
        String carolToken = AccessTokens.issue(tokens, new Caller("carol", Role.CHEMIST));
        String daveToken = AccessTokens.issue(tokens, new Caller("dave", Role.CHEMIST));
        String erinToken = AccessTokens.issue(tokens, new Caller("erin", Role.CHEMIST));
        String frankToken = AccessTokens.issue(tokens, new Caller("frank", Role.PIPELINE));
        graceToken = AccessTokens.issue(tokens, new Caller("grace", Role.CHEMIST));
        ServiceLimits limits = ServiceLimits.defaults().withMaxRecordKb(RECORD_KB).withStorage(40, 2, 1_000).withOpen(1, 2, 1);
        server = ApiServer.start(node, new ApiSettings("127.0.0.1", 0, AccessTokens.read(tokens), limits, dir.resolve("uploads")));
        quotaServer = ApiServer.start(node, new ApiSettings("127.0.0.1", 0, AccessTokens.read(tokens),
                ServiceLimits.defaults().withStorage(1_000, 10, 54), dir.resolve("uploads-2")));
        carol = new ApiClient(server.port(), carolToken);
        dave = carol.as(daveToken);
        frank = carol.as(frankToken);
        erin = new ApiClient(quotaServer.port(), erinToken);
        grace = carol.as(graceToken);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (quotaServer != null) {
            quotaServer.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** The library once its ingest ended, and the upload slot it held is free again (released just after). */
    static JsonObject awaitFinalState(ApiClient client, String path) {
        JsonObject[] last = {null};
        Eventually.await(path + " to leave 'ingesting'", Duration.ofSeconds(60), () -> {
            last[0] = client.get(path).json();
            return !last[0].getString("state").equals("ingesting");
        });
        Eventually.await("the upload slot to be free", Duration.ofSeconds(10),
                () -> client.get("/me").json().getJsonObject("usage").getLong("uploads_in_progress") == 0);
        return last[0];
    }

    /**
     * Event streams past {@code max-event-streams-per-user} (2 here) are refused with 429 naming the limit, over
     * real HTTP, while two streams of a running job are open, and counted per user.
     */
    @Test
    void eventStreamsPastTheLimitAreRefusedWith429NamingIt() throws Exception {
        // jobs long enough to hold streams open: 10,000 compounds and four models, submitted as grace's
        org.molscreen.cluster.LibraryInfo library = node.libraries().ingest(ApiTestLibraries.repeated(dir, 371), "grace-events",
                org.molscreen.chem.io.ReadOptions.defaults(), org.molscreen.chem.featurize.FeaturizerOptions.defaults());
        org.molscreen.engine.screen.ScreenSettings settings = new org.molscreen.engine.screen.ScreenSettings(
                java.util.List.of("bace1", "tox21", "herg", "egfr"), "bace1", 0, 100, java.util.Set.of(), null, null, 0, false);
        // a node runs two jobs at once: the third waits for one of them, and its stream stays open meanwhile
        String job = null;
        for (int i = 0; i < 3; i++) {
            job = node.jobs().submit(library.id(), settings, "grace", null).id();
        }
        java.util.List<java.net.Socket> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
                open.add(socket);
                socket.getOutputStream().write(("GET /api/v1/jobs/" + job + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + graceToken + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            }
            assertThat(grace.get("/jobs/" + job).json().getString("state")).as("the job has not ended").isIn("queued", "running");
            assertThat(grace.get("/me").json().getJsonObject("usage").getInteger("event_streams_open")).isEqualTo(2);
            ApiClient.Reply refused = grace.get("/jobs/" + job + "/events");
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.json().getJsonObject("details").getString("limit")).isEqualTo(ServiceLimits.MAX_EVENT_STREAMS_PER_USER);
            assertThat(carol.get("/me").json().getJsonObject("usage").getInteger("event_streams_open")).as("per user").isZero();
        } finally {
            open.get(0).close();
        }
        Eventually.await("the closed stream to free its slot", Duration.ofSeconds(30),
                () -> grace.get("/me").json().getJsonObject("usage").getInteger("event_streams_open") <= 1);
        for (java.net.Socket socket : open) {
            socket.close();
        }
    }

    @Test
    void aRecordOverMaxRecordKbIsAReportedBadRecordAndTheRestIsKept() throws Exception {
        // a few KiB of gzip holding one 2.4 MB SD record between two good ones
        Path file = dir.resolve("huge-record.sdf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(ETHANOL.getBytes(StandardCharsets.UTF_8));
            out.write("huge\n  x\n\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("C".repeat(60) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 40_000; i++) {
                out.write(line);
            }
            out.write("M  END\n$$$$\n".getBytes(StandardCharsets.UTF_8));
            out.write(ETHANOL.replace("ethanol", "ethanol-2").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isLessThan(64 << 10);
        ApiClient.Reply upload = carol.upload(file, "name", "huge-record");
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        JsonObject library = awaitFinalState(carol, "/libraries/carol.huge-record");
        assertThat(library.getString("state")).as(library.encode()).isEqualTo("ready");
        assertThat(library.getLong("records")).isEqualTo(3);
        assertThat(library.getLong("errors")).isEqualTo(1);
        String error = carol.get("/libraries/carol.huge-record/errors").json().getJsonArray("items").getString(0);
        assertThat(error).contains("huge-record.sdf.gz line 12 (record 2)").contains("more than 64 KiB (the max-record-kb limit)");
        assertThat(carol.get("/me").json().getJsonObject("limits").getInteger("max_record_kb")).isEqualTo(RECORD_KB);
    }

    private static void assertRefused(ApiClient.Reply reply, int status, String limit) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonObject error = reply.json();
        assertThat(error.getString("error")).isEqualTo(status == 429 ? "too_many_requests" : "payload_too_large");
        assertThat(error.getString("message")).contains("the " + limit + " limit");
        assertThat(error.getJsonObject("details").getString("limit")).isEqualTo(limit);
    }

    @Test
    void aLibraryPastMaxRecordsPerLibraryFailsNamingItAndLibrariesPerUserAreCounted() throws Exception {
        Path fiftyFour = ApiTestLibraries.repeated(dir, 2);
        assertThat(dave.upload(fiftyFour, "name", "too-many").status()).isEqualTo(202);
        JsonObject failed = awaitFinalState(dave, "/libraries/dave.too-many");
        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getString("failure")).contains("more than 40 records (the max-records-per-library limit)");
        assertThat(dave.upload(ApiTestLibraries.examples(), "name", "fits").status()).isEqualTo(202);
        assertThat(awaitFinalState(dave, "/libraries/dave.fits").getString("state")).isEqualTo("ready");
        assertRefused(dave.upload(ApiTestLibraries.examples(), "name", "third"), 429, "max-libraries-per-user");
        assertRefused(dave.uploadRaw(ApiTestLibraries.examples(), "name=third&format=smi"), 429, "max-libraries-per-user");
        assertThat(dave.upload(ApiTestLibraries.examples(), "name", "fits").status()).as("the same file again is no new library")
                .isEqualTo(202);
        JsonObject me = dave.get("/me").json();
        assertThat(me.getJsonObject("limits").getLong("max_records_per_library")).isEqualTo(40);
        assertThat(me.getJsonObject("limits").getInteger("max_libraries_per_user")).isEqualTo(2);
        assertThat(me.getJsonObject("usage").getLong("libraries")).isEqualTo(2);
        assertThat(me.getJsonObject("usage").getLong("records")).isEqualTo(27);
        assertThat(dave.delete("/libraries/dave.too-many").status()).isEqualTo(204);
        assertThat(dave.upload(ApiTestLibraries.examples(), "name", "third").status()).as("room again once one is deleted").isEqualTo(202);
        awaitFinalState(dave, "/libraries/dave.third");
    }

    @Test
    void theStoredRecordsQuotaStopsAnIngestAndThenRefusesUploads() throws Exception {
        Path fiftyFour = ApiTestLibraries.repeated(dir, 2);
        assertThat(erin.upload(ApiTestLibraries.examples(), "name", "first").status()).isEqualTo(202);
        assertThat(awaitFinalState(erin, "/libraries/erin.first").getString("state")).isEqualTo("ready"); // 27 stored
        assertThat(erin.upload(fiftyFour, "name", "over").status()).isEqualTo(202);
        JsonObject over = awaitFinalState(erin, "/libraries/erin.over");
        assertThat(over.getString("state")).isEqualTo("failed");
        assertThat(over.getString("failure")).contains("more than 27 records (the max-records-per-user limit)");
        assertThat(erin.delete("/libraries/erin.first").status()).isEqualTo(204);
        assertThat(erin.upload(fiftyFour, "name", "exact").status()).isEqualTo(202);
        assertThat(awaitFinalState(erin, "/libraries/erin.exact").getString("state")).isEqualTo("ready"); // 54 of 54
        assertRefused(erin.upload(ApiTestLibraries.examples(), "name", "more"), 429, "max-records-per-user");
        assertThat(erin.get("/me").json().getJsonObject("usage").getLong("records")).isEqualTo(54);
    }

    @Test
    void aSecondUploadWhileOneIsStillBeingSentIsRefusedNamingMaxUploadsPerUser() throws Exception {
        // a plain socket, so that the headers and half of the body are surely sent and the rest waits
        java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
        byte[] body = "CCO ethanol\nCCN ethylamine\n".getBytes(StandardCharsets.UTF_8);
        java.io.OutputStream sending = socket.getOutputStream();
        sending.write(("POST /api/v1/libraries?name=slow&format=smi HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nAuthorization: Bearer " + frank.token() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        sending.write(body, 0, 12);
        sending.flush();
        Eventually.await("the first upload to hold frank's slot", Duration.ofSeconds(20),
                () -> frank.get("/me").json().getJsonObject("usage").getLong("uploads_in_progress") == 1);
        assertRefused(frank.upload(ApiTestLibraries.examples(), "name", "second"), 429, "max-uploads-per-user");
        sending.write(body, 12, body.length - 12);
        sending.flush();
        String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertThat(status).isEqualTo("HTTP/1.1 202 Accepted");
        socket.close();
        assertThat(awaitFinalState(frank, "/libraries/frank.slow").getLong("records")).isEqualTo(2);
        Eventually.await("the slot to be free once the ingest ended", Duration.ofSeconds(20),
                () -> frank.get("/me").json().getJsonObject("usage").getLong("uploads_in_progress") == 0);
        assertThat(frank.upload(ApiTestLibraries.examples(), "name", "second").status()).isEqualTo(202);
        awaitFinalState(frank, "/libraries/frank.second");
    }

    @Test
    void hostileNamesPathsAndMethodsGetClientErrorsAndAddNoMetrics() throws Exception {
        ApiClient.Reply nul = carol.upload(ApiTestLibraries.examples(), "name", "bad\0name");
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().getJsonObject("details").getString("field")).isEqualTo("name");
        ApiClient.Reply rawNul = carol.uploadRaw(ApiTestLibraries.examples(), "name=bad%00name&format=smi");
        assertThat(rawNul.status()).as(rawNul.body()).isEqualTo(400);

        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<String> encoded = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/%61pp.js")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(encoded.statusCode()).as("an encoded path to the page's file").isIn(200, 404);

        for (int i = 0; i < 20; i++) {
            java.net.http.HttpResponse<String> made = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health"))
                    .method("MADEUP" + i, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).isLessThan(500);
        }
        String metrics = carol.get("/metrics").body();
        assertThat(metrics).doesNotContain("MADEUP").contains("vertx_http_server_requests_total");
        assertThat(metrics).contains("method=\"GET\"").contains("method=\"other\"");
    }
}
