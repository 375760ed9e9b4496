package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/**
 * Every library and job ends in a final state: an {@link Error} in an ingest or a job (out of memory) fails
 * it with the reason instead of leaving it ingesting or running, and a library whose partitions are gone with
 * both their owners fails its jobs loudly instead of giving a short hit list.
 */
class NothingStuckTest {

    private static final int PORT = ClusterPorts.discoveryRange();
    private static final ScreenSettings SETTINGS =
            new ScreenSettings(List.of("bace1"), "bace1", 0, 20, Set.of(), null, null, 0, false);

    @TempDir
    Path dir;

    private final List<MolscreenNode> nodes = new ArrayList<>();

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

    private MolscreenNode start(String name) {
        MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory(name, PORT));
        nodes.add(node);
        return node;
    }

    /** The library's first records, then the error a JVM throws when the heap is exhausted. */
    private static Iterator<LibraryRecord> runsOutOfMemory(Iterator<LibraryRecord> records, int after) {
        return new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                if (given == after) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return records.hasNext();
            }

            @Override
            public LibraryRecord next() {
                given++;
                return records.next();
            }
        };
    }

    @Test
    void anErrorInAnIngestOrAJobEndsItFailedWithTheReason() throws IOException {
        MolscreenNode node = start("stuck-1");
        Path library = ClusterTestData.mosesPrefix(dir, 200);
        LibraryStore store = node.libraries();
        LibraryStore.Reservation reserved = store.reserve(library, "oom", "alice", FeaturizerOptions.defaults());
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            assertThatThrownBy(() -> store.load(reserved.library(), runsOutOfMemory(reader, 50), FeaturizerOptions.defaults(),
                    RecordLimit.NONE))
                    .isInstanceOf(OutOfMemoryError.class);
        }
        LibraryInfo failed = store.get(reserved.library().id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(LibraryInfo.State.FAILED);
        assertThat(failed.failure()).isEqualTo("OutOfMemoryError: Java heap space");

        store.ingest(library, "fine", ReadOptions.defaults(), FeaturizerOptions.defaults());
        try (ScreeningJobs jobs = new ScreeningJobs(node.ignite(), new NodeLifecycle(), (lib, settings, progress, cancelled) -> {
            throw new OutOfMemoryError("Java heap space");
        })) {
            String id = jobs.submit("fine", SETTINGS, "alice", null).id();
            Eventually.await("the job to end", Duration.ofSeconds(30), () -> jobs.get(id).orElseThrow().state().ended());
            JobInfo job = jobs.get(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobInfo.State.FAILED);
            assertThat(job.error()).isEqualTo("OutOfMemoryError: Java heap space");
        }
    }

    @Test
    void partitionsLostWithBothTheirOwnersFailTheJobLoudly() throws Exception {
        MolscreenNode survivor = start("lost-1");
        start("lost-2");
        start("lost-3");
        survivor.libraries().ingest(ClusterTestData.mosesPrefix(dir, 2_000), "moses-2k", ReadOptions.defaults(),
                FeaturizerOptions.defaults());
        // both at once, before a rebalance can copy their partitions to the survivor
        Thread second = new Thread(() -> Ignition.stop("lost-2", true));
        Thread third = new Thread(() -> Ignition.stop("lost-3", true));
        second.start();
        third.start();
        second.join(60_000);
        third.join(60_000);
        Eventually.await("the survivor to be alone", Duration.ofSeconds(30), () -> survivor.serverCount() == 1);

        String id = survivor.jobs().submit("moses-2k", SETTINGS, "alice", null).id();
        try {
            Eventually.await("the job to end", Duration.ofSeconds(60), () -> survivor.jobs().get(id).orElseThrow().state().ended());
        } catch (AssertionError stuck) {
            // seen once in CI (2026-12-03) and not reproduced since: the threads say where the job waits
            dumpThreads();
            throw stuck;
        }
        JobInfo job = survivor.jobs().get(id).orElseThrow();
        assertThat(job.state()).as("a short hit list must not look complete").isEqualTo(JobInfo.State.FAILED);
        assertThat(job.error()).containsPattern("partitions lost: \\d+ of 128; restore the node or re-ingest the library");
        assertThat(survivor.jobs().hits(id)).isEmpty();
    }

    private static void dumpThreads() {
        StringBuilder dump = new StringBuilder("threads when the job did not end:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        System.err.println(dump);
    }
}
