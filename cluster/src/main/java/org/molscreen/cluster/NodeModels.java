package org.molscreen.cluster;

import java.util.ArrayList;
import java.util.List;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;

/**
 * The models a node scores with, loaded once per process and kept: a screening job on a partition asks
 * here instead of reading model files. Every node runs the same jar, so the bundled models are the same
 * everywhere; user models come from each node's model directory.
 */
final class NodeModels {

    private static final ModelRegistry REGISTRY = ModelRegistry.open(ModelRegistry.defaultUserDirectory());

    private NodeModels() {
    }

    static List<ScreeningModel> load(List<String> names) {
        List<ScreeningModel> models = new ArrayList<>(names.size());
        for (String name : names) {
            models.add(REGISTRY.load(name));
        }
        return models;
    }
}
