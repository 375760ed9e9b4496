package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;

/**
 * A node in this JVM and a {@code ./molscreen worker} in its own process: the worker joins, takes part in
 * ingest and screening, is killed with SIGKILL in the middle of a screen, and the screen still finishes
 * with the hit list of a clean run.
 */
class WorkerProcessIT {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;


    @Test
    void killingAWorkerProcessMidScreenLosesNothing() throws Exception {
        Path moses = ReferenceData.sharedDataset("screening_library_moses.smi.gz");
        Path library = dir.resolve("moses-8k.smi");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(moses))));
             var out = Files.newBufferedWriter(library)) {
            for (int i = 0; i < 8_000; i++) {
                out.write(in.readLine());
                out.write('\n');
            }
        }
        String join = NodeSettings.portRange("127.0.0.1", PORT);
        Process worker = null;
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("it-coordinator", PORT))) {
            worker = WorkerProcesses.startAndJoin(node, join, PORT + 1, dir.resolve("worker.log"));

            node.libraries().ingest(library, "moses-8k", ReadOptions.defaults(), FeaturizerOptions.defaults());
            ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 100, Set.of(), null, null, 0, false);
            String clean = WorkerProcesses.csv(node.screening().screen("moses-8k", settings));

            // SIGKILL from the first progress report, while 127 of 128 partitions are still pending
            Process doomed = worker;
            HitList afterKill = node.screening().screen("moses-8k", settings, (done, total) -> {
                if (done == 1) {
                    doomed.destroyForcibly(); // SIGKILL: no goodbye to the cluster
                }
            });

            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(WorkerProcesses.csv(afterKill)).isEqualTo(clean);
            assertThat(Files.readString(dir.resolve("worker.log"))).contains("joined a cluster of 2 nodes");
        } finally {
            if (worker != null) {
                worker.destroyForcibly();
            }
        }
    }
}
