package org.molscreen.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Reference files that molscreen did not write: Debian's {@code rdkit-data} package and the shared
 * data sets beside the repository. A test that needs one skips with a clear message when it is absent,
 * except on CI ({@code CI=true}), where a missing reference is a broken set-up and fails the build.
 */
public final class ReferenceData {

    /** Where Debian's rdkit-data package installs its files. */
    public static final Path RDKIT_DATA = Path.of("/usr/share/RDKit/Data");

    private ReferenceData() {
    }

    /** A file of Debian's rdkit-data package, e.g. {@code NCI/first_5K.smi}. */
    public static Path rdkitData(String relative) {
        return require(RDKIT_DATA.resolve(relative), "install Debian's rdkit-data package (apt-get install -y rdkit-data)");
    }

    /** A file of {@code ../shared/datasets} (looked up from the module directory and from the repository root). */
    public static Path sharedDataset(String name) {
        Path fromModule = Path.of("..", "..", "shared", "datasets", name);
        Path fromRoot = Path.of("..", "shared", "datasets", name);
        Path found = Files.exists(fromModule) ? fromModule : fromRoot;
        return require(found.toAbsolutePath().normalize(), "place the shared data sets in ../shared/datasets beside the repository");
    }

    /** True on CI ({@code CI=true}), where every reference test must run rather than skip. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Path require(Path path, String remedy) {
        if (Files.isReadable(path)) {
            return path;
        }
        String message = "reference file " + path + " is missing: " + remedy;
        if (onCi()) {
            Assertions.fail(message + " (CI=true: reference tests must run)");
        }
        Assumptions.assumeTrue(false, message + "; skipping");
        return path;
    }
}
