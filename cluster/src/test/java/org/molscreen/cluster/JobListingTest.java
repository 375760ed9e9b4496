package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.Test;
import org.molscreen.cluster.storage.StoredJobs;
import org.molscreen.cluster.storage.UnreadableValueException;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.testsupport.ClusterPorts;

/**
 * Listing and counting one user's jobs reads only the front of every other job's stored value: alice's jobs
 * here are cut right after their summary fields, so decoding one whole fails, and bob's listing, his active
 * count and the summaries of all jobs still work.
 */
class JobListingTest {

    private static final int PORT = ClusterPorts.discoveryRange();
    private static final ScreenSettings SETTINGS = new ScreenSettings(List.of("bace1"), "bace1", 0, 10, Set.of(), null, null, 0, false);

    private static JobInfo job(String id, String owner, JobInfo.State state) {
        return new JobInfo(id, "lib", SETTINGS, state, state.ended() ? 10 : 0, 10, null, state.ended() ? null : "jobs-node",
                "2026-12-02T10:00:0" + id.charAt(id.length() - 1) + ".000Z", null,
                state.ended() ? "2026-12-02T10:01:00.000Z" : null, owner);
    }

    /** The stored value cut after owner, state, processed and finished. */
    private static byte[] onlyTheSummary(JobInfo job) {
        byte[] whole = StoredJobs.encode(job);
        int front = 4 + 4 + job.owner().length() + 4 + job.state().name().length() + 8
                + 4 + (job.finished() == null ? 0 : job.finished().length());
        return Arrays.copyOf(whole, front);
    }

    @Test
    void oneUsersJobsAreListedAndCountedWithoutDecodingTheOthers() throws Exception {
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("jobs-node", PORT), line -> { })) {
            ScreeningJobs jobs = node.jobs();
            jobs.list(); // makes the cache
            IgniteCache<String, byte[]> cache = node.ignite().cache(ScreeningJobs.JOBS);
            cache.put("a1", onlyTheSummary(job("a1", "alice", JobInfo.State.DONE)));
            cache.put("a2", onlyTheSummary(job("a2", "alice", JobInfo.State.RUNNING)));
            cache.put("a3", onlyTheSummary(job("a3", "alice", JobInfo.State.FAILED)));
            cache.put("b4", StoredJobs.encode(job("b4", "bob", JobInfo.State.QUEUED)));
            cache.put("b5", StoredJobs.encode(job("b5", "bob", JobInfo.State.DONE)));
            cache.put("n6", StoredJobs.encode(job("n6", null, JobInfo.State.RUNNING)));
            try (InputStream in = JobListingTest.class.getResourceAsStream("/storage/layout-1/job-done.bin")) {
                cache.put("j-1", in.readAllBytes()); // alice's, done, in layout 1: read whole for its summary
            }

            assertThat(jobs.listOwnedBy("bob")).extracting(JobInfo::id).containsExactly("b4", "b5");
            assertThat(jobs.listOwnedBy(null)).extracting(JobInfo::id).containsExactly("n6");
            assertThat(jobs.activeOwnedBy("bob")).isEqualTo(1);
            assertThat(jobs.activeOwnedBy("alice")).isEqualTo(1);
            assertThat(jobs.activeOwnedBy("nobody")).isZero();
            assertThat(jobs.summaries()).extracting(JobSummary::id).containsExactlyInAnyOrder("a1", "a2", "a3", "b4", "b5", "n6", "j-1");
            assertThat(jobs.summaries()).filteredOn(s -> s.id().equals("a2")).singleElement()
                    .isEqualTo(new JobSummary("a2", "alice", JobInfo.State.RUNNING, 0, null));
            // alice's cut values are never decoded whole above; they are when alice's own jobs are listed
            assertThatThrownBy(() -> jobs.listOwnedBy("alice")).satisfies(e -> assertThat(
                    Stream.iterate(e, Objects::nonNull, Throwable::getCause)).anyMatch(UnreadableValueException.class::isInstance));
        }
    }
}
