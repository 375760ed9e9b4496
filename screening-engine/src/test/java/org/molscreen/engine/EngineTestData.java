package org.molscreen.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared data sets beside the repository ({@code ../shared/datasets}), for screening-engine tests; the
 * same rule as chem-core's test helper, whose class is not visible here. A test that needs a missing file
 * skips with a clear message, except on CI ({@code CI=true}), where a missing file is a broken set-up and fails.
 */
public final class EngineTestData {

    private EngineTestData() {
    }

    /** A file of {@code ../shared/datasets}, looked up from the module directory and from the repository root. */
    public static Path sharedDataset(String name) {
        Path fromModule = Path.of("..", "..", "shared", "datasets", name);
        Path fromRoot = Path.of("..", "shared", "datasets", name);
        Path found = (Files.exists(fromModule) ? fromModule : fromRoot).toAbsolutePath().normalize();
        if (Files.isReadable(found)) {
            return found;
        }
        String message = "shared data set " + found + " is missing: place the shared data sets in ../shared/datasets beside the repository";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: data set tests must run)");
        }
        Assumptions.assumeTrue(false, message + "; skipping");
        return found;
    }
}
