package org.molscreen.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.molscreen.api.access.Caller;
import org.molscreen.api.service.ClusterStatus;
import org.molscreen.api.service.DepictionService;
import org.molscreen.api.service.ModelService;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelCardJson;
import org.molscreen.engine.model.ModelRegistry;

/** Health, metrics, the API document, models, depictions and the cluster's state. */
final class ServiceRoutes {

    private final ModelService models;
    private final DepictionService depictions;
    private final ClusterStatus cluster;
    private final ApiMetrics metrics;
    private final String openApiYaml;
    private final JsonObject openApiJson;
    private final org.molscreen.api.service.ServiceLimits limits;

    private final org.molscreen.api.service.LibraryService libraries;
    private final WorkPools pools;
    private final org.molscreen.api.service.UserSlots eventStreams;
    private final org.molscreen.api.service.UserSlots downloads;
    private final HealthProbe health;

    ServiceRoutes(ModelService models, DepictionService depictions, ClusterStatus cluster,
                  ApiMetrics metrics, String openApiYaml, JsonObject openApiJson, org.molscreen.api.service.ServiceLimits limits,
                  org.molscreen.api.service.LibraryService libraries, org.molscreen.api.service.UserSlots eventStreams,
                  org.molscreen.api.service.UserSlots downloads,
                  WorkPools pools, HealthProbe health) {
        this.health = health;
        this.pools = pools;
        this.limits = limits;
        this.libraries = libraries;
        this.eventStreams = eventStreams;
        this.downloads = downloads;
        this.models = models;
        this.depictions = depictions;
        this.cluster = cluster;
        this.metrics = metrics;
        this.openApiYaml = openApiYaml;
        this.openApiJson = openApiJson;
    }

    /** Live when it answers; ready when the cluster is active (see {@link HealthProbe}: no worker hop). */
    void health(RoutingContext ctx) {
        JsonObject health = this.health.current();
        Replies.json(ctx, health.getBoolean("ready") ? 200 : 503, health);
    }

    void metrics(RoutingContext ctx) {
        Blocking.on(pools.probes(), ctx, metrics::scrape, text -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text));
    }

    void openApiJson(RoutingContext ctx) {
        Replies.json(ctx, 200, openApiJson);
    }

    void openApiYaml(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApiYaml);
    }

    void listModels(RoutingContext ctx) {
        Blocking.call(ctx, () -> {
            JsonArray items = new JsonArray();
            for (ModelRegistry.Entry entry : models.entries()) {
                ModelCard card = models.card(entry.name());
                items.add(new JsonObject().put("name", entry.name())
                        .put("source", entry.source().name().toLowerCase(java.util.Locale.ROOT))
                        .put("kind", card.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("target", card.target())
                        .put("version", card.version())
                        .put("endpoints", new JsonArray(card.endpoints().stream().map(e -> new JsonObject()
                                .put("name", e.name()).put("unit", e.unit()).put("description", e.description())).toList())));
            }
            return new JsonObject().put("items", items);
        }, list -> Replies.json(ctx, 200, list));
    }

    void getModel(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Blocking.call(ctx, () -> new JsonObject(ModelCardJson.write(models.card(name))), card -> Replies.json(ctx, 200, card));
    }

    void depict(RoutingContext ctx) {
        String smiles = Params.string(ctx, "smiles");
        Blocking.on(pools.depictions(), ctx, () -> depictions.svg(smiles), svg -> ctx.response()
                .putHeader("Content-Type", "image/svg+xml")
                // with a token, the structures asked about are that user's business: no shared cache keeps them
                .putHeader("Cache-Control", ctx.request().getHeader("Authorization") != null ? "private, max-age=86400" : "public, max-age=86400")
                .end(svg));
    }

    /** The caller, the server's limits (each under its option's name in snake case) and what the caller uses of them. */
    void whoAmI(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        Blocking.call(ctx, () -> new JsonObject(new java.util.LinkedHashMap<String, Object>(libraries.usage(caller)))
                .put("event_streams_open", eventStreams.held(caller.user()))
                .put("downloads_open", downloads.held(caller.user())), usage -> Replies.json(ctx, 200,
                new JsonObject().put("user", caller.user()).put("role", caller.role().wireName())
                .put("authenticated", caller != Caller.LOCAL)
                .put("limits", new JsonObject()
                        .put("max_upload_bytes", limits.maxUploadBytes())
                        .put("max_smiles_length", limits.maxSmilesLength())
                        .put("max_top", limits.maxTop())
                        .put("max_page_size", limits.maxPageSize())
                        .put("max_active_jobs", limits.maxActiveJobsPerUser())
                        .put("max_record_kb", limits.maxRecordKb())
                        .put("max_records_per_library", limits.maxRecordsPerLibrary())
                        .put("max_libraries_per_user", limits.maxLibrariesPerUser())
                        .put("max_records_per_user", limits.maxRecordsPerUser())
                        .put("max_uploads_per_user", limits.maxUploadsPerUser())
                        .put("max_event_streams_per_user", limits.maxEventStreamsPerUser())
                        .put("max_downloads_per_user", limits.maxDownloadsPerUser())
                        .put("keep_jobs_days", limits.keepJobsDays()))
                .put("usage", usage)));
    }

    void cluster(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        Blocking.call(ctx, () -> new JsonObject(cluster.describe(caller)), status -> Replies.json(ctx, 200, status));
    }
}
