package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.cluster.tls.NodeCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code molscreen worker}: a server node that joins a running cluster, takes a share of the libraries and
 * of every job started after it joined, and runs until it is stopped (Ctrl-C or SIGTERM stop it cleanly).
 * Like {@code serve}, it keeps its share on disk by default (every node of a cluster must agree on that:
 * Ignite refuses a node whose data region is persistent when the others' is not, and the other way round).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a worker node that joins a running molscreen cluster and runs until stopped.")
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--join", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Discovery addresses of the cluster, e.g. 127.0.0.1:47500 (what 'serve' prints at start-up).")
    String join;

    @Option(names = "--port", paramLabel = "P", defaultValue = "47500",
            description = "First discovery port to bind (default: ${DEFAULT-VALUE}; the next free one of the next 10 is used).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind and advertise (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "D", description = "Native persistence directory (default: data/<name>).")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep nothing on disk: to join a cluster started with 'serve --in-memory'.")
    boolean inMemory;

    @Option(names = "--name", description = "Node name, also its identity on disk, so keep it across restarts (default: worker-<port>;"
            + " two workers on one machine need different --port or --name).")
    String name;

    @Option(names = "--cluster-tls", paramLabel = "NODE_DIR",
            description = "Mutual TLS with the other nodes, with the credentials of 'molscreen cluster-tls issue' (needed when --host is not loopback).")
    Path clusterTls;

    @Option(names = "--memory", defaultValue = "1024", paramLabel = "MiB", description = "Off-heap data region (default: ${DEFAULT-VALUE} MiB).")
    long memoryMiB;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NodeCredentials credentials = NodeStart.credentials(clusterTls, host, "--host");
        List<String> addresses = Arrays.stream(join.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        String nodeName = name != null ? name : "worker-" + port;
        Path data = inMemory ? null : dataDir != null ? dataDir : Path.of("data", nodeName);
        NodeSettings settings = new NodeSettings(nodeName, host, port, addresses, data, memoryMiB, credentials);
        CountDownLatch stopped = new CountDownLatch(1);
        MolscreenNode node = NodeStart.startWorker(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "molscreen-worker-shutdown"));
        out.println("worker " + nodeName + " joined a cluster of " + node.serverCount()
                + " nodes via " + String.join(",", addresses) + "; others can join it at " + node.joinAddress()
                + (data == null ? " (in memory)" : " (data in " + data + ")") + (credentials == null ? "" : " with mutual TLS"));
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
