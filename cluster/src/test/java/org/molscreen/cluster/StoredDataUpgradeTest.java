package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.cluster.storage.StoredJobs;
import org.molscreen.testsupport.ClusterPorts;

/** A persistent node rewrites jobs stored in layout 1 in today's layout when it starts, keeping what they say. */
class StoredDataUpgradeTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    @Test
    void aJobInLayoutOneIsRewrittenAtStart() throws Exception {
        byte[] layout1;
        try (InputStream in = StoredDataUpgradeTest.class.getResourceAsStream("/storage/layout-1/job-done.bin")) {
            layout1 = in.readAllBytes();
        }
        NodeSettings persistent = NodeSettings.serve("127.0.0.1", PORT, dir.resolve("data"), 256);
        try (MolscreenNode node = MolscreenNode.start(persistent, line -> { })) {
            node.jobs().list(); // makes the cache
            node.ignite().<String, byte[]>cache(ScreeningJobs.JOBS).put("j-1", layout1);
        }
        try (MolscreenNode node = MolscreenNode.start(persistent, line -> { })) {
            IgniteCache<String, byte[]> jobs = node.ignite().cache(ScreeningJobs.JOBS);
            byte[] now = jobs.get("j-1");
            assertThat(StoredJobs.outdated(layout1)).isTrue();
            assertThat(StoredJobs.outdated(now)).as("rewritten in today's layout").isFalse();
            assertThat(StoredJobs.decode(now)).isEqualTo(StoredJobs.decode(layout1));
        }
    }
}
