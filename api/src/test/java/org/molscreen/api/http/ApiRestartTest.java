package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/** {@code serve} stopped and started again on the same data directory still serves a finished job's hits. */
class ApiRestartTest {

    private static final int DISCOVERY_PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private NodeSettings persistent() {
        return NodeSettings.serve("127.0.0.1", DISCOVERY_PORT, dir.resolve("data"), 256); // what 'serve' starts
    }

    private ApiSettings api() {
        return new ApiSettings("127.0.0.1", 0, null, ServiceLimits.defaults(), dir.resolve("data/uploads"));
    }

    private static void await(ApiClient client, String path, String state) {
        Eventually.await(path + " to become " + state, Duration.ofSeconds(120),
                () -> client.get(path).json().getString("state").equals(state));
    }

    @Test
    void aFinishedJobsHitsAreStillServedAfterARestart() throws Exception {
        String job;
        String csv;
        try (MolscreenNode node = MolscreenNode.start(persistent()); ApiServer server = ApiServer.start(node, api())) {
            ApiClient client = new ApiClient(server.port(), null);
            assertThat(client.upload(ApiTestLibraries.examples(), "name", "examples").status()).isEqualTo(202);
            await(client, "/libraries/local.examples", "ready");
            job = client.postJson("/jobs", "{\"library\":\"local.examples\",\"models\":[\"egfr\",\"herg\"],\"top\":7}").json().getString("id");
            await(client, "/jobs/" + job, "done");
            csv = client.get("/jobs/" + job + "/hits?format=csv").body();
            assertThat(csv.lines()).hasSize(8);
        }
        try (MolscreenNode node = MolscreenNode.start(persistent()); ApiServer server = ApiServer.start(node, api())) {
            ApiClient client = new ApiClient(server.port(), null);
            assertThat(client.get("/health").json().getBoolean("ready")).isTrue();
            assertThat(client.get("/libraries/local.examples").json().getString("state")).isEqualTo("ready");
            assertThat(client.get("/jobs/" + job).json().getString("state")).isEqualTo("done");
            assertThat(client.get("/jobs/" + job + "/hits?format=csv").body()).isEqualTo(csv);
            assertThat(client.get("/jobs").json().getInteger("total")).isEqualTo(1);
        }
    }
}
