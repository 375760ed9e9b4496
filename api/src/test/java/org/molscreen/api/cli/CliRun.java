package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One {@code molscreen} command run in this JVM, as a user would see it: exit code, standard output, standard error.
 *
 * @param exitCode what the process would exit with
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
