package org.molscreen.api.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.molscreen.api.service.ClusterStatus;
import org.molscreen.api.service.DepictionService;
import org.molscreen.api.service.JobService;
import org.molscreen.api.service.LibraryService;
import org.molscreen.api.service.ModelService;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.api.service.UploadDirectory;
import org.molscreen.api.service.UserSlots;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.engine.model.ModelRegistry;

/**
 * The HTTP API on one molscreen node: routes and request validation come from the OpenAPI document
 * ({@code openapi.yaml} beside this class), so the document and the server cannot drift apart.
 */
public final class ApiServer implements AutoCloseable {

    static final System.Logger LOG = System.getLogger("molscreen.api");
    /** JSON request bodies are job requests: a megabyte is far more than any needs. */
    static final long MAX_JSON_BYTES = 1 << 20;
    /** Seconds without a byte either way before a connection is closed. */
    static final int IDLE_SECONDS = 60;

    private final Vertx vertx;
    /** Subscriptions to the cluster that end with the server. */
    private final List<AutoCloseable> closeOnStop;
    private final HttpServer server;
    private final ExecutorService ingests;
    private final List<String> routeTable;

    private ApiServer(Vertx vertx, HttpServer server, ExecutorService ingests, List<String> routeTable,
                      List<AutoCloseable> closeOnStop) {
        this.closeOnStop = List.copyOf(closeOnStop);
        this.vertx = vertx;
        this.server = server;
        this.ingests = ingests;
        this.routeTable = List.copyOf(routeTable);
    }

