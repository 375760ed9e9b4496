package org.molscreen.cluster;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.events.DiscoveryEvent;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgnitePredicate;

/** One line per node that joined or left the cluster, as a node's admin reads it in the log. */
final class MembershipLog {

    private MembershipLog() {
    }

    static IgnitePredicate<Event> listener(ClusterLog log) {
        return event -> {
            DiscoveryEvent discovery = (DiscoveryEvent) event;
            log.line(describe(discovery, (int) discovery.topologyNodes().stream().filter(node -> !node.isClient()).count()));
            return true;
        };
    }

    static String describe(DiscoveryEvent event, int servers) {
        ClusterNode node = event.eventNode();
        String what = switch (event.type()) {
            case EventType.EVT_NODE_JOINED -> "joined";
            case EventType.EVT_NODE_LEFT -> "left";
            case EventType.EVT_NODE_FAILED -> "failed (no goodbye: killed or unreachable)";
            default -> event.name();
        };
        return "node '" + node.consistentId() + "' " + what + " (" + String.join(",", node.addresses()) + ", "
                + (node.isClient() ? "client" : "server") + "); " + servers + " servers now";
    }
}
