package org.molscreen.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.ScreenRequest;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/** The job service on one real in-memory node: what it refuses (and with which field), and whose jobs it shows. */
class JobServiceTest {

    @TempDir
    static Path dir;

    private static MolscreenNode node;
    private static ExecutorService ingests;
    private static JobService jobs;
    private static final Caller ALICE = new Caller("alice", Role.CHEMIST);
    private static final Caller BOB = new Caller("bob", Role.CHEMIST);
    private static final Caller ROOT = new Caller("root", Role.ADMIN);

    @BeforeAll
    static void start() throws IOException {
        node = MolscreenNode.start(NodeSettings.inMemory("job-service", ClusterPorts.discoveryRange()));
        ingests = Executors.newSingleThreadExecutor();
        Path library = dir.resolve("five.smi");
        Files.writeString(library, "CCO a\nc1ccccc1O b\nCC(=O)Nc1ccc(O)cc1 c\nCN1C=NC2=C1C(=O)N(C)C(=O)N2C d\nCCN(CC)CC e\n");
        node.libraries().ingest(library, "five", "alice", ReadOptions.defaults(), FeaturizerOptions.defaults());
        ModelService models = new ModelService(ModelRegistry.open(null));
        jobs = new JobService(node, models, new LibraryService(node, ingests, new UploadDirectory(dir.resolve("uploads")), ServiceLimits.defaults()),
                ServiceLimits.defaults());
    }

    @AfterAll
    static void stop() {
        ingests.shutdownNow();
        node.close();
    }

    private static ScreenRequest request(List<String> models, String rankBy, int top, String similarTo) {
        return new ScreenRequest(models, rankBy, top, List.of(), null, similarTo, ScreenRequest.DEFAULT_MIN_SIMILARITY, false);
    }

    private static void refusedFor(String field, Runnable call) {
        RequestRefused refused = AccessAndPagingTest.refusal(call);
        assertThat(refused.reason()).as(field).isEqualTo(RequestRefused.Reason.INVALID);
        assertThat(refused.details()).as(refused.getMessage()).containsEntry("field", field);
    }

    @Test
    void eachRefusalNamesItsField() {
        String library = "alice.five";
        refusedFor("library", () -> jobs.submit(ALICE, " ", request(List.of("herg"), null, 5, null), null));
        refusedFor("top", () -> jobs.submit(ALICE, library, request(List.of("herg"), null, 10_001, null), null));
        refusedFor("similar_to", () -> jobs.submit(ALICE, library, request(List.of("herg"), null, 5, "C".repeat(1001)), null));
        refusedFor("similar_to", () -> jobs.submit(ALICE, library, request(List.of("herg"), null, 5, "C1CC("), null));
        refusedFor("Idempotency-Key", () -> jobs.submit(ALICE, library, request(List.of("herg"), null, 5, null), "k".repeat(201)));
        refusedFor("models", () -> jobs.submit(ALICE, library, request(List.of("nope"), null, 5, null), null));
        refusedFor("models", () -> jobs.submit(ALICE, library, request(List.of(), null, 5, null), null));
        refusedFor("rank_by", () -> jobs.submit(ALICE, library, request(List.of("herg"), "bace1", 5, null), null));
        RequestRefused notHers = AccessAndPagingTest.refusal(() -> jobs.submit(BOB, library, request(List.of("herg"), null, 5, null), null));
        assertThat(notHers.reason()).as("another user's library is not revealed").isEqualTo(RequestRefused.Reason.NOT_FOUND);
    }

    @Test
    void aJobIsItsOwnersAndAnAdminsAndItsHitsWaitUntilItIsDone() {
        JobInfo job = jobs.submit(ALICE, "alice.five", request(List.of("herg"), null, 3, null), null);
        assertThat(job.owner()).isEqualTo("alice");
        assertThat(jobs.list(ALICE)).extracting(JobInfo::id).contains(job.id());
        assertThat(jobs.list(BOB)).extracting(JobInfo::id).doesNotContain(job.id());
        assertThat(jobs.list(ROOT)).extracting(JobInfo::id).contains(job.id());
        assertThat(AccessAndPagingTest.refusal(() -> jobs.get(BOB, job.id())).reason()).isEqualTo(RequestRefused.Reason.NOT_FOUND);
        assertThat(AccessAndPagingTest.refusal(() -> jobs.cancelOrDelete(BOB, job.id())).reason()).isEqualTo(RequestRefused.Reason.NOT_FOUND);

        Eventually.await("the job to end", Duration.ofSeconds(60), () -> jobs.get(ALICE, job.id()).state().ended());
        assertThat(jobs.hits(ALICE, job.id()).hits()).hasSize(3);
        assertThat(jobs.hits(ALICE, job.id())).as("a finished list is served from memory").isSameAs(jobs.hits(ALICE, job.id()));
        assertThat(jobs.cancelOrDelete(ALICE, job.id())).as("an ended job is deleted, not cancelled").isEmpty();
        assertThat(AccessAndPagingTest.refusal(() -> jobs.get(ALICE, job.id())).reason()).isEqualTo(RequestRefused.Reason.NOT_FOUND);
        assertThat(AccessAndPagingTest.refusal(() -> jobs.hits(ALICE, job.id())).reason()).as("its hits are gone with it").isEqualTo(RequestRefused.Reason.NOT_FOUND);
    }

    @Test
    void aDoneJobWhoseHitListIsLostIsANotFoundThatSaysSo() {
        JobInfo job = jobs.submit(ALICE, "alice.five", request(List.of("herg"), null, 3, null), null);
        Eventually.await("the job to end", Duration.ofSeconds(60), () -> jobs.get(ALICE, job.id()).state().ended());
        // as if both nodes that held the list had left: the job says done, its hits are not there
        org.apache.ignite.Ignition.ignite("job-service").cache("molscreen-job-hits").remove(job.id());
        RequestRefused gone = AccessAndPagingTest.refusal(() -> jobs.hits(ALICE, job.id()));
        assertThat(gone.reason()).isEqualTo(RequestRefused.Reason.NOT_FOUND);
        assertThat(gone.getMessage()).contains("is done but its hit list is gone").contains("submit the job again");
    }
}
