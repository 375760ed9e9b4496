package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.HitListWriter;
import org.molscreen.testsupport.Eventually;

/** What the process-level cluster tests share: a {@code ./molscreen worker} process and hit-list comparison. */
final class WorkerProcesses {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private WorkerProcesses() {
    }

    /**
     * Starts {@code ./molscreen worker} joining {@code node} on discovery port {@code port}, logging to
     * {@code log}, and waits until the cluster counts two nodes.
     */
    static Process startAndJoin(MolscreenNode node, String join, int port, Path log) throws IOException, InterruptedException {
        Process worker = new ProcessBuilder(ROOT.resolve("molscreen").toString(), "worker", "--join", join,
                "--port", Integer.toString(port), "--memory", "256", "--in-memory")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Eventually.await("the worker process to join", Duration.ofSeconds(90), () -> node.serverCount() >= 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its log:\n" + Files.readString(log), e);
        }
        assertThat(node.serverCount()).as(Files.readString(log)).isEqualTo(2);
        return worker;
    }

    /** A hit list as the CSV a user gets: two hit lists are the same when these are equal. */
    static String csv(HitList hits) throws IOException {
        StringWriter out = new StringWriter();
        HitListWriter.write(hits, HitListWriter.Format.CSV, out);
        return out.toString();
    }
}
