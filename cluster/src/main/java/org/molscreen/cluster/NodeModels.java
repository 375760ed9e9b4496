package org.molscreen.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.molscreen.cluster.storage.ShippedModel;
import org.molscreen.cluster.storage.StoredModels;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.molscreen.engine.model.ModelFile;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;

/**
 * The models a node scores with, loaded once per process and kept. Bundled models are in every node's
 * jar. A user model exists only in the model directory of the node that starts a screen, so that node
 * publishes the model file in a replicated cache first ({@link #publish}); every node then loads it from
 * there, once per file content (SHA-256), so a retrained model under the same name is picked up.
 */
final class NodeModels {

    static final String MODELS = "molscreen-models";

    /** Registries by user model directory (the directory is read when needed, so it may be configured late). */
    private static final Map<Path, ModelRegistry> REGISTRIES = new ConcurrentHashMap<>();
    private static final Map<String, ScreeningModel> SHIPPED = new ConcurrentHashMap<>();

    /**
     * The bundled models, the same in every node's jar. A published model never stands in for one: otherwise
     * whoever can write the models cache (or a user's model directory on the node that starts a screen) would
     * change what every node scores with under a name everyone trusts.
     */
    private static final ModelRegistry BUNDLED = ModelRegistry.open(null);

    private NodeModels() {
    }

    static boolean bundled(String name) {
        return BUNDLED.entry(name).isPresent();
    }

    private static ModelRegistry registry() {
        return REGISTRIES.computeIfAbsent(ModelRegistry.defaultUserDirectory().toAbsolutePath(), ModelRegistry::open);
    }

    /**
     * Fully synchronous: a screen's partition jobs read the model on their own nodes right after it was
     * published, and with Ignite's default (primary-synchronous) a remote copy may not have it yet, which made
     * a worker report the model as unknown.
     */
    static CacheConfiguration<String, byte[]> configuration() {
        return new CacheConfiguration<String, byte[]>(MODELS).setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }

    private static IgniteCache<String, byte[]> cache(Ignite ignite) {
        return CacheStarts.getOrCreate(ignite, configuration());
    }

    /**
     * A data directory from before kept the models cache primary-synchronous (Ignite keeps a stored cache's
     * configuration). Its entries are only copies of user model files, published again by every screen that
     * uses them, so the cache is dropped and made again with today's configuration. Returns whether it was.
     */
    static boolean recreateIfNotFullySynchronous(Ignite ignite) {
        IgniteCache<String, byte[]> stored = ignite.cache(MODELS);
        if (stored == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        CacheConfiguration<String, byte[]> current = stored.getConfiguration(CacheConfiguration.class);
        if (current.getWriteSynchronizationMode() == CacheWriteSynchronizationMode.FULL_SYNC) {
            return false;
        }
        CacheStarts.destroy(ignite, MODELS);
        cache(ignite);
        return true;
    }

    /** Puts this node's user models of {@code names} into the cluster (bundled ones need no shipping). */
    static void publish(Ignite ignite, List<String> names) {
        for (String name : names) {
            ModelRegistry.Entry entry = registry().entry(name).orElse(null);
            if (entry == null || entry.source() != ModelRegistry.Source.USER) {
                continue;
            }
            if (bundled(name)) {
                throw new IllegalArgumentException("the user model " + entry.location() + " is named '" + name + "' like a bundled model:"
                        + " a cluster screens with the bundled '" + name + "' on every node; give the user model another name");
            }
            try {
                byte[] zip = Files.readAllBytes(Path.of(entry.location()));
                cache(ignite).put(name, StoredModels.encode(new ShippedModel(name, sha256(zip), zip)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model file " + entry.location(), e);
            }
        }
    }

    /** The named models: a published (shipped) copy when the cluster has one, else this node's registry. */
    static List<ScreeningModel> load(Ignite ignite, List<String> names) {
        List<ScreeningModel> models = new ArrayList<>(names.size());
        IgniteCache<String, byte[]> shipped = cache(ignite);
        for (String name : names) {
            if (bundled(name)) {
                models.add(BUNDLED.load(name)); // whatever the cache holds under this name
                continue;
            }
            byte[] bytes = shipped.get(name);
            if (bytes == null) {
                models.add(registry().load(name));
                continue;
            }
            ShippedModel model = StoredModels.decode(bytes);
            models.add(SHIPPED.computeIfAbsent(model.sha256(),
                    sha -> ModelFile.read(new ByteArrayInputStream(model.zip()), name + " (shipped " + sha.substring(0, 12) + ")")));
        }
        return models;
    }

    private static String sha256(byte[] bytes) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(bytes);
    }
}