    /** Starts the API on a running node; returns once it listens. */
    public static ApiServer start(MolscreenNode node, ApiSettings settings) {
        String registryName = "molscreen-api-" + UUID.randomUUID();
        Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName(registryName)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true))
                .addLabels(Label.HTTP_ROUTE, Label.HTTP_CODE, Label.HTTP_METHOD)
                // any method string a client makes up would become a label value (a new time series each):
                // every method but the ones the API answers is counted as "other"
                .addLabelMatch(new io.vertx.micrometer.Match().setLabel(Label.HTTP_METHOD.toString())
                        .setType(io.vertx.micrometer.MatchType.REGEX).setValue("(?!(GET|POST|DELETE|HEAD|OPTIONS)$).*")
                        .setAlias("other"))));
        ExecutorService ingests = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "molscreen-ingest");
            thread.setDaemon(true);
            return thread;
        });
        List<AutoCloseable> closeOnStop = new java.util.ArrayList<>();
        try {
            Files.createDirectories(settings.uploadDir());
            PrometheusMeterRegistry registry = (PrometheusMeterRegistry) BackendRegistries.getNow(registryName);
            Router api = apiRouter(vertx, node, settings, ingests, registry, closeOnStop);
            Router router = Router.router(vertx);
            router.route().handler(new BrowserHeaders());
            if (settings.tokens() == null) {
                router.route().handler(new LoopbackOrigin());
            }
            router.route(Views.BASE + "/*").subRouter(api);
            // load balancers and container probes look for a root health path; same answer as /api/v1/health
            for (String probe : List.of("/health", "/healthz")) {
                router.get(probe).handler(ctx -> ctx.reroute(Views.BASE + "/health"));
            }
            // the web page: static files, public (it asks for a token itself and calls only the API above)
            new WebPage().mount(router);
            router.route().failureHandler(ErrorReplies::handle);
            for (int status : List.of(400, 404, 405, 413, 415, 500)) {
                router.errorHandler(status, ErrorReplies::handle);
            }
            List<String> routeTable = api.getRoutes().stream().filter(route -> route.getPath() != null)
                    .flatMap(route -> route.methods() == null ? java.util.stream.Stream.of("* " + route.getPath())
                            : route.methods().stream().map(method -> method.name() + " " + route.getPath())).sorted().toList();
            // no cleartext HTTP/2 upgrade: Java's HttpClient asks for it on every first request, and that
            // exchange hung now and then (seen: one GET in a few hundred never answered); HTTP/1.1 it is
            HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                    .setCompressionSupported(true).setHttp2ClearTextEnabled(false)
                    // a connection silent this long is closed (event streams write a heartbeat every 15 s)
                    .setIdleTimeout(IDLE_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS);
            if (settings.tls() != null) {
                options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(settings.tls().certificate().toAbsolutePath().toString())
                        .setKeyPath(settings.tls().key().toAbsolutePath().toString()));
            }
            HttpServer server = vertx.createHttpServer(options)
                    .requestHandler(router)
                    .listen().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            return new ApiServer(vertx, server, ingests, routeTable, closeOnStop);
        } catch (Exception e) {
            closeAll(closeOnStop);
            ingests.shutdownNow();
            vertx.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            if (cause instanceof java.net.BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                throw new ApiUnavailableException("cannot listen on " + settings.host() + ":" + settings.port()
                        + ": the address is in use (another molscreen serve?); stop it or choose another --port", cause);
            }
            throw new IllegalStateException("cannot start the API on " + settings.host() + ":" + settings.port() + ": " + cause.getMessage(), cause);
        }
    }

    private static Router apiRouter(Vertx vertx, MolscreenNode node, ApiSettings settings, ExecutorService ingests,
                                 PrometheusMeterRegistry registry, List<AutoCloseable> closeOnStop) throws Exception {
        ApiDocument document = ApiDocument.load();
        OpenAPIContract contract = OpenAPIContract.from(vertx, document.forValidation()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        ModelService models = new ModelService(ModelRegistry.open(ModelRegistry.defaultUserDirectory()));
        UploadDirectory uploads = new UploadDirectory(settings.uploadDir());
        LibraryService libraries = new LibraryService(node, ingests, uploads, settings.limits());
        JobService jobs = new JobService(node, models, libraries, settings.limits());
        LibraryRoutes libraryRoutes = new LibraryRoutes(libraries, settings.limits(), uploads);
        UserSlots eventStreams = new UserSlots(ServiceLimits.MAX_EVENT_STREAMS_PER_USER,
                settings.limits().maxEventStreamsPerUser(), "open event streams");
        WorkPools pools = WorkPools.create(vertx);
        UserSlots downloads = new UserSlots(ServiceLimits.MAX_DOWNLOADS_PER_USER,
                settings.limits().maxDownloadsPerUser(), "whole hit lists being downloaded");
        JobRoutes jobRoutes = new JobRoutes(jobs, models, settings.limits(), eventStreams, downloads, pools);
        // job changes are pushed from the cluster to the event bus, where each events stream listens for its job
        closeOnStop.add(jobs.watch(job -> jobRoutes.publish(vertx, job)));
        sweepEndedJobs(vertx, jobs, java.time.Duration.ofDays(settings.limits().keepJobsDays()));
        HealthProbe health = HealthProbe.start(vertx, node, pools.probes());
        closeOnStop.add(health);
        DepictionService depictions = new DepictionService(settings.limits().maxSmilesLength());
        closeOnStop.add(depictions);
        ServiceRoutes service = new ServiceRoutes(models, depictions, new ClusterStatus(node),
                new ApiMetrics(node, libraries, registry), document.yaml(), document.json(), settings.limits(), libraries, eventStreams, downloads, pools, health);

        RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
        // the document declares bearer authentication; Authentication enforces it (Vert.x would want a JWT handler)
        builder.getRoutes().forEach(route -> route.setDoSecurity(false));
        builder.rootHandler(new Authentication(settings.tokens(), document.publicPaths()));
        BodyHandler jsonBodies = BodyHandler.create(false).setBodyLimit(MAX_JSON_BYTES);
        BodyHandler forms = BodyHandler.create(settings.uploadDir().resolve("incoming").toString())
                .setBodyLimit(settings.limits().maxUploadBytes())
                .setDeleteUploadedFilesOnEnd(true)
                .setMergeFormAttributes(true);
        builder.rootHandler(ctx -> {
            if (isUpload(ctx)) {
                if (LibraryRoutes.isMultipart(ctx.request())) {
                    forms.handle(ctx);
                } else {
                    ctx.request().pause(); // the raw body is streamed to disk by the route, not buffered here
                    ctx.next();
                }
            } else {
                jsonBodies.handle(ctx);
            }
        });
        builder.getRoute("uploadLibrary").setDoValidation(false).addHandler(libraryRoutes::upload);
        builder.getRoute("listLibraries").addHandler(libraryRoutes::list);
        builder.getRoute("getLibrary").addHandler(libraryRoutes::get);
        builder.getRoute("deleteLibrary").addHandler(libraryRoutes::delete);
        builder.getRoute("libraryErrors").addHandler(libraryRoutes::errors);
        builder.getRoute("submitJob").addHandler(jobRoutes::submit);
        builder.getRoute("listJobs").addHandler(jobRoutes::list);
        builder.getRoute("getJob").addHandler(jobRoutes::get);
        builder.getRoute("cancelJob").addHandler(jobRoutes::cancel);
        builder.getRoute("jobEvents").addHandler(jobRoutes::events);
        builder.getRoute("jobHits").addHandler(jobRoutes::hits);
        builder.getRoute("jobHistogram").addHandler(jobRoutes::histogram);
        builder.getRoute("whoAmI").addHandler(service::whoAmI);
        builder.getRoute("listModels").addHandler(service::listModels);
        builder.getRoute("getModel").addHandler(service::getModel);
        builder.getRoute("depict").addHandler(service::depict);
        builder.getRoute("clusterStatus").addHandler(service::cluster);
        builder.getRoute("health").addHandler(service::health);
        builder.getRoute("metrics").addHandler(service::metrics);
        builder.getRoute("openapiJson").addHandler(service::openApiJson);
        builder.getRoute("openapiYaml").addHandler(service::openApiYaml);

        return builder.createRouter();
    }

    /** Ended jobs older than {@code keep} are removed with their hits: now, then hourly. */
    private static void sweepEndedJobs(Vertx vertx, JobService jobs, java.time.Duration keep) {
        vertx.setPeriodic(1_000, TimeUnit.HOURS.toMillis(1), timer -> vertx.executeBlocking(() -> jobs.deleteExpired(keep), false)
                .onSuccess(removed -> {
                    if (removed > 0) {
                        LOG.log(System.Logger.Level.INFO, "removed " + removed + " jobs that ended more than " + keep.toDays() + " days ago");
                    }
                })
                .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "the sweep of ended jobs failed; it runs again in an hour", e)));
    }

    private static boolean isUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && ctx.request().path().equals(Views.BASE + "/libraries");
    }

    /** The API cannot start for a reason its user can fix (the port is taken). */
    public static final class ApiUnavailableException extends org.molscreen.error.MolscreenException {
        ApiUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Every route the API answers, as {@code METHOD /path} with {@code :param} placeholders, relative to /api/v1. */
    public List<String> routeTable() {
        return routeTable;
    }

    /** The port the API listens on (useful when it was started on port 0). */
    public int port() {
        return server.actualPort();
    }

    private static void closeAll(List<AutoCloseable> subscriptions) {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "a cluster subscription did not close cleanly", e);
            }
        }
    }

    @Override
    public void close() {
        closeAll(closeOnStop);
        try {
            server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the API did not close cleanly", e);
        } finally {
            ingests.shutdownNow();
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Vert.x did not close cleanly", e);
            }
        }
    }
}
