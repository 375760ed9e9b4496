package org.molscreen.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import org.molscreen.cluster.MolscreenNode;

/**
 * What {@code /health} answers, read from the node on a worker every {@link #REFRESH_MILLIS} and answered on the
 * event loop from the last reading. Under a heavy mix (ingests, jobs and downloads on every core) each hop
 * between threads waits for a core: a probe that went event loop → worker → event loop took seconds at the p99.
 * An event loop that cannot answer at all still fails the probe, which is what liveness means.
 */
final class HealthProbe implements AutoCloseable {

    static final long REFRESH_MILLIS = 500;

    private final Vertx vertx;
    private final long timer;
    private final AtomicReference<JsonObject> last;

    private HealthProbe(Vertx vertx, MolscreenNode node, WorkerExecutor pool) {
        this.vertx = vertx;
        this.last = new AtomicReference<>(read(node));
        // a node that cannot be read (stopping, or its cluster gone) is not ready: the last good reading must not linger
        this.timer = vertx.setPeriodic(REFRESH_MILLIS, tick -> pool.executeBlocking(() -> read(node), false)
                .onComplete(reading -> last.set(reading.succeeded() ? reading.result() : answer(false, 0))));
    }

    static HealthProbe start(Vertx vertx, MolscreenNode node, WorkerExecutor pool) {
        return new HealthProbe(vertx, node, pool);
    }

    /** Live when it answers; ready when the cluster is active (a persistent cluster starts inactive). */
    private static JsonObject read(MolscreenNode node) {
        return answer(node.active(), node.serverCount());
    }

    private static JsonObject answer(boolean ready, int nodes) {
        return new JsonObject().put("status", ready ? "ok" : "unavailable").put("live", true).put("ready", ready)
                .put("nodes", nodes);
    }

    JsonObject current() {
        return last.get();
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
