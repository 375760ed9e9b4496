package org.molscreen.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a molscreen node.
 *
 * @param name          node name, also its consistent id (must be stable for persistence)
 * @param host          the address the node binds and advertises (loopback by default)
 * @param discoveryPort first discovery port this node tries ({@value #DEFAULT_DISCOVERY_PORT} by default)
 * @param join          discovery addresses to join, {@code host:port} or {@code host:port..port}; no multicast
 * @param dataDir       native persistence directory, or null for an in-memory node
 * @param memoryMiB     size of the default data region (off-heap)
 */
public record NodeSettings(String name, String host, int discoveryPort, List<String> join, Path dataDir, long memoryMiB) {

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
        return new NodeSettings("serve", host, discoveryPort, List.of(portRange(host, discoveryPort)), dataDir, memoryMiB);
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
