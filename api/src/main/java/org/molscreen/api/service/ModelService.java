package org.molscreen.api.service;

import java.util.List;
import java.util.Map;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelRegistry;

/**
 * The models a job may use, with their cards: the bundled ones and the user directory's (the same registry
 * every node of the cluster reads). Each model is read once.
 */
public final class ModelService {

    private final ModelRegistry registry;

    public ModelService(ModelRegistry registry) {
        this.registry = registry;
    }

    public List<ModelRegistry.Entry> entries() {
        return registry.entries();
    }

    /** A model's card. */
    public ModelCard card(String name) {
        if (registry.entry(name).isEmpty()) {
            throw new RequestRefused(RequestRefused.Reason.NOT_FOUND, new ModelRegistry.UnknownModelException(name,
                    registry.entries().stream().map(ModelRegistry.Entry::name).toList()).getMessage(), Map.of("model", name));
        }
        return registry.load(name).card();
    }
}
