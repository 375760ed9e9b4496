package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.cache.CachePeekMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/** Nodes that join while a library is being ingested and while a job runs change nothing in the results. */
class NodeJoiningTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private final List<MolscreenNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(MolscreenNode::close);
    }


    @Test
    void joiningMidIngestAndMidJob() throws Exception {
        Path library = ClusterTestData.mosesPrefix(dir, 20_000);
        nodes.add(MolscreenNode.start(NodeSettings.inMemory("join-1", PORT)));
        nodes.add(MolscreenNode.start(NodeSettings.inMemory("join-2", PORT)));
        MolscreenNode first = nodes.get(0);
        CompletableFuture<LibraryInfo> ingest = CompletableFuture.supplyAsync(() ->
                first.libraries().ingest(library, "moses-20k", ReadOptions.defaults(), FeaturizerOptions.defaults()));
        // join once the first records are stored: mid-ingest by construction, not by a guessed delay
        Eventually.await("the ingest to store its first records", Duration.ofSeconds(60), () -> ingest.isDone()
                || first.ignite().cacheNames().contains(CacheNames.records("moses-20k"))
                && first.ignite().cache(CacheNames.records("moses-20k")).sizeLong() > 0);
        boolean joinedDuringIngest = !ingest.isDone();
        nodes.add(MolscreenNode.start(NodeSettings.inMemory("join-3", PORT)));
        LibraryInfo info = ingest.get(120, TimeUnit.SECONDS);
        assertThat(joinedDuringIngest).as("node 3 joined while the ingest ran").isTrue();
        assertThat(info.records()).isEqualTo(20_000);
        assertThat(info.errors()).isZero();
        assertThat(first.ignite().cache(CacheNames.records("moses-20k")).sizeLong(CachePeekMode.PRIMARY)).isEqualTo(20_000);

        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 50, Set.of(), null, null, 0, false);
        JobInfo job = first.jobs().submit("moses-20k", settings);
        Eventually.await("the job to start", Duration.ofSeconds(60),
                () -> first.jobs().get(job.id()).orElseThrow().state() != JobInfo.State.QUEUED);
        nodes.add(MolscreenNode.start(NodeSettings.inMemory("join-4", PORT)));
        Eventually.await("the job to end", Duration.ofSeconds(120), () -> first.jobs().get(job.id()).orElseThrow().state().ended());
        JobInfo done = first.jobs().get(job.id()).orElseThrow();
        assertThat(done.state()).as(done.toString()).isEqualTo(JobInfo.State.DONE);

        HitList local;
        ModelRegistry registry = ModelRegistry.open(null);
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            local = new Screening(2).run(reader, settings, List.of(registry.load("bace1"), registry.load("tox21")), d -> { });
        }
        assertThat(ClusterTestData.csv(first.jobs().hits(job.id()).orElseThrow())).isEqualTo(ClusterTestData.csv(local));
        // the late nodes took their share once rebalancing finished
        Eventually.await("node 4 to hold primary records", Duration.ofSeconds(30),
                () -> nodes.get(3).ignite().cache(CacheNames.records("moses-20k")).localSize(CachePeekMode.PRIMARY) > 0);
    }
}
