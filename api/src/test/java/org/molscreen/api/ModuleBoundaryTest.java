package org.molscreen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The api module speaks to the cluster only through the cluster module's typed API ({@code MolscreenNode},
 * {@code ScreeningJobs}, {@code LibraryStore}, {@code ClusterInfo}): no Ignite type in its code, so Ignite
 * can change behind that boundary without touching HTTP or the command line.
 */
class ModuleBoundaryTest {

    @Test
    void noApiSourceUsesIgniteDirectly() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    return Files.readString(file).contains("org.apache.ignite");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).as("api sources naming org.apache.ignite").isEmpty();
    }
}
