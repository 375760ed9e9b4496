package org.molscreen.cluster;

import java.util.HashSet;
import java.util.Set;
import org.apache.ignite.Ignite;

/**
 * Which nodes' unfinished work nobody will finish: a node that is no longer in the cluster, or, when this
 * node is starting, this node's own previous run (a restart with the same name and data directory).
 * Jobs and ingests record the consistent id of the node doing them and ask this when nodes come and go.
 */
final class Abandoned {

    private final String self;
    private final Set<String> alive = new HashSet<>();
    private final boolean atStartup;

    Abandoned(Ignite ignite, boolean atStartup) {
        this.self = String.valueOf(ignite.cluster().localNode().consistentId());
        ignite.cluster().nodes().forEach(node -> alive.add(String.valueOf(node.consistentId())));
        this.atStartup = atStartup;
    }

    /** Whether work recorded as done by {@code node} (a consistent id) is left without anyone to do it. */
    boolean by(String node) {
        return !alive.contains(node) || (atStartup && self.equals(node));
    }
}
