package org.molscreen.api.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file through {@code NAME.partial} and renames it into place at the end, so a failed or
 * interrupted run never leaves a half-written file that looks complete, and never touches an existing
 * output before the new one is whole.
 */
final class OutputFile {

    /** What goes into the file. */
    interface Body {
        void writeTo(Writer out) throws Exception;
    }

    private OutputFile() {
    }

    /** Writes the file; returns its absolute path. */
    static Path write(Path target, Body body) throws Exception {
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            body.writeTo(out);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return absolute;
    }
}
