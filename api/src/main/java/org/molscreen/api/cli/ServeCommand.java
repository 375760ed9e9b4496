package org.molscreen.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.molscreen.api.access.TokensFile;
import org.molscreen.api.http.ApiServer;
import org.molscreen.api.http.ApiSettings;
import org.molscreen.api.http.ApiTls;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.api.service.UploadDirectory;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.cluster.tls.NodeCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code molscreen serve}: the main job. One in-process Ignite node with persistence in a data directory
 * (the embedded default: nothing to set up), the bundled and user models, and the HTTP API. Workers join
 * it at the address it prints. Ctrl-C or SIGTERM stop it cleanly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a molscreen node with the HTTP API (the embedded default: one node, data in ./data, API on 127.0.0.1:8080).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "D", defaultValue = "data",
            description = "Native persistence directory: libraries, jobs and hit lists survive restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep nothing on disk (for trials: everything is gone when it stops).")
    boolean inMemory;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the API binds (default: ${DEFAULT-VALUE}; another needs --tokens).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "API port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--tokens", paramLabel = "FILE", description = "Tokens file ('molscreen tokens add'), re-read when it changes; without it the API is open to loopback callers only.")
    Path tokensFile;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "HTTPS: the server certificate (PEM, chain after it); with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "HTTPS: the certificate's private key (PEM); with --tls-cert.")
    Path tlsKey;

    @Option(names = "--behind-tls-proxy", description = "A proxy in front terminates TLS: allow plain HTTP on a --host that is not loopback.")
    boolean behindTlsProxy;

    @Option(names = "--discovery-port", defaultValue = "47500", paramLabel = "P",
            description = "First cluster discovery port (default: ${DEFAULT-VALUE}: workers join with --join 127.0.0.1:47500).")
    int discoveryPort;

    @Option(names = "--cluster-host", defaultValue = "127.0.0.1", paramLabel = "H",
            description = "Address the node binds and advertises to workers (default: ${DEFAULT-VALUE}).")
    String clusterHost;

    @Option(names = "--cluster-tls", paramLabel = "NODE_DIR",
            description = "Mutual TLS with the other nodes, with the credentials of 'molscreen cluster-tls issue' (needed when --cluster-host is not loopback).")
    Path clusterTls;

    @Option(names = "--memory", defaultValue = "1024", paramLabel = "MiB", description = "Off-heap data region (default: ${DEFAULT-VALUE} MiB).")
    long memoryMiB;

    @Option(names = "--max-upload-mb", defaultValue = "2048", paramLabel = "MB", description = "Largest library upload (default: ${DEFAULT-VALUE} MiB).")
    long maxUploadMiB;

    @Option(names = "--max-jobs-per-user", defaultValue = "4", paramLabel = "N", description = "Jobs one user may have queued or running (default: ${DEFAULT-VALUE}).")
    int maxJobsPerUser;

    @Option(names = "--max-record-kb", defaultValue = "1024", paramLabel = "KB",
            description = "Largest record of a library, in KiB of text, any format; a larger one is a reported bad record, the rest is kept (default: ${DEFAULT-VALUE}).")
    int maxRecordKb;

    @Option(names = "--max-records-per-library", defaultValue = "100000000", paramLabel = "N",
            description = "Most records one library may have; a library past it fails, naming this limit (default: ${DEFAULT-VALUE}).")
    long maxRecordsPerLibrary;

    @Option(names = "--max-libraries-per-user", defaultValue = "100", paramLabel = "N",
            description = "Most libraries one user may keep; one more upload is refused with 429 (default: ${DEFAULT-VALUE}).")
    int maxLibrariesPerUser;

    @Option(names = "--max-records-per-user", defaultValue = "1000000000", paramLabel = "N",
            description = "Most compounds one user's libraries may hold together (default: ${DEFAULT-VALUE}).")
    long maxRecordsPerUser;

    @Option(names = "--max-uploads-per-user", defaultValue = "2", paramLabel = "N",
            description = "Uploads one user may have received or ingested at once (default: ${DEFAULT-VALUE}).")
    int maxUploadsPerUser;

    @Option(names = "--max-event-streams-per-user", defaultValue = "20", paramLabel = "N",
            description = "Job event streams one user may hold open at once (default: ${DEFAULT-VALUE}).")
    int maxEventStreamsPerUser;

    @Option(names = "--max-downloads-per-user", defaultValue = "2", paramLabel = "N",
            description = "Whole hit lists (GET /jobs/{id}/hits without offset and limit) one user may be sent at once; pages are not counted (default: ${DEFAULT-VALUE}).")
    int maxDownloadsPerUser;

    @Option(names = "--keep-jobs-days", defaultValue = "30", paramLabel = "N",
            description = "Ended jobs and their hit lists are deleted this many days after they ended, checked hourly (default: ${DEFAULT-VALUE}).")
    int keepJobsDays;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NodeCredentials credentials = NodeStart.credentials(clusterTls, clusterHost, "--cluster-host");
        TokensFile tokens = tokensFile == null ? null : TokensFile.follow(tokensFile);
        ServiceLimits limits = ServiceLimits.defaults().withMaxUploadBytes(maxUploadMiB << 20).withMaxActiveJobsPerUser(maxJobsPerUser)
                .withMaxRecordKb(maxRecordKb)
                .withStorage(maxRecordsPerLibrary, maxLibrariesPerUser, maxRecordsPerUser)
                .withOpen(maxUploadsPerUser, maxEventStreamsPerUser, maxDownloadsPerUser)
                .withKeepJobsDays(keepJobsDays);
        Path uploads = inMemory ? Files.createTempDirectory("molscreen-uploads-") : dataDir.resolve("uploads");
        ApiTls tls = tlsCert == null && tlsKey == null ? null : new ApiTls(tlsCert, tlsKey);
        // refuses a public host without tokens, and without HTTPS unless a TLS proxy is in front
        ApiSettings api = new ApiSettings(host, port, tokens, limits, uploads, tls, behindTlsProxy);
        NodeSettings node = NodeSettings.serve(clusterHost, discoveryPort, inMemory ? null : dataDir, memoryMiB, credentials);
        MolscreenNode started = NodeStart.start(node);
        // only once this process holds the data directory: a second serve on it must fail before it touches the
        // files a running one is still ingesting
        new UploadDirectory(uploads).clear();
        ApiServer server;
        try {
            server = ApiServer.start(started, api);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            started.close();
            stopped.countDown();
        }, "molscreen-serve-shutdown"));
        out.println("molscreen serve: node '" + node.name() + "' " + (inMemory ? "in memory" : "with data in " + dataDir.toAbsolutePath())
                + "; " + started.libraries().list().size() + " libraries, " + started.jobs().list().size() + " jobs");
        out.println("molscreen serve: workers join with: molscreen worker --join " + started.joinAddress()
                + (credentials == null ? "" : " --cluster-tls NODE_DIR (mutual TLS: credentials from this cluster's CA)"));
        out.println("molscreen serve: API on " + api.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/api/v1"
                + " (document: /api/v1/openapi.json)");
        if (tokens == null) {
            out.println("molscreen serve: no --tokens file: the API is bound to loopback only and every caller is the local admin");
        } else {
            out.println("molscreen serve: " + tokens.tokens().size() + " tokens from " + tokensFile
                    + " (followed: a line added or removed takes effect within a second)");
        }
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
