package org.molscreen.api.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.molscreen.chem.featurize.FeatureTableWriter;
import org.molscreen.chem.featurize.FeaturizationSummary;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.featurize.LibraryFeaturizer;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.FingerprintType;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code molscreen featurize}: one CSV row of features per input record. The output is written to a
 * temporary file beside the target and moved into place at the end, so an interrupted run never leaves
 * a half-written file that looks complete.
 */
@Command(name = "featurize",
        description = {"Compute canonical SMILES, descriptors, rule checks, PAINS alerts and a fingerprint for every record of a library.",
            "Input: .smi, .csv, .tsv or .sdf, optionally .gz. One output row per input record; bad records get an 'error' and empty features."},
        mixinStandardHelpOptions = true, sortOptions = false)
final class FeaturizeCommand implements Callable<Integer> {

    private static final int ERRORS_SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library = new LibraryOptions();

    @Parameters(index = "0", paramLabel = "INPUT", description = "The library file.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.csv", description = "Output CSV ('-' for standard output).")
    String out;

    @Option(names = "--fingerprint", paramLabel = "TYPE", defaultValue = "ecfp4",
            description = "ecfp4, ecfp6, fcfp4, maccs or none (default: ${DEFAULT-VALUE}).")
    String fingerprint;

    @Option(names = "--bits", paramLabel = "N", defaultValue = "2048", description = "1024, 2048 or 4096 for circular fingerprints (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--no-standardize", description = "Compute everything on each record exactly as given (no salt stripping or neutralisation).")
    boolean noStandardize;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        FingerprintSpec fingerprintSpec = "none".equalsIgnoreCase(fingerprint)
                ? null : FingerprintSpec.of(FingerprintType.fromName(fingerprint), bits);
        ReadOptions options = library.readOptions();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + workers);
        }
        LibraryFeaturizer featurizer = new LibraryFeaturizer(new FeaturizerOptions(fingerprintSpec, !noStandardize), workers);

        List<String> firstErrors = new ArrayList<>();
        FeaturizationSummary summary;
        boolean toStdout = "-".equals(out);
        Path target = toStdout ? null : Path.of(out).toAbsolutePath();
        Path partial = toStdout ? null : target.resolveSibling(target.getFileName() + ".partial");
        // Opening the input first means an unreadable input never creates or truncates the output.
        try (LibraryReader reader = LibraryReader.open(input, options);
             Writer writer = toStdout ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                     : openOutput(partial);
             FeatureTableWriter table = new FeatureTableWriter(writer, fingerprintSpec);
             TerminalProgress progress = TerminalProgress.open("featurize", quiet)) {
            summary = featurizer.run(reader, record -> {
                table.write(record);
                if (record instanceof RejectedRecord rejected && firstErrors.size() < ERRORS_SHOWN) {
                    firstErrors.add(rejected.error().message());
                }
            }, progress);
        } catch (UncheckedIOException e) {
            deletePartial(partial);
            err.println("molscreen featurize: error: cannot write " + out + ": " + e.getCause().getMessage());
            return ExitCode.OUTPUT_FAILED;
        } catch (RuntimeException | InterruptedException e) {
            deletePartial(partial);
            throw e;
        }
        if (!toStdout) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (!quiet) {
            for (String message : firstErrors) {
                err.println("  bad record: " + message);
            }
            if (summary.errors() > firstErrors.size()) {
                err.println("  ... and " + (summary.errors() - firstErrors.size()) + " more bad records (see the 'error' column)");
            }
            err.println(String.format(Locale.ROOT, "featurize: %d records, %d featurised, %d errors -> %s in %.2f s (%.0f records/s, %d threads)",
                    summary.records(), summary.records() - summary.errors(), summary.errors(),
                    toStdout ? "standard output" : target, summary.seconds(), summary.rate(), workers));
            if (summary.records() == 0) {
                err.println("featurize: the input holds no records");
            }
        }
        return ExitCode.OK;
    }

    private static void deletePartial(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the error being reported matters more than a leftover temporary file
            }
        }
    }

    private static Writer openOutput(Path partial) {
        try {
            return Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
