package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheRebalanceMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ignite 2.17 refuses to start on Java 17 without the add-opens flags of jvm.options; surefire passes that
 * file, so two in-memory nodes forming a cluster in this JVM prove the flags reach the tests.
 */
class IgniteJvmFlagsTest {

    @TempDir
    Path work;

    private IgniteConfiguration node(String name) {
        TcpDiscoveryVmIpFinder finder = new TcpDiscoveryVmIpFinder();
        finder.setAddresses(List.of("127.0.0.1:47600..47609"));
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setIpFinder(finder);
        discovery.setLocalAddress("127.0.0.1");
        discovery.setLocalPort(47600);
        discovery.setLocalPortRange(10);
        return new IgniteConfiguration()
                .setIgniteInstanceName(name)
                // a temporary work directory: Ignite's default (./ignite/work) litters the module directory, and
                // no connectors: this test is about the JVM flags, not about opening ports 10800 and 11211
                .setWorkDirectory(work.resolve(name).toString())
                .setLocalHost("127.0.0.1")
                .setClientConnectorConfiguration(null)
                .setConnectorConfiguration(null)
                .setDiscoverySpi(discovery)
                .setMetricsLogFrequency(0);
    }

    @Test
    void twoNodesFormAClusterAndShareACache() {
        try (Ignite first = Ignition.start(node("flags-1")); Ignite second = Ignition.start(node("flags-2"))) {
            assertThat(first.cluster().nodes()).hasSize(2);
            // synchronous rebalancing with few partitions: the second node's read returns only once the first has
            // sent it its partitions, so neither node stops while a rebalancing thread still copies pages. With the
            // defaults (1,024 partitions, asynchronous), closing both nodes right after the read crashed the JVM
            // twice (SIGSEGV in a "sys-" thread of the first node copying from a data region already freed)
            IgniteCache<Integer, String> cache = first.getOrCreateCache(new CacheConfiguration<Integer, String>("flags")
                    .setRebalanceMode(CacheRebalanceMode.SYNC)
                    .setAffinity(new RendezvousAffinityFunction(false, 16)));
            cache.put(1, "CCO");
            assertThat(second.<Integer, String>cache("flags").get(1)).isEqualTo("CCO");
        }
    }
}
