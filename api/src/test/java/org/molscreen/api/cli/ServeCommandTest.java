package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;

/** {@code serve} refuses what a user can fix with a plain message and exit code 2, and leaves no node behind. */
class ServeCommandTest {

    @Test
    void aTakenApiPortIsAPlainError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new String[] {"serve", "--in-memory", "--port", Integer.toString(taken.getLocalPort()),
                    "--discovery-port", Integer.toString(ClusterPorts.discoveryRange())}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("choose another --port").doesNotContain("\tat ");
        }
        assertThat(org.apache.ignite.Ignition.allGrids()).as("the node started for it is stopped again").isEmpty();
    }

    @Test
    void aSecondServeOnTheSameDataDirectoryLeavesTheRunningOnesUploadsAlone(@TempDir Path dir) throws Exception {
        int discovery = ClusterPorts.discoveryRange();
        Path data = dir.resolve("data");
        try (MolscreenNode running = MolscreenNode.start(NodeSettings.serve("127.0.0.1", discovery, data, 256))) {
            Path upload = Files.createDirectories(data.resolve("uploads").resolve("u1")).resolve("lib.smi");
            Files.writeString(upload, "CCO ethanol\n");
            StringWriter err = new StringWriter();
            int code = Main.execute(new String[] {"serve", "--data-dir", data.toString(), "--port", "0",
                    "--discovery-port", Integer.toString(discovery)}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isNotZero();
            assertThat(upload).as("the running serve's upload").exists();
            assertThat(running.serverCount()).isEqualTo(1);
        }
    }

    @Test
    void helpNamesEveryLimitWithItsDefault() {
        StringWriter out = new StringWriter();
        assertThat(Main.execute(new String[] {"serve", "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--max-record-kb=KB").contains("(default: 1024)")
                .contains("--max-records-per-library=N").contains("(default: 100000000)")
                .contains("--max-libraries-per-user=N").contains("(default: 100)")
                .contains("--max-records-per-user=N").contains("--max-uploads-per-user=N").contains("--max-event-streams-per-user=N");
    }
}
