package org.molscreen.api.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.molscreen.api.access.Caller;
import org.molscreen.cluster.ClusterInfo;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.MolscreenNode;

/**
 * What a cluster admin watches: the nodes with their heap and CPU load, how many partitions of the stored
 * libraries each holds, and the jobs running.
 */
public final class ClusterStatus {

    private final MolscreenNode node;

    public ClusterStatus(MolscreenNode node) {
        this.node = node;
    }

    public Map<String, Object> describe(Caller caller) {
        AccessRules.requireClusterView(caller);
        ClusterInfo cluster = node.info();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (ClusterInfo.Member member : cluster.members()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", member.name());
            entry.put("addresses", member.addresses());
            entry.put("local", member.local());
            entry.put("heap_used_bytes", member.heapUsedBytes());
            entry.put("heap_max_bytes", member.heapMaxBytes());
            entry.put("cpu_load", member.cpuLoad());
            entry.put("cpus", member.cpus());
            entry.put("primary_partitions", member.primaryPartitions());
            entry.put("backup_partitions", member.backupPartitions());
            nodes.add(entry);
        }
        List<Map<String, Object>> running = new ArrayList<>();
        for (JobInfo job : node.jobs().listActive()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", job.id());
            entry.put("owner", job.owner());
            entry.put("library", job.library());
            entry.put("state", job.state().name().toLowerCase(Locale.ROOT));
            entry.put("coordinator", job.coordinator());
            entry.put("processed", job.processed());
            entry.put("total", job.total());
            running.add(entry);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", cluster.active() ? "active" : "inactive");
        status.put("join_address", cluster.joinAddress());
        status.put("nodes", nodes);
        status.put("libraries", node.libraries().list().size());
        status.put("jobs_running", running);
        return status;
    }
}
