package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;

/** A node stopped abruptly while a screen runs: the job still finishes, with the hit list of a clean run. */
class ClusterFailoverTest {

    private static final int PORT = 47720;

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

        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<HitList> screening = CompletableFuture.supplyAsync(() ->
                coordinator.screening().screen("moses-12k", settings, (done, total) -> {
                    progress.set(done);
                    started.countDown();
                }));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        int doneWhenStopped = progress.get();
        Ignition.stop("failover-3", true); // cancel running jobs: to the others, the node is simply gone
        HitList afterFailure = screening.get(120, TimeUnit.SECONDS);

        assertThat(doneWhenStopped).as("the node began to leave while partitions were still being screened")
                .isLessThan(LibraryStore.PARTITIONS);
        assertThat(coordinator.ignite().cluster().nodes()).hasSize(2);
        assertThat(ClusterTestData.csv(afterFailure)).isEqualTo(clean);
    }
}
