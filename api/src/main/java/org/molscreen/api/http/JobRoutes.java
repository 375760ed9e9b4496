package org.molscreen.api.http;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.molscreen.api.access.Caller;
import org.molscreen.api.service.JobService;
import org.molscreen.api.service.ModelService;
import org.molscreen.api.service.Paging;
import org.molscreen.api.service.RequestRefused;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.api.service.UserSlots;
import org.molscreen.cluster.JobInfo;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.HitListWriter;
import org.molscreen.engine.screen.ScreenField;
import org.molscreen.engine.screen.ScreenRequest;

/** {@code /jobs}: submit, list, get, cancel, progress events, hits. */
final class JobRoutes {

    /** A comment line this often keeps proxies from closing a quiet stream. */
    static final long HEARTBEAT_MILLIS = 15_000;

    /** A download whose client takes nothing for this long is abandoned, and its thread and slot freed. */
    static final long DOWNLOAD_STALL_MILLIS = 60_000;

    private final JobService jobs;
    private final ModelService models;
    private final ServiceLimits limits;
    private final UserSlots streams;
    private final UserSlots downloads;
    private final WorkPools pools;

    /**
     * @param streams   the callers' open event streams, bounded by {@code max-event-streams-per-user}
     * @param downloads the callers' whole hit lists being sent, bounded by {@code max-downloads-per-user}
     */
    JobRoutes(JobService jobs, ModelService models, ServiceLimits limits, UserSlots streams, UserSlots downloads, WorkPools pools) {
        this.pools = pools;
        this.downloads = downloads;
        this.jobs = jobs;
        this.models = models;
        this.limits = limits;
        this.streams = streams;
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
        // bound by the fields' own names (ScreenField), with the defaults the command line has (ScreenRequest)
        ScreenRequest request = new ScreenRequest(
                strings(body.getJsonArray(ScreenField.MODELS.jsonName())),
                body.getString(ScreenField.RANK_BY.jsonName()),
                body.getInteger(ScreenField.TOP.jsonName(), ScreenRequest.DEFAULT_TOP),
                strings(body.getJsonArray(ScreenField.FILTERS.jsonName(), new JsonArray())),
                body.getDouble(ScreenField.MAX_TOX.jsonName()),
                body.getString(ScreenField.SIMILAR_TO.jsonName()),
                body.getDouble(ScreenField.MIN_SIMILARITY.jsonName(), ScreenRequest.DEFAULT_MIN_SIMILARITY),
                body.getBoolean("keep_filtered", false));
        String library = body.getString("library");
        Blocking.call(ctx, () -> view(jobs.submit(caller, library, request, key)), job -> ctx.response().setStatusCode(202)
                .putHeader("Location", Views.jobUrl(job.getString("id")))
                .putHeader("Content-Type", "application/json")
                .end(job.encode()));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String::valueOf).toList();
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
        Blocking.call(ctx, () -> jobs.cancelOrDelete(caller, id).map(this::view), cancelled -> {
            if (cancelled.isPresent()) {
                Replies.json(ctx, 200, cancelled.get());
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
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
        // a whole list is a download of up to tens of MB: each user may run only a few at once
        UserSlots.Slot slot;
        try {
            slot = page.all() ? downloads.acquire(caller.user()) : null;
        } catch (RequestRefused refused) {
            ctx.fail(refused);
            return;
        }
        Runnable release = () -> {
            if (slot != null) {
                slot.close();
            }
        };
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        Blocking.call(ctx, () -> jobs.hits(caller, id), list -> {
            HttpServerResponse response = ctx.response().setStatusCode(200);
            switch (format) {
                case JSON -> response.putHeader("Content-Type", "application/json");
                case CSV -> response.putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"hits-" + id + ".csv\"");
                case SDF -> response.putHeader("Content-Type", "chemical/x-mdl-sdfile; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"hits-" + id + ".sdf\"");
            }
            // streamed as it is written, on the exports pool: an SDF of 10,000 hits is seconds of CPU and ~35 MB
            ResponseBodyWriter body = new ResponseBodyWriter(response, context, DOWNLOAD_STALL_MILLIS, pools.renderers()).start();
            pools.exports().executeBlocking(() -> {
                try (body) {
                    HitListWriter.write(list, format, body, page);
                }
                return null;
            }, false).onComplete(done -> {
                release.run();
                if (done.failed()) {
                    // the status line has gone out: all that is left is to cut the body short, so the client sees
                    // an incomplete download rather than a complete-looking wrong one
                    ApiServer.LOG.log(System.Logger.Level.WARNING, "hits of job " + id + " as " + format + " stopped: "
                            + done.cause().getMessage());
                    if (!response.ended() && !response.closed()) {
                        response.reset();
                    }
                }
            });
        }, release);
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

    /** The event-bus address where a job's changes are published (see {@link #publish}). */
    static String address(String jobId) {
        return "molscreen.job." + jobId;
    }

    /** Publishes a changed job, as its JSON view, to whoever follows it on this server (called by the cluster's watch). */
    void publish(io.vertx.core.Vertx vertx, JobInfo job) {
        vertx.eventBus().publish(address(job.id()), view(job));
    }

    /**
     * Server-sent events: {@code progress} with the job whenever it changes, then {@code end} with the job as
     * it ended, then the stream closes. The first event comes at once, so a client sees where the job stands.
     * Changes are pushed from the cluster through the event bus; nothing polls. The stream subscribes before
     * it reads the job, so a change between the two is not lost (a repeat of the same view is not sent).
     */
    void events(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        UserSlots.Slot slot;
        try {
            slot = streams.acquire(caller.user());
        } catch (RequestRefused refused) {
            ctx.fail(refused);
            return;
        }
        HttpServerResponse response = ctx.response();
        EventStream stream = new EventStream(ctx, response);
        MessageConsumer<JsonObject> changes = ctx.vertx().eventBus().localConsumer(address(id), message -> stream.send(message.body()));
        stream.onClose(changes::unregister);
        stream.onClose(slot::close);
        Blocking.call(ctx, () -> view(jobs.get(caller, id)), first -> {
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
            stream.open(first);
        }, () -> {
            changes.unregister();
            slot.close();
        });
    }

    /** One client's stream of a job's changes, on the request's event loop. */
    private static final class EventStream {

        private final RoutingContext ctx;
        private final HttpServerResponse response;
        private final java.util.List<Runnable> onClose = new java.util.ArrayList<>();
        private String last;
        private boolean open;
        private boolean finished;
        private JsonObject early;
        private long heartbeat = -1;
        private long lastWrite;

        EventStream(RoutingContext ctx, HttpServerResponse response) {
            this.ctx = ctx;
            this.response = response;
        }

        void onClose(Runnable action) {
            onClose.add(action);
        }

        void open(JsonObject first) {
            open = true;
            response.closeHandler(v -> finish());
            heartbeat = ctx.vertx().setPeriodic(HEARTBEAT_MILLIS, t -> {
                if (!finished && System.currentTimeMillis() - lastWrite >= HEARTBEAT_MILLIS) {
                    write(": still " + (last == null ? "here" : new JsonObject(last).getString("state")) + "\n\n");
                }
            });
            send(first);
            if (early != null && !isBefore(early, first)) {
                send(early);
            }
        }

        void send(JsonObject job) {
            if (finished) {
                return;
            }
            if (!open) {
                early = job; // a change before the first read answered: the latest one is all that matters
                return;
            }
            String data = job.encode();
            if (data.equals(last)) {
                return;
            }
            last = data;
            write("event: progress\ndata: " + data + "\n\n");
            if (!List.of("queued", "running").contains(job.getString("state"))) {
                finished = true;
                response.end("event: end\ndata: " + data + "\n\n");
                finish();
            }
        }

        /**
         * Whether {@code a} is an older view of the job than {@code b}: a job only moves forward (queued, running,
         * ended; processed grows) within a run, so an early change that the first read already covers is dropped.
         */
        private static boolean isBefore(JsonObject a, JsonObject b) {
            int stage = Integer.compare(stage(a), stage(b));
            return stage < 0 || stage == 0 && a.getJsonObject("progress").getLong("processed") < b.getJsonObject("progress").getLong("processed");
        }

        private static int stage(JsonObject job) {
            return switch (job.getString("state")) {
                case "queued" -> 0;
                case "running" -> 1;
                default -> 2;
            };
        }

        private void write(String text) {
            if (!response.ended() && !response.closed()) {
                lastWrite = System.currentTimeMillis();
                response.write(text);
            }
        }

        private void finish() {
            finished = true;
            if (heartbeat >= 0) {
                ctx.vertx().cancelTimer(heartbeat);
            }
            onClose.forEach(Runnable::run);
            onClose.clear();
        }
    }
}
