package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.molscreen.api.access.AccessTokens;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code molscreen tokens add}: issues an API token; the file keeps only its hash, the token is printed once. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage API tokens for 'serve --tokens'.",
        subcommands = TokensCommand.Add.class)
final class TokensCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Issue a token for a user with a role and add its hash to the tokens file; prints the token (only now).")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The tokens file (created if missing).")
        Path file;

        @Option(names = "--user", required = true, description = "User name: lower-case letters, digits, '-', '_'.")
        String user;

        @Option(names = "--role", required = true, description = "chemist, pipeline or admin.")
        String role;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String token = AccessTokens.issue(file, new Caller(user, Role.fromName(role)));
            out.println(token);
            spec.commandLine().getErr().println("molscreen tokens: added a " + Role.fromName(role).wireName() + " token for " + user
                    + " to " + file + "; keep the token above, it is not stored");
            return ExitCode.OK;
        }
    }
}
