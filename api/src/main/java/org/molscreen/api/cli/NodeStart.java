package org.molscreen.api.cli;

import java.nio.file.Path;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.cluster.tls.NodeCredentials;

/** Starts a node for {@code serve} and {@code worker}, turning the refusals a user can act on into plain words. */
final class NodeStart {

    private NodeStart() {
    }

    /**
     * The node's TLS credentials from {@code --cluster-tls}, or null without it; refuses a node on an address
     * beyond loopback without them ({@code hostFlag} names the option that gave the address).
     */
    static NodeCredentials credentials(Path tlsDir, String host, String hostFlag) {
        if (tlsDir == null) {
            if (!NodeSettings.loopback(host)) {
                throw new IllegalArgumentException(hostFlag + " " + host + " is not loopback: a node there needs --cluster-tls NODE_DIR"
                        + " (without TLS any process that reaches the discovery port joins the cluster and receives data);"
                        + " make credentials with 'molscreen cluster-tls init' and 'molscreen cluster-tls issue'");
            }
            return null;
        }
        return NodeCredentials.open(tlsDir);
    }

    static MolscreenNode start(NodeSettings settings) {
        return start(settings, false);
    }

    /** A worker's node leaves gracefully ({@link MolscreenNode#startWorker}). */
    static MolscreenNode startWorker(NodeSettings settings) {
        return start(settings, true);
    }

    private static MolscreenNode start(NodeSettings settings, boolean worker) {
        try {
            return worker ? MolscreenNode.startWorker(settings) : MolscreenNode.start(settings);
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
                if (message.startsWith("Unable to establish secure connection")) {
                    String detail = message.replaceFirst("(?s).*errMsg=\"([^\"]*)\".*", "$1");
                    throw new IllegalArgumentException(settings.tls() == null
                            ? "the cluster at " + String.join(",", settings.join()) + " speaks TLS and this node does not:"
                                    + " start it with --cluster-tls NODE_DIR (credentials issued by the cluster's CA)"
                            : "the TLS handshake with the cluster at " + String.join(",", settings.join()) + " failed (" + detail + "):"
                                    + " the credentials in " + settings.tls().dir() + " are not from the cluster's CA"
                                    + " (issue them with 'molscreen cluster-tls issue --ca <the cluster's CA>')", e);
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
