package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code molscreen cluster-tls init|issue} make a CA and node credentials with owner-only secrets, and a node
 * on an address beyond loopback without {@code --cluster-tls} is refused before anything starts, exit code 2,
 * naming the flag that gave the address.
 */
class ClusterTlsCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void initAndIssueWriteOwnerOnlySecrets() throws Exception {
        Path ca = dir.resolve("ca");
        Path node = dir.resolve("worker-1");
        assertThat(run("cluster-tls", "init", "--ca", ca.toString()).exitCode()).isZero();
        CliRun issued = run("cluster-tls", "issue", "--ca", ca.toString(), "--name", "worker-1", "--out", node.toString());
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        assertThat(issued.out()).contains("--cluster-tls " + node);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.resolve("store-password")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.resolve("node.p12")))).isEqualTo("rw-------");
        assertThat(node.resolve("trust.p12")).isRegularFile();

        CliRun again = run("cluster-tls", "init", "--ca", ca.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a cluster CA").doesNotContain("\tat ");
        CliRun noCa = run("cluster-tls", "issue", "--ca", dir.resolve("none").toString(), "--name", "w", "--out", dir.resolve("w").toString());
        assertThat(noCa.exitCode()).isEqualTo(2);
        assertThat(noCa.err()).contains("holds no cluster CA").contains("cluster-tls init");
    }

    @Test
    void aNodeBeyondLoopbackWithoutTlsIsRefusedNamingTheFlag() {
        // 192.0.2.1 is TEST-NET-1: nothing is ever bound there, the refusal comes first
        CliRun serve = run("serve", "--in-memory", "--port", "0", "--cluster-host", "192.0.2.1");
        assertThat(serve.exitCode()).isEqualTo(2);
        assertThat(serve.err()).contains("--cluster-host 192.0.2.1 is not loopback").contains("--cluster-tls").doesNotContain("\tat ");
        CliRun worker = run("worker", "--in-memory", "--join", "192.0.2.2:47500", "--host", "192.0.2.1");
        assertThat(worker.exitCode()).isEqualTo(2);
        assertThat(worker.err()).contains("--host 192.0.2.1 is not loopback").contains("--cluster-tls");
        CliRun missing = run("worker", "--in-memory", "--join", "192.0.2.2:47500", "--host", "192.0.2.1", "--cluster-tls", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("lacks node.p12");
        assertThat(org.apache.ignite.Ignition.allGrids()).isEmpty();
    }
}
