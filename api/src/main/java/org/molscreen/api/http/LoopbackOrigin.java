package org.molscreen.api.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Without a tokens file every caller is the local admin, which is safe only if every caller really is on this
 * machine. Binding to loopback keeps other machines out, but not the chemist's own browser: a web page from
 * anywhere can send a "simple" cross-site POST (an upload) to {@code http://127.0.0.1:8080} without a
 * preflight, and a DNS-rebinding page reaches it under its own host name. So a request must name this server
 * by a loopback name in {@code Host}, and a browser's {@code Origin}, when sent, must be this server itself;
 * anything else gets 403. With tokens this guard is not installed: a foreign page has no token to send.
 */
final class LoopbackOrigin implements Handler<RoutingContext> {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    @Override
    public void handle(RoutingContext ctx) {
        int port = ctx.request().localAddress() == null ? -1 : ctx.request().localAddress().port();
        String host = ctx.request().getHeader("Host");
        if (host == null || !isThisServer(host, port)) {
            refuse(ctx, "Host", host);
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !isThisServerOrigin(origin, port)) {
            refuse(ctx, "Origin", origin);
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, String header, String value) {
        ErrorReplies.send(ctx, 403, "forbidden", "this server runs without --tokens and so answers only pages and programs on "
                        + "this machine that address it as 127.0.0.1 or localhost; " + header + " '" + value + "' is not that "
                        + "(serve with --tokens to accept other origins)",
                new JsonObject().put("header", header).put("value", value));
    }

    /** {@code Host: name[:port]} names this server when the name is a loopback name and the port is ours. */
    static boolean isThisServer(String hostHeader, int port) {
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        String name = value;
        int hostPort = 80;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && colon > value.lastIndexOf(']')) {
            name = value.substring(0, colon);
            try {
                hostPort = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return LOOPBACK_NAMES.contains(name) && (port < 0 || hostPort == port);
    }

    static boolean isThisServerOrigin(String origin, int port) {
        try {
            URI uri = new URI(origin.strip());
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return false;
            }
            int originPort = uri.getPort() < 0 ? 80 : uri.getPort();
            return LOOPBACK_NAMES.contains(uri.getHost().toLowerCase(Locale.ROOT)) && (port < 0 || originPort == port);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
