package org.molscreen.api.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cluster.ClusterMetrics;
import org.apache.ignite.cluster.ClusterNode;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;
import org.molscreen.cluster.CacheNames;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.LibraryInfo;
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
        if (caller.role() != Role.ADMIN) {
            throw new RequestRefused(RequestRefused.Reason.FORBIDDEN, "the cluster's state is for admins; "
                    + caller.user() + " is a " + caller.role().wireName(), Map.of("role", caller.role().wireName()));
        }
        Ignite ignite = node.ignite();
        List<LibraryInfo> libraries = node.libraries().list();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (ClusterNode member : ignite.cluster().forServers().nodes()) {
            ClusterMetrics metrics = member.metrics();
            int primary = 0;
            int backup = 0;
            for (LibraryInfo library : libraries) {
                IgniteCache<Object, Object> cache = ignite.cache(CacheNames.records(library.id()));
                if (cache != null) {
                    primary += ignite.affinity(cache.getName()).primaryPartitions(member).length;
                    backup += ignite.affinity(cache.getName()).backupPartitions(member).length;
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", String.valueOf(member.consistentId()));
            entry.put("addresses", List.copyOf(member.addresses()));
            entry.put("local", member.isLocal());
            entry.put("heap_used_bytes", metrics.getHeapMemoryUsed());
            entry.put("heap_max_bytes", metrics.getHeapMemoryMaximum());
            entry.put("cpu_load", Math.max(0, metrics.getCurrentCpuLoad()));
            entry.put("cpus", metrics.getTotalCpus());
            entry.put("primary_partitions", primary);
            entry.put("backup_partitions", backup);
            nodes.add(entry);
        }
        nodes.sort(java.util.Comparator.comparing(n -> (String) n.get("name")));
        List<Map<String, Object>> running = new ArrayList<>();
        for (JobInfo job : node.jobs().list()) {
            if (!job.state().ended()) {
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
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", ignite.cluster().state().name().toLowerCase(Locale.ROOT));
        status.put("join_address", node.joinAddress());
        status.put("nodes", nodes);
        status.put("libraries", libraries.size());
        status.put("jobs_running", running);
        return status;
    }
}
