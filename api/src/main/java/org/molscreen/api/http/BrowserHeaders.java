package org.molscreen.api.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response that tell a browser what this server's pages may do: scripts, styles and
 * requests from this origin only (the page has no inline script and builds its DOM without innerHTML, so it
 * needs no exception), depictions as blob: images, never framed by another site (clickjacking), and no
 * content-type sniffing (an uploaded library must never run as a script). Set as the response goes out, so
 * that error replies and 404s carry them too.
 */
final class BrowserHeaders implements Handler<RoutingContext> {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(done -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers that predate it
            headers.set("Referrer-Policy", "no-referrer");
        });
        ctx.next();
    }
}
