package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.FingerprintType;
import org.molscreen.engine.model.ModelFile;
import org.molscreen.engine.model.ModelKind;
import org.molscreen.engine.split.SplitFractions;
import org.molscreen.engine.split.SplitKind;
import org.molscreen.engine.train.TrainerConfig;
import org.molscreen.engine.train.TrainingRequest;
import org.molscreen.engine.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code molscreen train}: train a fingerprint network ensemble and write a model file with its card. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a model (an ensemble of fingerprint networks) from a labelled CSV/SDF and write it as one .zip with its JSON card.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "Training data: CSV/TSV/SDF (optionally .gz) with SMILES and label columns.")
    Path data;

    @Option(names = "--name", required = true, description = "Registry name of the model, e.g. bace1.")
    String name;

    @Option(names = "--kind", required = true, description = "regression, classification or multitask_classification.")
    String kind;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column (repeat for multitask); becomes the endpoint name.")
    List<String> labels;

    @Option(names = "--unit", description = "Unit of the endpoints (default: probability for classification, else the label name).")
    String unit;

    @Option(names = "--target", description = "Target or assay panel, for the card.")
    String target;

    @Mixin
    LibraryOptions library = new LibraryOptions();

    @Option(names = "--split", defaultValue = "scaffold", description = "random, scaffold or column (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--split-col", paramLabel = "C", description = "Column with train/valid/test for --split column.")
    String splitColumn;

    @Option(names = "--fractions", defaultValue = "0.8,0.1,0.1", description = "Train, validation, test fractions (default: ${DEFAULT-VALUE}).")
    String fractions;

    @Option(names = "--test-file", paramLabel = "F", description = "External test set with the same columns (then --fractions needs test 0).")
    Path testFile;

    @Option(names = "--class-col", paramLabel = "C", description = "Binary column to score a regression model's output against by ROC-AUC.")
    String classColumn;

    @Option(names = "--decoys", paramLabel = "LIBRARY", description = "Library whose compounds are added to training as presumed inactives (affinity models).")
    Path decoys;

    @Option(names = "--decoy-count", defaultValue = "0") int decoyCount;
    @Option(names = "--decoy-label", defaultValue = "4.0", description = "Label of every decoy (default: ${DEFAULT-VALUE}, i.e. pIC50 4 = 100 µM).") float decoyLabel;

    @Option(names = "--enrichment-decoys", paramLabel = "LIBRARY", description = "Library to hide the test actives in for an enrichment study (affinity models).")
    Path enrichmentDecoys;

    @Option(names = "--enrichment-count", defaultValue = "20000") int enrichmentCount;

    @Option(names = "--active-threshold", description = "Label from which a training compound is an active (regression; default 7.0).")
    Double activeThreshold;

    @Option(names = "--min-similarity", defaultValue = "0.3", description = "Applicability domain: nearest training compound at least this Tanimoto (default: ${DEFAULT-VALUE}).")
    double minSimilarity;

    @Option(names = "--fingerprint", defaultValue = "ecfp4") String fingerprint;
    @Option(names = "--bits", defaultValue = "2048") int bits;

    @Option(names = "--hidden", defaultValue = "256", split = ",", description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--dropout", defaultValue = "0.3", description = "Probability of dropping each input of a hidden layer in training: "
            + "the fingerprint and descriptors, and the units between hidden layers; the last hidden layer's units are not dropped (default: ${DEFAULT-VALUE}).")
    double dropout;
    @Option(names = "--lr", defaultValue = "0.001") double learningRate;
    @Option(names = "--l2", defaultValue = "0.00001") double l2;
    @Option(names = "--batch", defaultValue = "128") int batch;
    @Option(names = "--epochs", defaultValue = "60") int epochs;
    @Option(names = "--patience", defaultValue = "6") int patience;
    @Option(names = "--ensemble", defaultValue = "5") int ensemble;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--positive-weight", defaultValue = "1.0") double positiveWeight;
    @Option(names = "--descriptors", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Feed the networks molscreen's 13 standardised descriptors after the fingerprint (default: ${DEFAULT-VALUE}; --no-descriptors for the fingerprint alone). The search may choose otherwise.")
    boolean descriptors;
    @Option(names = "--counts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Feed the networks log(1 + count) of each fingerprint bit (how many atom environments fell on it) instead of 1 (default: ${DEFAULT-VALUE}; --no-counts for bits). The search may choose otherwise; off with --decoys.")
    boolean counts;
    @Option(names = "--search", defaultValue = "8", paramLabel = "N",
            description = "Candidate settings (widths, depth, dropout, learning rate, inputs, class weight) tried on the validation part, one network each, before the ensemble is trained with the best; the first is the settings given here; 1 turns the search off (default: ${DEFAULT-VALUE}).")
    int search;
    @Option(names = "--search-margin", defaultValue = "1.0", paramLabel = "SE",
            description = "How many standard errors of their validation score (ROC-AUC by Hanley and McNeil, RMSE / sqrt(2n)) "
                    + "a candidate must beat the settings given here by to replace them; a narrower winner may only have been "
                    + "luckier on the validation part. 0: the best score wins (default: ${DEFAULT-VALUE}).")
    double searchMargin;
    @Option(names = "--threads", paramLabel = "N") Integer threads;
    @Option(names = {"-v", "--verbose"}, description = "Print every epoch.") boolean verbose;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL.zip") Path out;

    @Option(names = "--split-out", paramLabel = "FILE.csv",
            description = "Also write every row (after de-duplication) with its part and labels, to train a baseline on the same split.")
    Path splitOut;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ModelKind modelKind = ModelKind.fromName(kind);
        double[] parts = Arrays.stream(fractions.split(",")).mapToDouble(Double::parseDouble).toArray();
        if (parts.length != 3) {
            throw new IllegalArgumentException("--fractions needs three numbers, e.g. 0.8,0.1,0.1");
        }
        TrainingRequest request = new TrainingRequest(name, modelKind, target, data,
                library.readOptions(), labels,
                unit != null ? unit : modelKind.classification() ? "probability" : labels.get(0),
                SplitKind.fromName(split), splitColumn, new SplitFractions(parts[0], parts[1], parts[2]), testFile,
                classColumn, decoys, decoyCount, decoyLabel, enrichmentDecoys, enrichmentCount,
                modelKind.classification() ? null : activeThreshold == null ? 7.0 : activeThreshold, minSimilarity,
                FingerprintSpec.of(FingerprintType.fromName(fingerprint), bits),
                new TrainerConfig(hidden, dropout, learningRate, l2, batch, epochs, patience, ensemble, seed, positiveWeight,
                        descriptors, counts, search, searchMargin),
                commandLine(spec.commandLine().getParseResult().originalArgs()));
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // every epoch on a terminal as one rewriting line (network, epoch, validation loss); printed only with -v
        TerminalStatusLine status = new TerminalStatusLine(err, !verbose && System.console() != null);
        TrainingRun.Result result;
        try {
            result = new TrainingRun(workers).run(request, line -> {
                if (verbose || !line.contains(" epoch ")) {
                    status.println("train: " + line);
                } else {
                    status.show("train: " + line);
                }
            });
        } finally {
            status.clear();
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        ModelFile.write(result.model(), out);
        if (splitOut != null) {
            result.writeSplit(splitOut);
            err.println("train: wrote the split to " + splitOut);
        }
        err.println("train: wrote " + out + " (" + Files.size(out) / 1024 + " KiB), epochs kept per network "
                + result.model().card().trainer().epochsTrained());
        return ExitCode.OK;
    }

    /**
     * The command as a user can paste it into a shell to train the model again, for the card: picocli's original
     * arguments start with the subcommand's own name, and an argument with blanks or shell characters (a label
     * column such as {@code measured log solubility}) is single-quoted so it stays one argument.
     */
    static String commandLine(List<String> originalArgs) {
        List<String> args = !originalArgs.isEmpty() && originalArgs.get(0).equals("train")
                ? originalArgs.subList(1, originalArgs.size()) : originalArgs;
        StringBuilder line = new StringBuilder("molscreen train");
        for (String arg : args) {
            line.append(' ').append(arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
