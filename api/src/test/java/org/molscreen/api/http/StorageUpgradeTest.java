package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/**
 * The upgrade path: a data directory written by release 0.1.0 (Java-serialised jobs, libraries and hit lists;
 * see {@code upgrade/release-0.1.0/README.md}) opened by today's {@code serve} answers every library, job, error
 * list, hit list and histogram exactly as that release did, before and after its values are rewritten in
 * today's layouts, and new work on it still runs.
 */
class StorageUpgradeTest {

    private static final int DISCOVERY_PORT = ClusterPorts.discoveryRange();
    private static final String FIXTURE = "/upgrade/release-0.1.0/";
    private static final String[] JOBS = {"2cc09f63-bb01-4f1f-87cf-975d13c4c81b", "80cef537-49b0-4fd7-9114-796de38b9f76",
            "f71fd577-bbb6-4399-b3f6-22e645d767a2"};

    @TempDir
    Path dir;

    private static String expected(String name) throws IOException {
        try (InputStream in = StorageUpgradeTest.class.getResourceAsStream(FIXTURE + "expected/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void unzipFixture() throws IOException {
        try (ZipInputStream zip = new ZipInputStream(StorageUpgradeTest.class.getResourceAsStream(FIXTURE + "data.zip"))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(dir)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    private MolscreenNode node() {
        return MolscreenNode.start(NodeSettings.serve("127.0.0.1", DISCOVERY_PORT, dir.resolve("data"), 256));
    }

    private ApiSettings api() {
        return new ApiSettings("127.0.0.1", 0, null, ServiceLimits.defaults(), dir.resolve("data/uploads"));
    }

    private static void answersAsRelease010Did(ApiClient client) throws IOException {
        assertThat(client.get("/libraries").json()).isEqualTo(new JsonObject(expected("libraries.json")));
        for (String library : new String[] {"local.nci40", "local.small"}) {
            assertThat(client.get("/libraries/" + library).json()).isEqualTo(new JsonObject(expected("library-" + library + ".json")));
            assertThat(client.get("/libraries/" + library + "/errors").json())
                    .isEqualTo(new JsonObject(expected("errors-" + library + ".json")));
        }
        assertThat(client.get("/jobs").json()).isEqualTo(new JsonObject(expected("jobs.json")));
        for (String job : JOBS) {
            assertThat(client.get("/jobs/" + job).json()).isEqualTo(new JsonObject(expected("job-" + job + ".json")));
            assertThat(client.get("/jobs/" + job + "/hits?format=csv").body()).isEqualTo(expected("hits-" + job + ".csv"));
            assertThat(client.get("/jobs/" + job + "/hits").json()).isEqualTo(new JsonObject(expected("hits-" + job + ".json")));
            assertThat(client.get("/jobs/" + job + "/histogram").json())
                    .isEqualTo(new JsonObject(expected("histogram-" + job + ".json")));
        }
    }

    @Test
    void aRelease010DataDirectoryOpensWithEveryLibraryJobAndHitListIntact() throws Exception {
        unzipFixture();
        JsonObject jobs = new JsonObject(expected("jobs.json"));
        assertThat(jobs.getJsonArray("items")).hasSize(3);
        assertThat(new JsonObject(expected("errors-local.small.json")).getJsonArray("items")).hasSize(1);

        try (MolscreenNode node = node(); ApiServer server = ApiServer.start(node, api())) {
            ApiClient client = new ApiClient(server.port(), null);
            answersAsRelease010Did(client);
            // the library still screens, and the new job is stored in today's layout beside the old ones
            String job = client.postJson("/jobs", "{\"library\":\"local.small\",\"models\":[\"herg\"],\"top\":5}").json().getString("id");
            Eventually.await("the new job to finish", Duration.ofSeconds(120),
                    () -> List.of("done", "failed", "cancelled").contains(client.get("/jobs/" + job).json().getString("state")));
            JsonObject finished = client.get("/jobs/" + job).json();
            assertThat(finished.getString("state")).as(finished.encode()).isEqualTo("done");
            assertThat(client.get("/jobs/" + job + "/hits?format=csv").body().lines()).hasSize(4);
        }
        // a second start reads the rewritten values: still the same answers
        try (MolscreenNode node = node(); ApiServer server = ApiServer.start(node, api())) {
            ApiClient client = new ApiClient(server.port(), null);
            JsonArray items = client.get("/jobs").json().getJsonArray("items");
            assertThat(items).hasSize(4);
            for (String job : JOBS) {
                assertThat(client.get("/jobs/" + job + "/hits?format=csv").body()).isEqualTo(expected("hits-" + job + ".csv"));
                assertThat(client.get("/jobs/" + job).json()).isEqualTo(new JsonObject(expected("job-" + job + ".json")));
            }
            assertThat(client.get("/libraries/local.nci40").json()).isEqualTo(new JsonObject(expected("library-local.nci40.json")));
        }
    }
}
