package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.apache.ignite.Ignition;
import org.junit.jupiter.api.Test;
import org.molscreen.testsupport.ClusterPorts;

/**
 * Closing a node whose Ignite instance is already stopping (Ctrl-C: Ignite's own shutdown hook runs beside
 * serve's) ends quietly. Before, closing the job watch's continuous query threw "Failed to stop continuous query
 * (node is stopping)", and serve printed that stack trace on every Ctrl-C with an event stream ever opened.
 */
class NodeStopTest {

    @Test
    void closingANodeWhoseIgniteIsStoppingIsQuiet() {
        MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("stopping", ClusterPorts.discoveryRange()), line -> { });
        AutoCloseable watch = node.jobs().watch(job -> { });
        Ignition.stop(node.ignite().name(), true);
        assertThatCode(watch::close).doesNotThrowAnyException();
        assertThatCode(node::close).doesNotThrowAnyException();
    }
}
