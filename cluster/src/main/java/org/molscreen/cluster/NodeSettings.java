package org.molscreen.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.molscreen.cluster.tls.NodeCredentials;

/**
 * How to start a molscreen node.
 *
 * @param name          node name, also its consistent id (must be stable for persistence)
 * @param host          the address the node binds and advertises (loopback by default)
 * @param discoveryPort first discovery port this node tries ({@value #DEFAULT_DISCOVERY_PORT} by default)
 * @param join          discovery addresses to join, {@code host:port} or {@code host:port..port}; no multicast
 * @param dataDir       native persistence directory, or null for an in-memory node
 * @param memoryMiB     size of the default data region (off-heap)
 * @param tls           credentials for mutual TLS with the other nodes, or null for plain connections (loopback only)
 */
public record NodeSettings(String name, String host, int discoveryPort, List<String> join, Path dataDir, long memoryMiB,
                           NodeCredentials tls) {

    /** Ignite's default discovery port: what {@code molscreen worker --join 127.0.0.1:47500} reaches. */
    public static final int DEFAULT_DISCOVERY_PORT = 47500;
    /** How many ports after the first a node may try, so several nodes can share one machine. */
    public static final int PORT_RANGE = 10;

    public NodeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        join = List.copyOf(join);
        if (join.isEmpty()) {
            throw new IllegalArgumentException("a node needs at least one discovery address (its own, to start a cluster)");
        }
        if (memoryMiB < 64) {
            throw new IllegalArgumentException("at least 64 MiB of data region, got " + memoryMiB);
        }
        if (tls == null && !loopback(host)) {
            // anyone who reaches a plain discovery port joins as a server node and is handed partitions
            throw new IllegalArgumentException("a node on " + host + " (not loopback) needs TLS credentials: without them any"
                    + " process that reaches its discovery port joins the cluster");
        }
    }

    /** A node without TLS: on loopback only. */
    public NodeSettings(String name, String host, int discoveryPort, List<String> join, Path dataDir, long memoryMiB) {
        this(name, host, discoveryPort, join, dataDir, memoryMiB, null);
    }

    /** The same node with mutual TLS between it and the others. */
    public NodeSettings withTls(NodeCredentials credentials) {
        return new NodeSettings(name, host, discoveryPort, join, dataDir, memoryMiB, credentials);
    }

    /** True for an address only this machine reaches: a node there may go without TLS. */
    public static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
    }

    /**
     * The embedded default of {@code serve}: node {@code serve} on 127.0.0.1, discovery from port
     * {@value #DEFAULT_DISCOVERY_PORT}, persistent in {@code dataDir}, so that
     * {@code ./molscreen worker --join 127.0.0.1:47500} joins it.
     */
    public static NodeSettings serveDefault(Path dataDir) {
        return serve("127.0.0.1", DEFAULT_DISCOVERY_PORT, dataDir, 1024);
    }

    /**
     * The node of {@code serve}: named {@code serve}, bound to {@code host} from {@code discoveryPort}, finding the
     * cluster's other nodes in that port range (workers join it there).
     *
     * @param dataDir persistence directory, or null for an in-memory node
     */
    public static NodeSettings serve(String host, int discoveryPort, Path dataDir, long memoryMiB) {
        return serve(host, discoveryPort, dataDir, memoryMiB, null);
    }

    /**
     * The node of {@code serve} with mutual TLS (credentials given here, not added afterwards with
     * {@link #withTls}: a node beyond loopback is refused the moment it is made without them).
     *
     * @param tls credentials for mutual TLS, or null for a node on loopback
     */
    public static NodeSettings serve(String host, int discoveryPort, Path dataDir, long memoryMiB, NodeCredentials tls) {
        return new NodeSettings("serve", host, discoveryPort, List.of(portRange(host, discoveryPort)), dataDir, memoryMiB, tls);
    }

    /** An in-memory node on loopback that finds the others of a test on ports {@code port..port+9}. */
    public static NodeSettings inMemory(String name, int discoveryPort) {
        return new NodeSettings(name, "127.0.0.1", discoveryPort, List.of(portRange("127.0.0.1", discoveryPort)), null, 256);
    }

    /** The discovery addresses {@code host:port..port+9}, where a node and its neighbours on one machine bind. */
    public static String portRange(String host, int firstPort) {
        return host + ":" + firstPort + ".." + (firstPort + PORT_RANGE - 1);
    }
}
