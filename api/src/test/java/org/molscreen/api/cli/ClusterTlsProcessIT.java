package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.cluster.tls.ClusterAuthority;
import org.molscreen.cluster.tls.NodeCredentials;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/**
 * {@code ./molscreen worker} processes against a TLS node: one with another CA's credentials and one with none
 * both exit with code 2 and a message saying what to fix, the cluster keeps its one member and logs each refused
 * attempt; one with credentials from the cluster's CA joins.
 */
class ClusterTlsProcessIT {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private Process worker(int port, Path log, String... tls) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(WorkerProcesses.ROOT.resolve("molscreen").toString(), "worker",
                "--join", NodeSettings.portRange("127.0.0.1", PORT), "--port", Integer.toString(port), "--memory", "256", "--in-memory"));
        command.addAll(List.of(tls));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void onlyNodesOfTheClusterCaJoin() throws Exception {
        ClusterAuthority ca = ClusterAuthority.create(dir.resolve("ca"));
        NodeCredentials serve = ca.issue("serve", dir.resolve("serve"));
        ca.issue("worker-1", dir.resolve("worker-1"));
        ClusterAuthority.create(dir.resolve("other-ca")).issue("intruder", dir.resolve("intruder"));
        List<String> log = new CopyOnWriteArrayList<>();
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("serve", PORT).withTls(NodeCredentials.open(serve.dir())), log::add)) {
            // the two refused ones run together: each waits out a handshake timeout
            Process intruder = worker(PORT + 1, dir.resolve("intruder.log"), "--cluster-tls", dir.resolve("intruder").toString());
            Process plain = worker(PORT + 2, dir.resolve("plain.log"));
            assertThat(intruder.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(plain.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String intruderLog = Files.readString(dir.resolve("intruder.log"));
            String plainLog = Files.readString(dir.resolve("plain.log"));
            assertThat(intruder.exitValue()).as(intruderLog).isEqualTo(2);
            assertThat(intruderLog).contains("molscreen worker: error: the TLS handshake with the cluster at")
                    .contains("are not from the cluster's CA").doesNotContain("\tat ");
            assertThat(plain.exitValue()).as(plainLog).isEqualTo(2);
            assertThat(plainLog).contains("speaks TLS and this node does not: start it with --cluster-tls");
            assertThat(node.serverCount()).isEqualTo(1);
            assertThat(log).anyMatch(line -> line.startsWith("molscreen cluster: refused a connection from /127.0.0.1: TLS handshake failed"));

            Process member = worker(PORT + 3, dir.resolve("worker.log"), "--cluster-tls", dir.resolve("worker-1").toString());
            try {
                Eventually.await("the TLS worker to join", Duration.ofSeconds(60), () -> node.serverCount() == 2);
                Eventually.await("its join in the log", Duration.ofSeconds(10),
                        () -> log.stream().anyMatch(line -> line.startsWith("molscreen cluster: node 'worker-" + (PORT + 3) + "' joined")));
                member.destroy(); // SIGTERM: a clean leave
                assertThat(member.waitFor(60, TimeUnit.SECONDS)).isTrue();
                // the leave's log line is checked in ClusterTlsTest: here, a second after its join, it did not come
                Eventually.await("the TLS worker to leave", Duration.ofSeconds(30), () -> node.serverCount() == 1);
            } finally {
                member.destroyForcibly();
            }
        }
    }
}
