package org.molscreen.api.cli;

import java.nio.file.Path;
import org.molscreen.engine.model.ModelRegistry;
import picocli.CommandLine.Option;

/** Where models come from and how many threads to use: shared by the verbs that run models (a picocli mixin). */
final class RunOptions {

    @Option(names = "--models-dir", paramLabel = "DIR", description = "User model directory (default: $MOLSCREEN_MODELS or ~/.molscreen/models).")
    Path modelsDir;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    ModelRegistry registry() {
        return ModelRegistry.open(modelsDir == null ? ModelRegistry.defaultUserDirectory() : modelsDir);
    }

    int workers() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + workers);
        }
        return workers;
    }
}
