package org.molscreen.api.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where uploaded libraries wait while they are ingested: each upload in a directory of its own, so the file
 * keeps the user's name (its extension tells the format) and two uploads of the same name never meet.
 */
public final class UploadDirectory {

    private final Path root;

    public UploadDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new, not yet created, path for an upload named {@code fileName} (reduced to safe characters). */
    public Path newFile(String fileName) {
        // the last path segment, cut by hand: Path.of refuses some names (a NUL byte) with an exception
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = name.isBlank() ? "library" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "library" + safe;
        }
        return root.resolve(UUID.randomUUID().toString()).resolve(safe);
    }

    /** Removes an upload and the directory made for it. */
    public void discard(Path upload) {
        removeTree(upload.toAbsolutePath().getParent(), true);
    }

    /**
     * Removes every upload, as when a server starts again after stopping mid-ingest: those libraries are marked
     * failed (the user uploads again), so their files only take space.
     */
    public void clear() {
        removeTree(root, false);
    }

    private static void removeTree(Path dir, boolean itself) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                if (itself || !path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove uploads in " + dir, e);
        }
    }
}
