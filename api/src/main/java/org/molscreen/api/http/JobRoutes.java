package org.molscreen.api.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.molscreen.api.access.Caller;
import org.molscreen.api.service.JobService;
import org.molscreen.api.service.ModelService;
import org.molscreen.api.service.Paging;
import org.molscreen.api.service.RequestRefused;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.cluster.JobInfo;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.HitListWriter;
import org.molscreen.engine.screen.ScreenRequest;

/** {@code /jobs}: submit, list, get, cancel, progress events, hits. */
final class JobRoutes {

    /** How often the events stream looks at the job. */
    static final long EVENT_POLL_MILLIS = 250;
    /** A comment line this often keeps proxies from closing a quiet stream. */
    static final long HEARTBEAT_MILLIS = 15_000;

    private final JobService jobs;
    private final ModelService models;
    private final ServiceLimits limits;

    JobRoutes(JobService jobs, ModelService models, ServiceLimits limits) {
        this.jobs = jobs;
        this.models = models;
        this.limits = limits;
    }

    /** The job as JSON, with the name of the endpoint it ranks by (read from the model's card). */
    JsonObject view(JobInfo job) {
        return Views.job(job, rankEndpoint(job.settings()));
    }

    /** The name of the endpoint a screen ranks by; its index when the model is gone from the registry. */
    private String rankEndpoint(org.molscreen.engine.screen.ScreenSettings settings) {
        try {
            return models.card(settings.rankModel()).endpoints().get(settings.rankEndpoint()).name();
        } catch (RequestRefused modelGone) {
            return Integer.toString(settings.rankEndpoint());
        }
    }

    void submit(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
        JsonObject body = validated.getBody().getJsonObject();
        String key = ctx.request().getHeader("Idempotency-Key");
        JsonArray filters = body.getJsonArray("filters", new JsonArray());
        ScreenRequest request = new ScreenRequest(
                body.getJsonArray("models").stream().map(String::valueOf).toList(),
                body.getString("rank_by"),
                body.getInteger("top", 100),
                filters.stream().map(String::valueOf).toList(),
                body.getDouble("max_tox"),
                body.getString("similar_to"),
                body.getDouble("min_sim", 0.3),
                body.getBoolean("keep_filtered", false));
        String library = body.getString("library");
        Blocking.call(ctx, () -> view(jobs.submit(caller, library, request, key)), job -> ctx.response().setStatusCode(202)
                .putHeader("Location", Views.jobUrl(job.getString("id")))
                .putHeader("Content-Type", "application/json")
                .end(job.encode()));
    }

    void list(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        Paging paging = Paging.of(Params.integer(ctx, "offset"), Params.integer(ctx, "limit"), 100, limits.maxPageSize());
        Blocking.call(ctx, () -> {
            List<JobInfo> all = jobs.list(caller);
            return Views.page(paging.offset(), paging.limit(), all.size(), paging.apply(all).stream().map(this::view).toList());
        }, page -> Replies.json(ctx, 200, page));
    }

    void get(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Blocking.call(ctx, () -> view(jobs.get(caller, id)), job -> Replies.json(ctx, 200, job));
    }

    void cancel(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Blocking.call(ctx, () -> view(jobs.cancel(caller, id)), job -> Replies.json(ctx, 200, job));
    }

