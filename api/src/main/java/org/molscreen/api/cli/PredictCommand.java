package org.molscreen.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.molscreen.chem.featurize.FixedDecimals;
import org.molscreen.chem.featurize.FeaturizationSummary;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.predict.LibraryPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code molscreen predict}: one row per input record with the model's endpoints, one column each, named
 * exactly as the endpoints; then the ensemble spread ({@code <endpoint>_std}), the applicability domain
 * ({@code nearest_training}, {@code in_domain}) and {@code error}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict every record of a library with one model.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library = new LibraryOptions();
    @Mixin
    RunOptions run = new RunOptions();

    @Parameters(index = "0", paramLabel = "INPUT", description = "The library file (.smi, .csv, .tsv, .sdf, optionally .gz).")
    Path input;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "M", description = "Model name (see 'molscreen models').")
    String modelName;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.csv", description = "Output CSV.")
    Path out;






    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ScreeningModel model = run.registry().load(modelName);
        ModelCard card = model.card();
        ReadOptions options = library.readOptions();
        int workers = run.workers();
        List<String> header = new ArrayList<>(List.of("id", "smiles"));
        card.endpoints().forEach(e -> header.add(e.name()));
        card.endpoints().forEach(e -> header.add(e.name() + "_std"));
        header.addAll(List.of("nearest_training", "in_domain", "error"));
        FeaturizationSummary[] summary = new FeaturizationSummary[1];
        Path target = OutputFile.write(out, writer -> {
            try (LibraryReader reader = LibraryReader.open(input, options);
                 CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
                 TerminalProgress progress = TerminalProgress.open("predict", false)) {
                csv.printRecord(header);
                // only what the table shows and the model reads: no PAINS alerts, descriptors only for a model that reads them
                summary[0] = new LibraryPredictor(List.of(model), workers, m -> ScreeningModel.Domain.FULL,
                        LibraryPredictor.forPredictionTable(List.of(model))).run(reader, predicted -> {
                    try {
                        csv.printRecord(row(card, header.size(), predicted));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, progress);
            }
        });
        err.println(String.format(Locale.ROOT, "predict: %d records, %d errors, model %s -> %s in %.2f s (%.0f records/s)",
                summary[0].records(), summary[0].errors(), card.name(), target, summary[0].seconds(), summary[0].rate()));
        return ExitCode.OK;
    }

    /** One output row: id, SMILES, endpoints, their spread, domain, error. */
    private static List<String> row(ModelCard card, int width, org.molscreen.engine.predict.PredictedRecord predicted) {
        List<String> row = new ArrayList<>(width);
        row.add(predicted.record().id());
        FeaturizedMolecule molecule = predicted.record() instanceof PartialMolecule partial ? partial.features()
                : predicted.record() instanceof FeaturizedMolecule whole ? whole : null;
        if (molecule != null) {
            CompoundPrediction p = predicted.predictions().get(card.name());
            row.add(molecule.smiles());
            for (int e = 0; e < card.endpoints().size(); e++) {
                row.add(FixedDecimals.format(p.mean(e), 4));
            }
            for (int e = 0; e < card.endpoints().size(); e++) {
                row.add(FixedDecimals.format(p.std(e), 4));
            }
            row.add(FixedDecimals.format(p.nearestTraining(), 3));
            row.add(Boolean.toString(p.inDomain()));
            row.add("");
        } else {
            while (row.size() < width - 1) {
                row.add("");
            }
            row.add(((RejectedRecord) predicted.record()).error().message());
        }
        return row;
    }
}
