package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.molscreen.chem.alert.AlertCatalog;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.HitListWriter;
import org.molscreen.engine.screen.ScreenRequest;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code molscreen screen}: rank a library by a model's endpoint, with filters, into a hit list. */
@Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a library with one or more models, apply filters, and write the top N hits ranked by one endpoint.")
final class ScreenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library = new LibraryOptions();
    @Mixin
    RunOptions run = new RunOptions();

    @Parameters(index = "0", paramLabel = "INPUT", description = "The library (.smi, .csv, .tsv, .sdf, optionally .gz).")
    Path input;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "M", description = "A model to run (repeatable).")
    List<String> models;

    @Option(names = "--rank-by", paramLabel = "M[:ENDPOINT]", description = "Model and endpoint to rank by (default: the first model's first endpoint).")
    String rankBy;

    @Option(names = "--top", defaultValue = "" + ScreenRequest.DEFAULT_TOP, description = "Hits to keep (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--filter", paramLabel = "F", description = "ro5, veber or pains (repeatable).")
    List<String> filters;

    @Option(names = "--max-tox", paramLabel = "P", description = "Drop compounds whose probability on any endpoint of any other classification model exceeds P.")
    Double maxTox;

    @Option(names = "--similar-to", paramLabel = "SMILES", description = "Keep compounds similar to this reference active.")
    String similarTo;

    @Option(names = "--min-sim", defaultValue = "" + ScreenRequest.DEFAULT_MIN_SIMILARITY, description = "Least Tanimoto similarity to --similar-to (default: ${DEFAULT-VALUE}).")
    double minSimilarity;

    @Option(names = "--keep-filtered", description = "Keep filtered compounds in the ranking, with the reason in a 'filtered' column.")
    boolean keepFiltered;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Hit list: .csv, .sdf or .json.")
    Path out;


    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // the hits' PAINS alerts need the compiled catalogue (0.2 s, one thread); reading the models takes one thread
        // for longer, so the two run side by side instead of one after the other
        Thread catalogue = new Thread(AlertCatalog::pains, "pains-catalogue");
        catalogue.setDaemon(true);
        catalogue.start();
        ModelRegistry registry = run.registry();
        List<ScreeningModel> loaded = new ArrayList<>();
        for (String name : models) {
            loaded.add(registry.load(name));
        }
        ScreenSettings settings = new ScreenRequest(models, rankBy, top, filters, maxTox, similarTo, minSimilarity, keepFiltered)
                .resolve(name -> loaded.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().card());
        ReadOptions options = library.readOptions();
        int workers = run.workers();
        HitList hits;
        try (LibraryReader reader = LibraryReader.open(input, options);
             TerminalProgress progress = TerminalProgress.open("screen", false)) {
            hits = new Screening(workers).run(reader, settings, loaded, progress);
        }
        HitList result = hits;
        Path target = OutputFile.write(out, writer ->
                HitListWriter.write(result, HitListWriter.Format.forFileName(out.getFileName().toString()), writer));
        err.println(String.format(Locale.ROOT, "screen: %d records, %d errors, %d filtered, %d hits ranked by %s -> %s in %.2f s (%.0f records/s)",
                hits.records(), hits.errors(), hits.filtered(), hits.hits().size(), rankBy == null ? settings.rankModel() : rankBy, target,
                hits.seconds(), hits.records() / Math.max(1e-9, hits.seconds())));
        return ExitCode.OK;
    }
}
