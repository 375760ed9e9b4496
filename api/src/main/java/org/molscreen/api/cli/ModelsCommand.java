package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelCardJson;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code molscreen models}: the bundled and user models with their cards. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models molscreen can use (bundled, and .zip files in the user model directory), or print one card as JSON.")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Print this model's card as JSON.")
    String name;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRegistry registry = run.registry();
        if (name != null) {
            out.println(ModelCardJson.write(registry.load(name).card()));
            return ExitCode.OK;
        }
        if (registry.entries().isEmpty()) {
            out.println("no models: none bundled and none in the user model directory");
            return ExitCode.OK;
        }
        out.println(String.format(Locale.ROOT, "%-12s %-8s %-25s %-14s %-22s %s", "name", "source", "kind", "target", "inputs", "endpoints / test metrics"));
        for (ModelRegistry.Entry entry : registry.entries()) {
            ScreeningModel model = registry.load(entry.name());
            ModelCard card = model.card();
            out.println(String.format(Locale.ROOT, "%-12s %-8s %-25s %-14s %-22s %d endpoints: %s", card.name(),
                    entry.source().name().toLowerCase(Locale.ROOT), card.kind().registryName(),
                    card.target() == null ? "" : card.target(), inputs(model),
                    card.endpoints().size(), headline(card.metrics().get("test"), card)));
        }
        return ExitCode.OK;
    }

    /** The fingerprint, with "+counts" and "+desc" when any network reads fingerprint counts or descriptors. */
    private static String inputs(ScreeningModel model) {
        boolean descriptors = model.encoders().stream().anyMatch(e -> e.descriptorCount() > 0);
        return model.card().featurization().fingerprint() + (model.readsCounts() ? "+counts" : "") + (descriptors ? "+desc" : "");
    }

    /**
     * The test metrics a user compares models by: the overall ones, then the ROC-AUC against any label that is
     * not an endpoint (an affinity model trained with a class column, e.g. BACE's, records how well its
     * predicted affinity separates actives), whatever that column was called.
     */
    private static String headline(Map<String, Double> test, ModelCard card) {
        if (test == null || test.isEmpty()) {
            return "(no test metrics)";
        }
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("roc_auc", "pr_auc", "rmse", "r2", "spearman"));
        java.util.Set<String> endpoints = new java.util.HashSet<>();
        card.endpoints().forEach(endpoint -> endpoints.add(endpoint.name()));
        test.keySet().stream().sorted().filter(key -> key.endsWith("/roc_auc"))
                .filter(key -> !endpoints.contains(key.substring(0, key.length() - "/roc_auc".length()))).forEach(keys::add);
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            Double value = test.get(key);
            if (value != null) {
                text.append(key).append(' ').append(String.format(Locale.ROOT, "%.3f", value)).append("  ");
            }
        }
        return text.toString().strip();
    }
}
