package org.molscreen.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.molscreen.error.MolscreenException;

/**
 * The models molscreen can use: those bundled in the jar (listed in
 * {@code /org/molscreen/engine/models/index.txt}) and the {@code .zip} model files of a user directory. A
 * user model with a bundled model's name replaces it (that is how a retrained model is tried), and the
 * listing says where each comes from. Models are loaded on first use and kept: loading is per process,
 * not per job. Thread-safe.
 */
public final class ModelRegistry {

    static final String BUNDLED_INDEX = "/org/molscreen/engine/models/index.txt";

    /** Where a model comes from. */
    public enum Source { BUNDLED, USER }

    /** One available model. */
    public record Entry(String name, Source source, String location) {
    }

    private final Map<String, Entry> entries;
    private final Map<String, ScreeningModel> loaded = new ConcurrentHashMap<>();

    private ModelRegistry(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Bundled models plus those in {@code userDirectory} (which may be null or absent). */
    public static ModelRegistry open(Path userDirectory) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String name : bundledNames()) {
            entries.put(name, new Entry(name, Source.BUNDLED, "/org/molscreen/engine/models/" + name + ".zip"));
        }
        if (userDirectory != null && Files.isDirectory(userDirectory)) {
            try (Stream<Path> files = Files.list(userDirectory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".zip"))
                        .sorted(Comparator.comparing(Path::toString))
                        .forEach(f -> {
                            String file = f.getFileName().toString();
                            String name = file.substring(0, file.length() - 4);
                            entries.put(name, new Entry(name, Source.USER, f.toAbsolutePath().toString()));
                        });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list model directory " + userDirectory, e);
            }
        }
        return new ModelRegistry(entries);
    }

    /**
     * The default user directory: the system property {@code molscreen.models}, else {@code $MOLSCREEN_MODELS},
     * else {@code ~/.molscreen/models}.
     */
    public static Path defaultUserDirectory() {
        String property = System.getProperty("molscreen.models");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String configured = System.getenv("MOLSCREEN_MODELS");
        return configured != null && !configured.isBlank()
                ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".molscreen", "models");
    }

    private static List<String> bundledNames() {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(BUNDLED_INDEX)) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model index", e);
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The registry entry of a model, if there is one. */
    public java.util.Optional<Entry> entry(String name) {
        return java.util.Optional.ofNullable(entries.get(name));
    }

    /** The model named, loaded once per registry. */
    public ScreeningModel load(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new UnknownModelException(name, entries.keySet());
        }
        return loaded.computeIfAbsent(name, n -> read(entry));
    }

    private static ScreeningModel read(Entry entry) {
        if (entry.source() == Source.USER) {
            return ModelFile.read(Path.of(entry.location()));
        }
        try (InputStream in = ModelRegistry.class.getResourceAsStream(entry.location())) {
            if (in == null) {
                throw new InvalidModelException(entry.location(), "is listed in the bundled index but missing from the jar");
            }
            return ModelFile.read(in, entry.name() + " (bundled)");
        } catch (IOException e) {
            throw new InvalidModelException(entry.location(), e.getMessage(), e);
        }
    }

    /** A model name that is neither bundled nor in the user directory. */
    public static final class UnknownModelException extends MolscreenException {
        public UnknownModelException(String name, java.util.Collection<String> known) {
            super("unknown model '" + name + "'; available: " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
    }
}
