package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code serve} refuses what a user can fix with a plain message and exit code 2, and leaves no node behind. */
class ServeCommandTest {

    @Test
    void aTakenApiPortIsAPlainError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new String[] {"serve", "--in-memory", "--port", Integer.toString(taken.getLocalPort()),
                    "--discovery-port", "47980"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("choose another --port").doesNotContain("\tat ");
        }
        assertThat(org.apache.ignite.Ignition.allGrids()).as("the node started for it is stopped again").isEmpty();
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
