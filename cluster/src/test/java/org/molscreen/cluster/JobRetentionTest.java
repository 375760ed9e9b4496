package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/** Ended jobs are deleted with their hits and keys, on request or once older than the retention; running ones never. */
class JobRetentionTest {

    private static final ScreenSettings SETTINGS = new ScreenSettings(List.of("bace1"), "bace1", 0, 10, Set.of(), null, null, 0, false);

    @TempDir
    Path dir;

    @Test
    void endedJobsGoWithTheirHitsAndKeys() throws Exception {
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("retention", ClusterPorts.discoveryRange()))) {
            node.libraries().ingest(ClusterTestData.mosesPrefix(dir, 300), "small", ReadOptions.defaults(), FeaturizerOptions.defaults());
            ScreeningJobs jobs = node.jobs();
            String id = jobs.submit("small", SETTINGS, "alice", "key-1").id();
            Eventually.await("the job to end", Duration.ofSeconds(60), () -> jobs.get(id).orElseThrow().state().ended());
            assertThat(jobs.hits(id)).isPresent();

            assertThat(jobs.deleteEndedBefore(Instant.now().minus(Duration.ofDays(1)))).as("younger than the retention").isZero();
            assertThat(jobs.get(id)).isPresent();
            assertThat(jobs.deleteEndedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);
            assertThat(jobs.get(id)).isEmpty();
            assertThat(jobs.hits(id)).isEmpty();
            assertThat(jobs.keyed("alice", "key-1")).as("the key is free for a new job").isEmpty();
            assertThat(jobs.delete(id)).isFalse();
        }
    }
}
