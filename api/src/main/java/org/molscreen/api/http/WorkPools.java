package org.molscreen.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Worker pools kept apart so that the cheap never waits behind the expensive: hit-list exports and depictions
 * (seconds of CPU each) run on {@code heavy}; {@code /health} and {@code /metrics} on {@code probes}; everything
 * else on Vert.x's own worker pool.
 */
record WorkPools(WorkerExecutor heavy, WorkerExecutor probes) {

    static WorkPools create(Vertx vertx) {
        return new WorkPools(vertx.createSharedWorkerExecutor("molscreen-heavy", 4),
                vertx.createSharedWorkerExecutor("molscreen-probes", 2));
    }
}
