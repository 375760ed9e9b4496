package org.molscreen.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.molscreen.engine.data.LabelledSet;
import org.molscreen.engine.data.LabelledSetReader;
import org.molscreen.engine.evaluate.Evaluation;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ScreeningModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code molscreen evaluate}: a model's metrics on a labelled file, printed as JSON. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a labelled file with a model and print the metrics as JSON (labels default to columns named as the endpoints).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library = new LibraryOptions();
    @Mixin
    RunOptions run = new RunOptions();

    @Parameters(index = "0", paramLabel = "DATA") Path data;
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "M") String modelName;
    @Option(names = "--label", paramLabel = "COL", description = "Label columns in endpoint order (default: the endpoint names).") List<String> labels;

    @Override
    public Integer call() throws Exception {
        ScreeningModel model = run.registry().load(modelName);
        ModelCard card = model.card();
        List<String> columns = labels != null ? labels : card.endpoints().stream().map(ModelCard.Endpoint::name).toList();
        if (columns.size() != card.endpoints().size()) {
            throw new IllegalArgumentException("model " + card.name() + " has " + card.endpoints().size() + " endpoints, "
                    + columns.size() + " label columns given");
        }
        int workers = run.workers();
        LabelledSet set = new LabelledSetReader(model.fingerprint(), workers)
                .read(data, library.readOptions(), null, columns, null);
        List<CompoundPrediction> predictions = model.predict(set.inputs());
        float[][] predicted = new float[set.size()][columns.size()];
        for (int i = 0; i < set.size(); i++) {
            for (int e = 0; e < columns.size(); e++) {
                predicted[i][e] = (float) predictions.get(i).mean(e);
            }
        }
        List<String> endpoints = new ArrayList<>(card.endpoints().stream().map(ModelCard.Endpoint::name).toList());
        Evaluation evaluation = Evaluation.of(endpoints, card.kind().classification(), predicted, set.labels());
        long inDomain = predictions.stream().filter(CompoundPrediction::inDomain).count();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", card.name());
        report.put("data", set.provenance());
        report.put("rows_used", set.size());
        report.put("rows_rejected", set.rejected().size());
        report.put("in_domain_fraction", set.size() == 0 ? null : (double) inDomain / set.size());
        report.put("metrics", evaluation.namedValues());
        spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        return ExitCode.OK;
    }
}