    /**
     * The hit list: whole (what {@code molscreen screen} writes, byte for byte) or one page, as JSON, CSV or SDF.
     */
    void hits(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Integer offset = Params.integer(ctx, "offset");
        Integer limit = Params.integer(ctx, "limit");
        String formatName = Params.string(ctx, "format");
        HitListWriter.Format format = HitListWriter.Format.valueOf((formatName == null ? "json" : formatName).toUpperCase(Locale.ROOT));
        HitListWriter.Page page = offset == null && limit == null ? HitListWriter.Page.ALL
                : new HitListWriter.Page(offset == null ? 0 : offset, limit == null ? Math.min(100, limits.maxPageSize()) : limit);
        if (limit != null && limit > limits.maxPageSize()) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "limit must be 1.." + limits.maxPageSize() + ", got " + limit,
                    Map.of("field", "limit", "max", limits.maxPageSize()));
        }
        Blocking.call(ctx, () -> {
            HitList list = jobs.hits(caller, id);
            StringWriter text = new StringWriter();
            HitListWriter.write(list, format, text, page);
            return text.toString();
        }, text -> {
            HttpServerResponse response = ctx.response().setStatusCode(200);
            switch (format) {
                case JSON -> response.putHeader("Content-Type", "application/json");
                case CSV -> response.putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"hits-" + id + ".csv\"");
                case SDF -> response.putHeader("Content-Type", "chemical/x-mdl-sdfile; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"hits-" + id + ".sdf\"");
            }
            response.end(text);
        });
    }

    /** The ranking score's distribution over the library, and the score of the last hit kept. */
    void histogram(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Blocking.call(ctx, () -> {
            HitList list = jobs.hits(caller, id);
            JsonArray bins = new JsonArray();
            list.histogram().bins().forEach(bin -> bins.add(new JsonObject().put("from", round(bin.from())).put("to", round(bin.to()))
                    .put("count", bin.count())));
            boolean classification = list.models().stream().filter(m -> m.name().equals(list.settings().rankModel()))
                    .findFirst().map(HitList.ModelColumns::classification).orElse(false);
            return new JsonObject()
                    .put("rank_by", list.settings().rankModel() + ":" + rankEndpoint(list.settings()))
                    .put("classification", classification)
                    .put("bin_width", list.histogram().binWidth())
                    .put("scored", list.histogram().total())
                    .put("hits", list.hits().size())
                    .put("threshold", list.hits().isEmpty() ? null : list.hits().get(list.hits().size() - 1).score())
                    .put("bins", bins);
        }, histogram -> Replies.json(ctx, 200, histogram));
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /**
     * Server-sent events: {@code progress} with the job whenever it changes, then {@code end} with the job as
     * it ended, then the stream closes. The first event comes at once, so a client sees where the job stands.
     */
    void events(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Blocking.call(ctx, () -> view(jobs.get(caller, id)), first -> {
            HttpServerResponse response = ctx.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
            String[] last = {null};
            long[] lastWrite = {System.currentTimeMillis()};
            boolean[] busy = {false};
            long timer = ctx.vertx().setPeriodic(1, EVENT_POLL_MILLIS, t -> {
                if (busy[0] || response.ended() || response.closed()) {
                    return;
                }
                busy[0] = true;
                ctx.vertx().executeBlocking(() -> view(jobs.get(caller, id)), false).onComplete(result -> {
                    busy[0] = false;
                    if (response.ended() || response.closed()) {
                        ctx.vertx().cancelTimer(t);
                        return;
                    }
                    if (result.failed()) {
                        ctx.vertx().cancelTimer(t);
                        response.end("event: error\ndata: " + new JsonObject().put("message", String.valueOf(result.cause().getMessage())).encode() + "\n\n");
                        return;
                    }
                    JsonObject job = result.result();
                    String data = job.encode();
                    boolean ended = !List.of("queued", "running").contains(job.getString("state"));
                    if (!data.equals(last[0])) {
                        last[0] = data;
                        lastWrite[0] = System.currentTimeMillis();
                        response.write("event: progress\ndata: " + data + "\n\n");
                    } else if (System.currentTimeMillis() - lastWrite[0] > HEARTBEAT_MILLIS) {
                        lastWrite[0] = System.currentTimeMillis();
                        response.write(": still " + job.getString("state") + "\n\n");
                    }
                    if (ended) {
                        ctx.vertx().cancelTimer(t);
                        response.end("event: end\ndata: " + data + "\n\n");
                    }
                });
            });
            response.closeHandler(v -> ctx.vertx().cancelTimer(timer));
        });
    }
}
