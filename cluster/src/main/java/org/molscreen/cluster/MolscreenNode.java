package org.molscreen.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteSystemProperties;
import org.apache.ignite.Ignition;
import org.apache.ignite.ShutdownPolicy;
import org.apache.ignite.cluster.ClusterMetrics;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.events.EventType;
import org.apache.ignite.internal.IgnitionEx;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.ssl.SslContextFactory;
import org.molscreen.engine.train.SoftwareVersions;

/**
 * One molscreen server node: an Ignite node configured in one place (static IP discovery on the given
 * addresses, loopback by default, never multicast; no peer class loading: every node runs the same jar).
 * The embedded default of {@code serve} and the tests' nodes start here.
 */
public final class MolscreenNode implements AutoCloseable {

    private final Ignite ignite;
    private final NodeSettings settings;
    private final ScreeningJobs jobs;
    private final ClusterLog log;
    private final boolean graceful;
    /** Takes over the libraries and jobs of departed nodes, one departure at a time. */
    private final java.util.concurrent.ExecutorService afterDeparture = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "molscreen-departures");
        thread.setDaemon(true);
        return thread;
    });

    private MolscreenNode(Ignite ignite, NodeSettings settings, NodeLifecycle lifecycle, ClusterLog log, boolean graceful) {
        this.ignite = ignite;
        this.settings = settings;
        this.log = log;
        this.graceful = graceful;
        this.jobs = new ScreeningJobs(ignite, lifecycle);
        // when a node leaves, the oldest server re-runs the jobs it was coordinating; on a thread of its own,
        // because cache operations inside Ignite's discovery notification hold up every later listener (and
        // the cluster's own handling of the event)
        ignite.events().localListen(event -> {
            if (ignite.cluster().forServers().forOldest().node().isLocal()) {
                afterDeparture.execute(() -> {
                    try {
                        libraries().failInterruptedIngests(false);
                        jobs.resumeOrphans();
                    } catch (RuntimeException e) {
                        log.line("could not take over the work of a departed node: " + e.getMessage());
                    }
                });
            }
            return true;
        }, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED);
        if (settings.dataDir() != null) {
            StoredDataUpgrade.run(ignite);
        }
        libraries().failInterruptedIngests(true);
        jobs.resumeOrphans(true);
    }

    /**
     * Starts the node. With persistence, a cluster starts inactive; the node activates it when it is not
     * active yet (on the first start, or after a whole-cluster restart), and switches on baseline
     * auto-adjustment so that a worker joining or leaving needs no manual baseline command.
     */
    public static MolscreenNode start(NodeSettings settings) {
        return start(settings, System.err::println);
    }

    /**
     * Starts the node, writing its one-line cluster events (joins, leaves, refused connections) to {@code log}.
     */
    public static MolscreenNode start(NodeSettings settings, Consumer<String> log) {
        return start(settings, log, false);
    }

    /**
     * Starts a worker node: like {@link #start(NodeSettings)}, but {@link #close()} leaves gracefully (Ignite's
     * {@code ShutdownPolicy.GRACEFUL}): the node stops only once every partition it owns has a copy on another node
     * that Ignite's ideal assignment keeps and that is not rebalancing, and its own rebalancing is over. With one
     * backup and baseline auto-adjustment, stopping workers one after another therefore never takes the last copy
     * of a library partition away, however quickly the admin goes (the next one waits out the rebalancing).
     */
    public static MolscreenNode startWorker(NodeSettings settings) {
        // Ignite's own JVM shutdown hook stops the node with the IMMEDIATE policy, which cuts a graceful wait short
        // (measured: a worker holding the only copy of 41 partitions left in 0.4 s); the worker's hook calls close()
        System.setProperty(IgniteSystemProperties.IGNITE_NO_SHUTDOWN_HOOK, "true");
        return start(settings, System.err::println, true);
    }

    static MolscreenNode start(NodeSettings settings, Consumer<String> log, boolean graceful) {
        ClusterLog clusterLog = new ClusterLog(log);
        NodeLifecycle lifecycle = new NodeLifecycle();
        // the configured shutdown policy stays Ignite's default (IMMEDIATE): Ignite refuses a node whose configured
        // policy differs from the cluster's, so a worker asks for GRACEFUL when it stops (close), not in its configuration
        Ignite ignite = Ignition.start(configuration(settings, clusterLog).setLifecycleBeans(lifecycle));
        if (settings.dataDir() != null) {
            if (ignite.cluster().state() != ClusterState.ACTIVE) {
                ignite.cluster().state(ClusterState.ACTIVE);
            }
            ignite.cluster().baselineAutoAdjustEnabled(true);
            ignite.cluster().baselineAutoAdjustTimeout(BASELINE_ADJUST_MILLIS);
        }
        return new MolscreenNode(ignite, settings, lifecycle, clusterLog, graceful);
    }

    /**
     * How long the cluster waits after a node joins or leaves before moving data: long enough to ride out a
     * quick restart, short enough that a new worker takes its share within seconds.
     */
    static final long BASELINE_ADJUST_MILLIS = 5_000;

    /** The node's Ignite configuration: the one place it is written. */
    static IgniteConfiguration configuration(NodeSettings settings, ClusterLog log) {
        TcpDiscoveryVmIpFinder finder = new TcpDiscoveryVmIpFinder();
        finder.setAddresses(settings.join());
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setIpFinder(finder);
        discovery.setLocalAddress(settings.host());
        discovery.setLocalPort(settings.discoveryPort());
        discovery.setLocalPortRange(NodeSettings.PORT_RANGE);
        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress(settings.host());
        communication.setLocalPort(settings.discoveryPort() - 400); // 47100 beside 47500, Ignite's defaults
        communication.setLocalPortRange(NodeSettings.PORT_RANGE);
        DataStorageConfiguration storage = new DataStorageConfiguration()
                .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                        .setName("default")
                        .setPersistenceEnabled(settings.dataDir() != null)
                        .setInitialSize(Math.min(64, settings.memoryMiB()) << 20)
                        .setMaxSize(settings.memoryMiB() << 20));
        if (settings.dataDir() != null) {
            // absolute paths and a fixed consistent id, or the data does not come back after a restart; a small
            // WAL, because Ignite's default preallocates gigabytes per node
            java.nio.file.Path root = settings.dataDir().toAbsolutePath();
            storage.setStoragePath(root.resolve("storage").toString())
                    .setWalPath(root.resolve("wal").toString())
                    .setWalArchivePath(root.resolve("wal-archive").toString())
                    .setWalSegmentSize(16 << 20)
                    .setWalSegments(4)
                    .setMaxWalArchiveSize(256L << 20);
        }
        IgniteConfiguration configuration = new IgniteConfiguration();
        if (settings.tls() != null) {
            // one factory for discovery and communication; Ignite sets needClientAuth on both server sides, so a
            // connection without a certificate from this cluster's CA is refused in either direction
            SslContextFactory tls = new SslContextFactory();
            tls.setKeyStoreType("PKCS12");
            tls.setKeyStoreFilePath(settings.tls().keyStore().toString());
            tls.setKeyStorePassword(settings.tls().password());
            tls.setTrustStoreType("PKCS12");
            tls.setTrustStoreFilePath(settings.tls().trustStore().toString());
            tls.setTrustStorePassword(settings.tls().password());
            configuration.setSslContextFactory(tls);
        }
        return configuration
                .setIgniteInstanceName(settings.name())
                // every Ignite socket on the address the admin gave, never a wildcard
                .setLocalHost(settings.host())
                // no thin-client/JDBC/ODBC port (10800) and no binary REST port (11211): Ignite opens both by
                // default on every interface without authentication, a way around the API's tokens to every
                // cache; nodes talk through discovery and communication only
                .setClientConnectorConfiguration(null)
                .setConnectorConfiguration(null)
                .setWorkDirectory(workDirectory(settings))
                .setConsistentId(settings.name())
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication)
                .setDataStorageConfiguration(storage)
                .setPeerClassLoadingEnabled(false)
                // the streamer's receivers featurise (all CPU): Ignite's default of at least 8 threads made 8
                // featurisers take turns on a 2-core machine
                .setDataStreamerThreadPoolSize(Runtime.getRuntime().availableProcessors())
                .setMetricsLogFrequency(0)
                .setIncludeEventTypes(EventType.EVT_NODE_JOINED, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED)
                // registered with the configuration, so first in line: a listener added later runs after the others
                // (the job failover's may wait on the cluster while a node leaves)
                .setLocalEventListeners(Map.of(MembershipLog.listener(log),
                        new int[] {EventType.EVT_NODE_JOINED, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED}))
                .setGridLogger(log);
    }

    /**
     * Ignite's work directory (marshaller mappings, binary metadata): in the data directory for a persistent
     * node; for an in-memory node a fresh temporary one, because Ignite's default ({@code ./ignite/work})
     * litters whatever directory the process started in.
     */
    private static String workDirectory(NodeSettings settings) {
        if (settings.dataDir() != null) {
            return settings.dataDir().toAbsolutePath().resolve("work").toString();
        }
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("molscreen-ignite-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a work directory for an in-memory node", e);
        }
    }

    /**
     * The address other nodes join with, {@code host:port} of the discovery port this node actually bound
     * (the first free one of its range): what {@code serve} prints at start-up and what
     * {@code molscreen worker --join} takes.
     */
    public String joinAddress() {
        TcpDiscoverySpi discovery = (TcpDiscoverySpi) ignite.configuration().getDiscoverySpi();
        return settings.host() + ":" + discovery.getLocalPort();
    }

    /** The Ignite node itself, for this module only: the API and the command line see the typed views below. */
    Ignite ignite() {
        return ignite;
    }

    /** True once the cluster serves reads and writes. */
    public boolean active() {
        return ignite.cluster().state() == ClusterState.ACTIVE;
    }

    /** Server nodes in the cluster, this one included. */
    public int serverCount() {
        return ignite.cluster().forServers().nodes().size();
    }

    /** The server nodes with their load and their share of the stored libraries' partitions. */
    public ClusterInfo info() {
        List<LibraryInfo> stored = libraries().list();
        List<ClusterInfo.Member> members = new ArrayList<>();
        for (ClusterNode member : ignite.cluster().forServers().nodes()) {
            ClusterMetrics metrics = member.metrics();
            int primary = 0;
            int backup = 0;
            for (LibraryInfo library : stored) {
                String cache = CacheNames.records(library.id());
                if (ignite.cacheNames().contains(cache)) {
                    primary += ignite.affinity(cache).primaryPartitions(member).length;
                    backup += ignite.affinity(cache).backupPartitions(member).length;
                }
            }
            members.add(new ClusterInfo.Member(String.valueOf(member.consistentId()), List.copyOf(member.addresses()),
                    member.isLocal(), metrics.getHeapMemoryUsed(), metrics.getHeapMemoryMaximum(),
                    Math.max(0, metrics.getCurrentCpuLoad()), metrics.getTotalCpus(), primary, backup));
        }
        members.sort(Comparator.comparing(ClusterInfo.Member::name));
        return new ClusterInfo(active(), joinAddress(), members);
    }

    /** The Apache Ignite release molscreen runs on, as its jar records it (no node needed). */
    public static String igniteVersion() {
        return SoftwareVersions.ofArtifact(Ignite.class, "org.apache.ignite", "ignite-core");
    }

    public NodeSettings settings() {
        return settings;
    }

    /** The libraries stored in this node's cluster. */
    public LibraryStore libraries() {
        return new LibraryStore(ignite);
    }

    /** Screening jobs: submit, progress, cancel, hit lists. */
    public ScreeningJobs jobs() {
        return jobs;
    }

    /** Screens stored libraries across the cluster. */
    public ClusterScreening screening() {
        return new ClusterScreening(ignite);
    }

    /**
     * The longest a worker waits for its partitions to have another owner before it stops anyway: rebalancing a
     * library of millions of compounds takes minutes, and a worker whose last peers went down first would wait for
     * ever (no one is left to take a copy; with persistence its share stays on its disk).
     */
    static final Duration GRACEFUL_LIMIT = Duration.ofMinutes(30);

    @Override
    public void close() {
        afterDeparture.shutdownNow();
        jobs.close();
        Objects.requireNonNull(ignite);
        if (!graceful) {
            ignite.close();
            return;
        }
        String name = ignite.name();
        if (serverCount() == 1) {
            // the last server node: nobody can take a copy, so waiting would never end
            IgnitionEx.stop(name, true, ShutdownPolicy.IMMEDIATE, false);
            return;
        }
        log.line("leaving: waiting until every partition this node holds has a copy on another node (up to "
                + GRACEFUL_LIMIT.toMinutes() + " min)");
        long started = System.nanoTime();
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(GRACEFUL_LIMIT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            log.line("leaving: no other owner for some partitions after " + GRACEFUL_LIMIT.toMinutes() + " min; stopping anyway");
            // an IMMEDIATE stop ends the graceful wait of the stop in progress (Ignite's own mechanism for this)
            IgnitionEx.stop(name, true, ShutdownPolicy.IMMEDIATE, false);
        }, "molscreen-graceful-limit");
        limit.setDaemon(true);
        limit.start();
        IgnitionEx.stop(name, true, ShutdownPolicy.GRACEFUL, false);
        limit.interrupt();
        log.line(String.format(Locale.ROOT, "left the cluster after %.1f s", (System.nanoTime() - started) / 1e9));
    }
}
