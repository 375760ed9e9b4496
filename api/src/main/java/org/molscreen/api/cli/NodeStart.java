package org.molscreen.api.cli;

import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;

/** Starts a node for {@code serve} and {@code worker}, turning the refusals a user can act on into plain words. */
final class NodeStart {

    private NodeStart() {
    }

    static MolscreenNode start(NodeSettings settings) {
        try {
            return MolscreenNode.start(settings);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("Incompatible data region configuration")) {
                    // the check runs on a node of the cluster: "loc" is the cluster's node, "rmt" the one joining
                    boolean clusterPersistent = message.matches("(?s).*locNodeId=[^,]+, isPersistenceEnabled=true.*");
                    throw new IllegalArgumentException(clusterPersistent
                            ? "the cluster keeps its data on disk: start this node without --in-memory (it then keeps its share in --data-dir)"
                            : "the cluster keeps its data in memory (serve --in-memory): start this node with --in-memory", e);
                }
                if (message.contains("same hash code for partitioned affinity") || message.contains("same consistent ID")) {
                    throw new IllegalArgumentException("a node named '" + settings.name() + "' is already in the cluster at "
                            + String.join(",", settings.join()) + " (another molscreen serve or worker is running there):"
                            + " stop it, or start this one with another name or discovery port", e);
                }
                if (message.startsWith("Failed to join node")) {
                    throw new IllegalArgumentException("the cluster at " + String.join(",", settings.join())
                            + " refused this node: " + message, e);
                }
            }
            throw e;
        }
    }
}
