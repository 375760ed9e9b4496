package org.molscreen.cluster;

import java.util.HashMap;
import java.util.Map;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;

/**
 * One {@link Featurizer} per Ignite thread and featurisation, created on first use: a featurizer is not thread-safe
 * and costs a few milliseconds to create, and stream receivers and partition jobs run many times on the same
 * threads (a screen that featurises stored compounds again runs one job per partition, 128 per library).
 */
final class PerThreadFeaturizers {

    private record Kind(FeaturizerOptions options, FeatureSelection selection) {
    }

    private static final ThreadLocal<Map<Kind, Featurizer>> FEATURIZERS = ThreadLocal.withInitial(HashMap::new);

    private PerThreadFeaturizers() {
    }

    static Featurizer get(FeaturizerOptions options, FeatureSelection selection) {
        return FEATURIZERS.get().computeIfAbsent(new Kind(options, selection), k -> new Featurizer(k.options(), k.selection()));
    }
}
