package org.molscreen.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs a service call on a worker thread (Ignite, CDK and DL4J block) and answers on the event loop. */
final class Blocking {

    private Blocking() {
    }

    static <T> void call(RoutingContext ctx, Callable<T> work, Consumer<T> reply) {
        call(ctx, work, reply, () -> { });
    }

    /** As {@link #call(RoutingContext, Callable, Consumer)}, running {@code failed} first when the work fails. */
    static <T> void call(RoutingContext ctx, Callable<T> work, Consumer<T> reply, Runnable failed) {
        answer(ctx, ctx.vertx().executeBlocking(work, false), reply, failed);
    }

    /** As {@link #call(RoutingContext, Callable, Consumer)}, on a pool of its own (see {@link WorkPools}). */
    static <T> void on(io.vertx.core.WorkerExecutor pool, RoutingContext ctx, Callable<T> work, Consumer<T> reply) {
        answer(ctx, pool.executeBlocking(work, false), reply, () -> { });
    }

    private static <T> void answer(RoutingContext ctx, io.vertx.core.Future<T> done, Consumer<T> reply, Runnable failed) {
        done.onComplete(result -> {
            if (result.failed()) {
                failed.run();
            }
            if (result.succeeded()) {
                try {
                    reply.accept(result.result());
                } catch (RuntimeException e) {
                    ctx.fail(e);
                }
            } else {
                ctx.fail(result.cause());
            }
        });
    }
}
