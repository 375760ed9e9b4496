package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ignite.IgniteException;
import org.apache.ignite.internal.util.typedef.internal.LT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.tls.ClusterAuthority;
import org.molscreen.cluster.tls.NodeCredentials;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;

/**
 * Mutual TLS between nodes: nodes with credentials from one CA form a cluster and screen exactly as a local
 * screen does; a node with another CA's credentials, or with none, fails to start and the cluster's membership
 * stays as it was, while the running node logs the refused attempt in one line.
 */
class ClusterTlsTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    @Test
    void nodesOfOneCaFormAClusterThatRefusesOthers() throws Exception {
        ClusterAuthority ca = ClusterAuthority.create(dir.resolve("ca"));
        NodeCredentials one = NodeCredentials.open(ca.issue("tls-1", dir.resolve("tls-1")).dir());
        NodeCredentials two = NodeCredentials.open(ca.issue("tls-2", dir.resolve("tls-2")).dir());
        NodeCredentials intruder = NodeCredentials.open(ClusterAuthority.create(dir.resolve("other-ca")).issue("intruder", dir.resolve("intruder")).dir());
        Path library = ClusterTestData.mosesPrefix(dir, 500);
        List<String> log = new CopyOnWriteArrayList<>(); // both nodes': a newcomer may knock at either
        try (MolscreenNode first = MolscreenNode.start(NodeSettings.inMemory("tls-1", PORT).withTls(one), log::add);
             MolscreenNode second = MolscreenNode.start(NodeSettings.inMemory("tls-2", PORT).withTls(two), log::add)) {
            assertThat(first.serverCount()).isEqualTo(2);
            assertThat(log).anySatisfy(line -> assertThat(line).startsWith("molscreen cluster: node 'tls-2' joined (127.0.0.1, server)"));

            // the partitions live on both nodes, so the screen's jobs and hits cross the TLS connections
            first.libraries().ingest(library, "moses-500", ReadOptions.defaults(), FeaturizerOptions.defaults());
            ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 50, Set.of(), null, null, 0, false);
            HitList clustered = first.screening().screen("moses-500", settings);
            ModelRegistry registry = ModelRegistry.open(null);
            HitList local;
            try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
                local = new Screening(2).run(reader, settings, List.of(registry.load("bace1"), registry.load("tox21")), d -> { });
            }
            assertThat(ClusterTestData.csv(clustered)).isEqualTo(ClusterTestData.csv(local));

            // Ignite logs one refusal per remote host every five minutes; each attempt here comes from 127.0.0.1
            LT.clear();
            assertThatThrownBy(() -> MolscreenNode.start(NodeSettings.inMemory("intruder", PORT).withTls(intruder), line -> { }))
                    .isInstanceOf(IgniteException.class).hasMessageContaining("Unable to establish secure connection");
            assertThat(first.serverCount()).isEqualTo(2);
            // no log assertion here: a node of another CA rejects this cluster's certificate first and hangs up, and
            // whether Ignite's discovery then reports the broken handshake (with the remote address) depends on
            // how far the server got; seen missing once in a loaded CI run. A node without TLS is refused by the
            // server itself, every time, and that refusal must be logged (below).

            LT.clear();
            int before = log.size();
            assertThatThrownBy(() -> MolscreenNode.start(NodeSettings.inMemory("plain", PORT), line -> { }))
                    .isInstanceOf(IgniteException.class).hasMessageContaining("Unable to establish secure connection");
            assertThat(first.serverCount()).isEqualTo(2);
            assertThat(second.serverCount()).isEqualTo(2);
            Eventually.await("the second refusal in the log", Duration.ofSeconds(30), () -> log.subList(before, log.size()).stream()
                    .anyMatch(line -> line.startsWith("molscreen cluster: refused a connection from /127.0.0.1")));
            assertThat(log).noneMatch(line -> line.contains("'intruder'") || line.contains("'plain'"));

            second.close();
            Eventually.await("the leave in the log", Duration.ofSeconds(10), () -> log.stream().anyMatch(line ->
                    line.startsWith("molscreen cluster: node 'tls-2' left (127.0.0.1, server); 1 servers now")));
        }
    }

    @Test
    void secretsAreOwnerOnlyAndNeverReplaced() throws Exception {
        Path caDir = dir.resolve("ca");
        ClusterAuthority ca = ClusterAuthority.create(caDir);
        NodeCredentials node = ca.issue("worker-1", dir.resolve("worker-1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caDir.resolve(ClusterAuthority.KEY_FILE)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.dir().resolve(NodeCredentials.PASSWORD_FILE)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node.keyStore()))).isEqualTo("rw-------");
        assertThatThrownBy(() -> ClusterAuthority.create(caDir)).hasMessageContaining("already holds a cluster CA");
        assertThatThrownBy(() -> ClusterAuthority.open(caDir).issue("worker-1", node.dir())).hasMessageContaining("already holds");

        Files.setPosixFilePermissions(node.dir().resolve(NodeCredentials.PASSWORD_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> NodeCredentials.open(node.dir())).hasMessageContaining("store-password").hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> NodeCredentials.open(dir.resolve("nowhere"))).hasMessageContaining("lacks node.p12");
    }

    @Test
    void aNodeBeyondLoopbackNeedsTls() {
        assertThatThrownBy(() -> new NodeSettings("w", "10.1.2.3", PORT, List.of("10.1.2.4:47500"), null, 256))
                .hasMessageContaining("needs TLS credentials");
    }

    @Test
    void serveBeyondLoopbackStartsFromItsCredentials() throws Exception {
        NodeCredentials tls = NodeCredentials.open(ClusterAuthority.create(dir.resolve("ca")).issue("serve", dir.resolve("serve")).dir());
        // what 'serve --cluster-host 10.1.2.3 --cluster-tls DIR' builds (it once built the node first, without TLS, and was refused)
        NodeSettings serve = NodeSettings.serve("10.1.2.3", PORT, null, 256, tls);
        assertThat(serve.tls()).isSameAs(tls);
        assertThat(serve.join()).containsExactly("10.1.2.3:" + PORT + ".." + (PORT + 9));
        assertThatThrownBy(() -> NodeSettings.serve("10.1.2.3", PORT, null, 256)).hasMessageContaining("needs TLS credentials");
    }
}
