package org.molscreen.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web page's few static files, read from the class path once at start-up and served from memory.
 * Vert.x's StaticHandler resolves class-path directories by scanning the runnable jar (tens of thousands of
 * entries): the first page load took 20 s, measured. The page is four files; listing them here is simpler.
 */
final class WebPage {

    private static final String ROOT = "/org/molscreen/api/web/";
    /** File name to content type: every file of the page. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private record File(Buffer content, String type) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();

    WebPage() {
        FILES.forEach((name, type) -> {
            try (InputStream in = WebPage.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("the web page's " + name + " is missing from the jar");
                }
                files.put("/" + name, new File(Buffer.buffer(in.readAllBytes()), type));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        files.put("/", files.get("/index.html"));
    }

    /** Adds GET routes for the page's files (and {@code /} for the page itself). */
    void mount(Router router) {
        // each route serves its own file: the raw path may be encoded (/%61pp.js routes here as /app.js)
        files.forEach((path, file) -> router.get(path).handler(ctx -> serve(ctx, file)));
    }

    private static void serve(RoutingContext ctx, File file) {
        // revalidated on every load, so a new release is picked up without a hard refresh
        ctx.response().putHeader("Content-Type", file.type()).putHeader("Cache-Control", "no-cache").end(file.content());
    }
}
