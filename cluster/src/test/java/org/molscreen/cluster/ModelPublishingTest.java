package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.testsupport.ClusterPorts;

/**
 * A user model published by the node that starts a screen is on every node when {@code publish} returns: the
 * partition jobs are sent right after it and read the model where they run. With the models cache
 * primary-synchronous a remote copy could still be missing, and a worker failed the screen with "unknown model"
 * (seen once in CI, in {@code ModelShippingIT}).
 */
class ModelPublishingTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;

    private final List<MolscreenNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(MolscreenNode::close);
        System.clearProperty("molscreen.models");
    }

    @Test
    void everyNodeHoldsAPublishedModelAsSoonAsPublishReturns() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Random random = new Random(7);
        int count = 25;
        for (int i = 0; i < count; i++) {
            byte[] file = new byte[256 * 1024]; // publishing ships bytes; what they hold does not matter here
            random.nextBytes(file);
            Files.write(models.resolve("user-model-" + i + ".zip"), file);
        }
        System.setProperty("molscreen.models", models.toString());
        for (int i = 1; i <= 3; i++) {
            nodes.add(MolscreenNode.start(NodeSettings.inMemory("publish-" + i, PORT), line -> { }));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "user-model-" + i;
            NodeModels.publish(nodes.get(0).ignite(), List.of(name));
            for (MolscreenNode node : nodes) {
                if (node.ignite().cache(NodeModels.MODELS).localPeek(name, CachePeekMode.ALL) == null) {
                    missing.add(name + " on " + node.ignite().name());
                }
            }
        }
        assertThat(missing).as("models not yet on a node when publish returned").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDataDirectoryWithThePrimarySynchronousModelsCacheGetsAFullySynchronousOne() {
        NodeSettings persistent = NodeSettings.serve("127.0.0.1", PORT, dir.resolve("data"), 256);
        try (MolscreenNode node = MolscreenNode.start(persistent, line -> { })) {
            // what an earlier release created, and Ignite keeps across restarts
            node.ignite().getOrCreateCache(new CacheConfiguration<String, byte[]>(NodeModels.MODELS)
                    .setCacheMode(CacheMode.REPLICATED)).put("old-copy", new byte[] {1});
        }
        try (MolscreenNode node = MolscreenNode.start(persistent, line -> { })) {
            CacheConfiguration<String, byte[]> now =
                    node.ignite().cache(NodeModels.MODELS).getConfiguration(CacheConfiguration.class);
            assertThat(now.getWriteSynchronizationMode()).isEqualTo(CacheWriteSynchronizationMode.FULL_SYNC);
        }
        try (MolscreenNode node = MolscreenNode.start(persistent, line -> { })) {
            assertThat(NodeModels.recreateIfNotFullySynchronous(node.ignite())).as("nothing to do a second time").isFalse();
        }
    }
}
