package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.ListeningSockets;

/**
 * A node listens on its discovery and communication ports on the address it was given, and on nothing else:
 * no Ignite thin-client/JDBC/ODBC port (10800), no binary REST port (11211), no wildcard address. Those
 * would let anyone who reaches the machine read or delete every library and hit list past the API's tokens.
 */
class NodeExposureTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @Test
    void aNodeListensOnlyOnItsClusterPortsOnTheAddressItWasGiven() {
        Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux /proc to list the process's sockets");
        Set<ListeningSockets.Socket> before = ListeningSockets.ofThisProcess();
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("exposure", PORT))) {
            Set<ListeningSockets.Socket> opened = new HashSet<>(ListeningSockets.ofThisProcess());
            opened.removeAll(before);
            assertThat(opened).as("what the node listens on").isNotEmpty();
            for (ListeningSockets.Socket socket : opened) {
                assertThat(socket.address().isLoopbackAddress()).as("%s is bound to the node's address, not a wildcard", socket).isTrue();
                boolean discovery = socket.port() >= PORT && socket.port() < PORT + NodeSettings.PORT_RANGE;
                boolean communication = socket.port() >= PORT - 400 && socket.port() < PORT - 400 + NodeSettings.PORT_RANGE;
                assertThat(discovery || communication).as("%s is a discovery or communication port (all: %s)", socket, opened).isTrue();
            }
        }
    }
}
