package org.molscreen.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Semaphore;

/**
 * Worker pools kept apart so that the cheap never waits behind the expensive: whole hit-list downloads on
 * {@code exports}, depictions on {@code depictions}, {@code /health} and {@code /metrics} on {@code probes},
 * everything else on Vert.x's own worker pool.
 *
 * @param exports   a thread per download being sent; most of a download's time is spent waiting for the client
 * @param renderers permits to produce download text (seconds of CPU for an SDF), half the cores: downloads then
 *                  take turns instead of taking every core from ingests, jobs and probes
 */
record WorkPools(WorkerExecutor exports, Semaphore renderers, WorkerExecutor depictions, WorkerExecutor probes) {

    /** Downloads being sent at once on one server; more wait for a thread (each user has a few at most). */
    static final int EXPORT_THREADS = 32;

    static WorkPools create(Vertx vertx) {
        return new WorkPools(vertx.createSharedWorkerExecutor("molscreen-exports", EXPORT_THREADS),
                new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true),
                vertx.createSharedWorkerExecutor("molscreen-depictions", 2),
                vertx.createSharedWorkerExecutor("molscreen-probes", 2));
    }
}
