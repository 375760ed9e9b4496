package org.molscreen.api.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Libraries for API and web page tests, from the repository's example library (real drugs, two bad records). */
public final class ApiTestLibraries {

    private ApiTestLibraries() {
    }

    public static Path examples() {
        Path here = Path.of("").toAbsolutePath();
        Path file = here.resolve("examples/library.smi");
        return Files.exists(file) ? file : here.getParent().resolve("examples/library.smi");
    }

    /** The example library's good records repeated {@code copies} times with distinct ids. */
    public static Path repeated(Path dir, int copies) throws IOException {
        List<String> molecules = Files.readAllLines(examples()).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.contains(" bad_"))
                .map(line -> line.split("\\s+")[0]).toList();
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (int m = 0; m < molecules.size(); m++) {
                lines.add(molecules.get(m) + " c" + c + "-m" + m);
            }
        }
        Path file = dir.resolve("repeated-" + copies + ".smi");
        Files.write(file, lines);
        return file;
    }
}
