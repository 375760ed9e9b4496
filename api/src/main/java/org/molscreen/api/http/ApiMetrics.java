package org.molscreen.api.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.molscreen.api.service.LibraryService;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.JobSummary;
import org.molscreen.cluster.LibraryInfo;
import org.molscreen.cluster.MolscreenNode;

/**
 * molscreen's own metrics beside Vert.x's HTTP ones (requests by route and status, latencies): jobs by
 * state, molecules scored, compounds ingested. The cluster is read once per scrape, not once per meter.
 */
final class ApiMetrics {

    private final MolscreenNode node;
    private final LibraryService libraries;
    private final PrometheusMeterRegistry registry;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(new EnumMap<>(JobInfo.State.class), 0, 0, 0));

    private record Snapshot(Map<JobInfo.State, Long> jobs, long scored, long ingesting, long libraries) {
    }

    ApiMetrics(MolscreenNode node, LibraryService libraries, PrometheusMeterRegistry registry) {
        this.node = node;
        this.libraries = libraries;
        this.registry = registry;
        for (JobInfo.State state : JobInfo.State.values()) {
            Gauge.builder("molscreen_jobs", snapshot, s -> s.get().jobs().getOrDefault(state, 0L))
                    .description("Screening jobs in the cluster by state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        FunctionCounter.builder("molscreen_molecules_scored", snapshot, s -> s.get().scored())
                .description("Compounds screened by the cluster's jobs (processed counts summed over jobs)").register(registry);
        FunctionCounter.builder("molscreen_ingested_compounds", libraries, LibraryService::compoundsIngested)
                .description("Compounds stored by ingests that finished on this node; rate() is the ingest rate").register(registry);
        Gauge.builder("molscreen_ingesting_records", snapshot, s -> s.get().ingesting())
                .description("Records read so far by ingests under way").register(registry);
        Gauge.builder("molscreen_libraries", snapshot, s -> s.get().libraries())
                .description("Libraries stored in the cluster").register(registry);
        Gauge.builder("molscreen_cluster_nodes", node, MolscreenNode::serverCount)
                .description("Server nodes in the cluster").register(registry);
    }

    /** How old the cluster-wide figures may be: however often /metrics is asked, the cluster is read at most this often. */
    static final long REFRESH_MILLIS = 10_000;
    private final java.util.concurrent.atomic.AtomicLong refreshedAt = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE / 2);

    /**
     * Renders every meter in the Prometheus text format. The job and library figures come from a reading of the
     * cluster at most {@value #REFRESH_MILLIS} ms old, taken by one scrape at a time, so a flood of scrapes does
     * not become a flood of scans.
     */
    String scrape() {
        long now = System.currentTimeMillis();
        long last = refreshedAt.get();
        if (now - last >= REFRESH_MILLIS && refreshedAt.compareAndSet(last, now)) {
            refresh();
        }
        return registry.scrape();
    }

    /** Reads the cluster (blocking). */
    private void refresh() {
        Map<JobInfo.State, Long> jobs = new EnumMap<>(JobInfo.State.class);
        long scored = 0;
        for (JobSummary job : node.jobs().summaries()) {
            jobs.merge(job.state(), 1L, Long::sum);
            scored += job.processed();
        }
        long ingesting = 0;
        long count = 0;
        for (LibraryInfo library : node.libraries().list()) {
            count++;
            if (library.state() == LibraryInfo.State.INGESTING) {
                ingesting += library.records();
            }
        }
        snapshot.set(new Snapshot(jobs, scored, ingesting, count));
    }
}
