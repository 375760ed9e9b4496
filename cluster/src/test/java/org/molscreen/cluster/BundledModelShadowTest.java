package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.Test;
import org.molscreen.cluster.storage.ShippedModel;
import org.molscreen.cluster.storage.StoredModels;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.testsupport.ClusterPorts;

/** A model published to the cluster under a bundled model's name is never scored with: the bundled one is. */
class BundledModelShadowTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @Test
    void aPublishedModelCannotShadowABundledOne() throws Exception {
        ModelRegistry bundled = ModelRegistry.open(null);
        byte[] tox21;
        try (InputStream in = ModelRegistry.class.getResourceAsStream(bundled.entry("tox21").orElseThrow().location())) {
            tox21 = in == null ? null : in.readAllBytes();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(tox21 != null, "the bundled tox21 model file is readable as a resource");
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("shadow", PORT), line -> { })) {
            // what a rogue writer of the models cache would do: tox21's file under bace1's name
            node.ignite().getOrCreateCache(new CacheConfiguration<String, byte[]>(NodeModels.MODELS).setCacheMode(CacheMode.REPLICATED))
                    .put("bace1", StoredModels.encode(new ShippedModel("bace1", "0".repeat(64), tox21)));
            ScreeningModel used = NodeModels.load(node.ignite(), List.of("bace1")).get(0);
            assertThat(used.card().kind()).isEqualTo(bundled.load("bace1").card().kind());
            assertThat(used.card().endpoints()).isEqualTo(bundled.load("bace1").card().endpoints());
        }
    }
}
