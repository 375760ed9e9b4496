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
    private static ApiClient carol;

    @BeforeAll
    static void start() {
        node = MolscreenNode.start(NodeSettings.inMemory("api-limits", ClusterPorts.discoveryRange()));
        Path tokens = dir.resolve("tokens.txt");
        String carolToken = AccessTokens.issue(tokens, new Caller("carol", Role.CHEMIST));
        ServiceLimits limits = ServiceLimits.defaults().withMaxRecordKb(RECORD_KB);
        server = ApiServer.start(node, new ApiSettings("127.0.0.1", 0, AccessTokens.read(tokens), limits, dir.resolve("uploads")));
        carol = new ApiClient(server.port(), carolToken);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (node != null) {
            node.close();
        }
    }

    static JsonObject awaitFinalState(ApiClient client, String path) {
        JsonObject[] last = {null};
        Eventually.await(path + " to leave 'ingesting'", Duration.ofSeconds(60), () -> {
            last[0] = client.get(path).json();
            return !last[0].getString("state").equals("ingesting");
        });
        return last[0];
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
}
