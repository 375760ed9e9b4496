package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.testsupport.ClusterPorts;

/**
 * Libraries uploaded while a persistent cluster adjusts its baseline to a node that just joined (a cluster state
 * change, during which Ignite refuses to start caches) are all ingested. Before {@link CacheStarts} one of them
 * could fail with "Failed to start/stop cache, cluster state change is in progress".
 */
class IngestDuringBaselineChangeTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private NodeSettings persistent(String name, int port) {
        return new NodeSettings(name, "127.0.0.1", port, List.of(NodeSettings.portRange("127.0.0.1", PORT)),
                dir.resolve(name), 128);
    }

    @Test
    void everyLibraryIngestedAcrossTheBaselineChangeIsReady() throws Exception {
        Path library = Files.writeString(dir.resolve("small.smi"), "CCO ethanol\nc1ccccc1O phenol\nCC(=O)Oc1ccccc1C(=O)O aspirin\n");
        try (MolscreenNode first = MolscreenNode.start(persistent("baseline-1", PORT), line -> { });
             MolscreenNode second = MolscreenNode.start(persistent("baseline-2", PORT + 1), line -> { })) {
            // the baseline follows the join BASELINE_ADJUST_MILLIS later; ingest through that moment and a while after
            long until = System.nanoTime() + (MolscreenNode.BASELINE_ADJUST_MILLIS + 6_000) * 1_000_000L;
            List<LibraryInfo> ingested = new ArrayList<>();
            for (int i = 0; System.nanoTime() < until && i < 200; i++) {
                ingested.add(first.libraries().ingest(library, "during-" + i, ReadOptions.defaults(), FeaturizerOptions.defaults()));
            }
            assertThat(ingested).hasSizeGreaterThan(3);
            assertThat(ingested).allSatisfy(info -> assertThat(info.state()).as(info.toString()).isEqualTo(LibraryInfo.State.READY));
            assertThat(first.ignite().cluster().currentBaselineTopology()).hasSize(2);
        }
    }
}
