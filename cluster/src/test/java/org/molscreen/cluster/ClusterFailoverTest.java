package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.testsupport.ClusterPorts;

/** A node stopped abruptly while a screen runs: the job still finishes, with the hit list of a clean run. */
class ClusterFailoverTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private final List<MolscreenNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (MolscreenNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException alreadyStopped) {
                // the test stopped it on purpose
            }
        }
    }


    @Test
    void losingANodeMidScreenLosesNothing() throws Exception {
        Path library = ClusterTestData.mosesPrefix(dir, 12_000);
        for (int i = 1; i <= 3; i++) {
            nodes.add(MolscreenNode.start(NodeSettings.inMemory("failover-" + i, PORT)));
        }
        MolscreenNode coordinator = nodes.get(0);
        coordinator.libraries().ingest(library, "moses-12k", ReadOptions.defaults(), FeaturizerOptions.defaults());
        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 100, Set.of(), null, null, 0, false);
        String clean = ClusterTestData.csv(coordinator.screening().screen("moses-12k", settings));

        // the node is stopped from the first progress report, while 127 of 128 partitions are still pending
        java.util.concurrent.atomic.AtomicReference<Thread> stopper = new java.util.concurrent.atomic.AtomicReference<>();
        HitList afterFailure = coordinator.screening().screen("moses-12k", settings, (done, total) -> {
            if (done == 1) {
                Thread thread = new Thread(() -> Ignition.stop("failover-3", true)); // cancel its jobs: the node is simply gone
                stopper.set(thread);
                thread.start();
            }
        });
        stopper.get().join(60_000);

        assertThat(coordinator.ignite().cluster().nodes()).hasSize(2);
        assertThat(ClusterTestData.csv(afterFailure)).isEqualTo(clean);
    }
}
