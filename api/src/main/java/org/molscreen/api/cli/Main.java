package org.molscreen.api.cli;

import java.io.PrintWriter;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.error.MolscreenException;
import org.molscreen.engine.screen.InvalidScreenException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code molscreen} command. Each verb is one class registered here. Errors the user can act on
 * (unreadable input, bad options) are printed as one line without a stack trace; exit codes are
 * documented in {@link ExitCode}.
 */
@Command(name = "molscreen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Virtual screening engine: featurise compound libraries, score them with models, rank hits.",
        subcommands = {ServeCommand.class, FeaturizeCommand.class, ScreenCommand.class, WorkerCommand.class, ClusterTlsCommand.class, TokensCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ModelsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // java -jar honours the manifest's Add-Opens but not system properties: set what jvm.options sets
        System.setProperty("java.awt.headless", "true");
        System.setProperty("IGNITE_UPDATE_NOTIFIER", "false");
        // CDK logs every unreadable molfile line to stderr; molscreen reports bad records itself, once, with location
        System.setProperty("cdk.logging.level", "fatal");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests in-process). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            String verb = cmd.getCommandName();
            if (exception instanceof InvalidInputException) {
                cmd.getErr().println("molscreen " + verb + ": error: " + exception.getMessage());
                return ExitCode.UNREADABLE_INPUT;
            }
            if (exception instanceof InvalidScreenException invalid) {
                cmd.getErr().println("molscreen " + verb + ": error: " + invalid.field().option() + ": " + exception.getMessage());
                return ExitCode.USAGE;
            }
            if (exception instanceof MolscreenException || exception instanceof IllegalArgumentException) {
                cmd.getErr().println("molscreen " + verb + ": error: " + exception.getMessage());
                return ExitCode.USAGE;
            }
            cmd.getErr().println("molscreen " + verb + ": internal error: " + exception);
            exception.printStackTrace(cmd.getErr());
            return ExitCode.INTERNAL;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
