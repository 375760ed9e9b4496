package org.molscreen.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.molscreen.api.access.Callers;
import org.molscreen.api.access.Caller;

/**
 * Finds the caller of a request from its bearer token, before any body is read; public paths (health,
 * metrics, the API document) need none. Without a tokens file every caller is {@link Caller#LOCAL}.
 */
final class Authentication implements Handler<RoutingContext> {

    private static final String CALLER = "molscreen.caller";

    private final Callers tokens;
    private final Set<String> publicPaths;

    Authentication(Callers tokens, Set<String> publicPaths) {
        this.tokens = tokens;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (publicPaths.contains(ctx.request().path())) {
            ctx.next();
            return;
        }
        if (tokens == null) {
            ctx.put(CALLER, Caller.LOCAL);
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Caller caller = tokens.caller(token).orElse(null);
        if (caller == null) {
            ctx.fail(401);
            return;
        }
        ctx.put(CALLER, caller);
        ctx.next();
    }
}
