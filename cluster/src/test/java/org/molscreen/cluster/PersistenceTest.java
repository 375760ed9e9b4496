package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/** With native persistence, a stopped and restarted node still has its library and gives the same hits. */
class PersistenceTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private NodeSettings persistent() {
        return new NodeSettings("persistent-1", "127.0.0.1", PORT, List.of(NodeSettings.portRange("127.0.0.1", PORT)),
                dir.resolve("data"), 128);
    }


    @Test
    void libraryAndHitsSurviveARestart() throws IOException {
        Path library = dir.resolve("drugs.smi");
        Files.writeString(library, """
                CC(=O)Oc1ccccc1C(=O)O aspirin
                COc1cc2ncnc(Nc3ccc(F)c(Cl)c3)c2cc1OCCCN1CCOCC1 gefitinib
                COCCOc1cc2ncnc(Nc3cccc(c3)C#C)c2cc1OCCOC erlotinib
                CC(C)Cc1ccc(cc1)C(C)C(=O)O ibuprofen
                C1CC broken
                """);
        ScreenSettings settings = new ScreenSettings(List.of("egfr"), "egfr", 0, 3, Set.of(), null, null, 0, false);
        String before;
        try (MolscreenNode node = MolscreenNode.start(persistent())) {
            LibraryInfo info = node.libraries().ingest(library, "drugs", ReadOptions.defaults(), FeaturizerOptions.defaults());
            assertThat(info.errors()).isEqualTo(1);
            before = ClusterTestData.csv(node.screening().screen("drugs", settings));
        }
        try (MolscreenNode node = MolscreenNode.start(persistent())) {
            LibraryInfo info = node.libraries().get("drugs").orElseThrow();
            assertThat(info.state()).isEqualTo(LibraryInfo.State.READY);
            assertThat(info.records()).isEqualTo(5);
            assertThat(node.libraries().errors("drugs")).singleElement().asString().contains("id broken");
            String after = ClusterTestData.csv(node.screening().screen("drugs", settings));
            assertThat(after).isEqualTo(before).contains("gefitinib");
        }
    }

    @Test
    void aJobRunningWhenTheClusterWentDownIsRunAgainOnRestartAndItsHitsStay() throws Exception {
        Path library = ClusterTestData.mosesPrefix(dir, 20_000);
        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 20, Set.of(), null, null, 0, false);
        String jobId;
        MolscreenNode first = MolscreenNode.start(persistent());
        try {
            first.libraries().ingest(library, "moses-20k", ReadOptions.defaults(), FeaturizerOptions.defaults());
            jobId = first.jobs().submit("moses-20k", settings).id();
            String id = jobId;
            Eventually.await("the job to run", Duration.ofSeconds(60),
                    () -> first.jobs().get(id).orElseThrow().state() == JobInfo.State.RUNNING);
            assertThat(first.jobs().get(jobId).orElseThrow().state()).isEqualTo(JobInfo.State.RUNNING);
        } finally {
            org.apache.ignite.Ignition.stop(persistent().name(), true); // the whole cluster goes down mid-job
        }
        try (MolscreenNode node = MolscreenNode.start(persistent())) {
            String id = jobId;
            Eventually.await("the re-run job to end", Duration.ofSeconds(120), () -> node.jobs().get(id).orElseThrow().state().ended());
            JobInfo job = node.jobs().get(jobId).orElseThrow();
            assertThat(job.state()).as(job.toString()).isEqualTo(JobInfo.State.DONE);
            String hits = ClusterTestData.csv(node.jobs().hits(jobId).orElseThrow());
            assertThat(hits).isEqualTo(ClusterTestData.csv(node.screening().screen("moses-20k", settings)));
        }
        try (MolscreenNode node = MolscreenNode.start(persistent())) {
            assertThat(node.jobs().get(jobId).orElseThrow().state()).isEqualTo(JobInfo.State.DONE);
            assertThat(node.jobs().hits(jobId)).as("a finished job's hits survive a restart").isPresent();
        }
    }

    @Test
    void anIngestInterruptedByARestartIsMarkedFailedAndItsNameCanBeUsedAgain() throws IOException {
        Path library = dir.resolve("half.smi");
        Files.writeString(library, "CCO ethanol\nc1ccccc1O phenol\n");
        try (MolscreenNode node = MolscreenNode.start(persistent())) {
            LibraryStore.Reservation reserved = node.libraries().reserve(library, "half", "alice", FeaturizerOptions.defaults());
            assertThat(reserved.fresh()).isTrue();
            assertThat(reserved.library().state()).isEqualTo(LibraryInfo.State.INGESTING);
            // the node stops before loading the file, as if killed in the middle of an ingest
        }
        try (MolscreenNode node = MolscreenNode.start(persistent())) {
            LibraryInfo info = node.libraries().get("alice.half").orElseThrow();
            assertThat(info.state()).isEqualTo(LibraryInfo.State.FAILED);
            assertThat(info.failure()).contains("ingest interrupted").contains("upload it again");
            LibraryInfo again = node.libraries().ingest(library, "half", "alice", ReadOptions.defaults(), FeaturizerOptions.defaults());
            assertThat(again.state()).isEqualTo(LibraryInfo.State.READY);
            assertThat(again.records()).isEqualTo(2);
        }
    }
}
