package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/** Jobs on three in-JVM nodes: run to done with progress, cancel, and survive their coordinator's death. */
class ScreeningJobsTest {

    private static final int PORT = ClusterPorts.discoveryRange();
    private static final ScreenSettings SETTINGS =
            new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 50, Set.of(), null, null, 0, false);

    @TempDir
    Path dir;

    private final List<MolscreenNode> nodes = new ArrayList<>();

    @BeforeEach
    void startAndIngest() throws IOException {
        Path library = ClusterTestData.mosesPrefix(dir, 10_000);
        for (int i = 1; i <= 3; i++) {
            nodes.add(MolscreenNode.start(NodeSettings.inMemory("jobs-" + i, PORT)));
        }
        nodes.get(0).libraries().ingest(library, "moses-10k", ReadOptions.defaults(), FeaturizerOptions.defaults());
    }

    @AfterEach
    void stopNodes() {
        for (MolscreenNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException alreadyStopped) {
                // stopped by the test
            }
        }
    }


    private static JobInfo await(ScreeningJobs jobs, String id, Predicate<JobInfo> condition) {
        Eventually.await("job " + id + " to reach the expected state", Duration.ofSeconds(120),
                () -> condition.test(jobs.get(id).orElseThrow()));
        return jobs.get(id).orElseThrow();
    }

    @Test
    void aJobRunsToDoneWithProgressAndItsHitsAreStoredWithIt() throws Exception {
        ScreeningJobs jobs = nodes.get(1).jobs();
        // a node that does not run the job hears every change of it, pushed
        List<JobInfo> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        AutoCloseable watching = nodes.get(2).jobs().watch(heard::add);
        JobInfo queued = jobs.submit("moses-10k", SETTINGS);
        assertThat(queued.state()).isEqualTo(JobInfo.State.QUEUED);
        JobInfo done = await(jobs, queued.id(), j -> j.state().ended());
        assertThat(done.state()).isEqualTo(JobInfo.State.DONE);
        assertThat(done.processed()).isEqualTo(done.total()).isEqualTo(10_000);
        assertThat(done.finished()).isNotNull();
        String direct = ClusterTestData.csv(nodes.get(0).screening().screen("moses-10k", SETTINGS));
        assertThat(ClusterTestData.csv(nodes.get(2).jobs().hits(queued.id()).orElseThrow())).as("hits read on another node").isEqualTo(direct);
        assertThat(nodes.get(0).jobs().list()).extracting(JobInfo::id).contains(queued.id());
        // two copies of the hit list (primary and backup), not one on every node
        assertThat(nodes.stream().filter(node -> node.ignite().cache(ScreeningJobs.HITS)
                .localPeek(queued.id(), org.apache.ignite.cache.CachePeekMode.PRIMARY, org.apache.ignite.cache.CachePeekMode.BACKUP) != null))
                .hasSize(2);
        Eventually.await("the watcher to hear the job end", Duration.ofSeconds(10),
                () -> heard.stream().anyMatch(j -> j.state() == JobInfo.State.DONE));
        watching.close();
        assertThat(heard).extracting(JobInfo::id).containsOnly(queued.id());
        assertThat(heard).extracting(JobInfo::state).startsWith(JobInfo.State.QUEUED).contains(JobInfo.State.RUNNING)
                .endsWith(JobInfo.State.DONE);
        assertThat(heard.get(heard.size() - 1)).isEqualTo(done);
    }

    @Test
    void aJobCancelledRightAfterSubmissionEndsCancelled() throws Exception {
        ScreeningJobs jobs = nodes.get(0).jobs();
        JobInfo job = jobs.submit("moses-10k", SETTINGS);
        // a 10,000-compound screen takes seconds, so a cancel sent at once must find it queued or just started
        assertThat(jobs.cancel(job.id())).as("cancel right after submission is accepted").isTrue();
        JobInfo ended = await(jobs, job.id(), j -> j.state().ended());
        // and an accepted cancel always wins, whether the runner had started or not
        assertThat(ended.state()).isEqualTo(JobInfo.State.CANCELLED);
        assertThat(jobs.hits(job.id())).as("a cancelled job stores no hits").isEmpty();
    }

    @Test
    void aCancelledJobStopsAndStoresNoHits() throws Exception {
        ScreeningJobs jobs = nodes.get(0).jobs();
        JobInfo job = jobs.submit("moses-10k", SETTINGS);
        await(jobs, job.id(), j -> j.state() == JobInfo.State.RUNNING);
        assertThat(jobs.cancel(job.id())).as("cancel a running job").isTrue();
        JobInfo cancelled = await(jobs, job.id(), j -> j.state().ended());
        assertThat(cancelled.state()).isEqualTo(JobInfo.State.CANCELLED);
        Thread.sleep(500); // a cancelled job's runner must not write hits afterwards
        assertThat(jobs.hits(job.id())).isEmpty();
        assertThat(jobs.cancel(job.id())).as("an ended job cannot be cancelled again").isFalse();
    }

    @Test
    void whenTheCoordinatorDiesTheOldestNodeRunsTheJobAgain() throws Exception {
        JobInfo job = nodes.get(2).jobs().submit("moses-10k", SETTINGS);
        await(nodes.get(0).jobs(), job.id(), j -> j.state() == JobInfo.State.RUNNING);
        Ignition.stop("jobs-3", true);
        JobInfo done = await(nodes.get(0).jobs(), job.id(), j -> j.state().ended());
        assertThat(done.state()).as(done.toString()).isEqualTo(JobInfo.State.DONE);
        assertThat(done.coordinator()).isNull();
        String direct = ClusterTestData.csv(nodes.get(0).screening().screen("moses-10k", SETTINGS));
        assertThat(ClusterTestData.csv(nodes.get(1).jobs().hits(job.id()).orElseThrow())).isEqualTo(direct);
    }
}
