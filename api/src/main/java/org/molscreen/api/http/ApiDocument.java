package org.molscreen.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI 3.1 document ({@code openapi.yaml} beside this class): as written (served at
 * {@code /openapi.yaml}), as JSON, the copy Vert.x's validator takes, and the paths it declares public. The
 * router is built from it, so the document and the server cannot drift apart.
 *
 * @param yaml the document as written
 * @param json the same document as JSON
 */
record ApiDocument(String yaml, JsonObject json) {

    static final String DOCUMENT = "openapi.yaml";

    static ApiDocument load() {
        String yaml = documentYaml();
        return new ApiDocument(yaml, documentJson(yaml));
    }

    /** The copy the validator takes (see {@link #forValidation(JsonObject)}). */
    JsonObject forValidation() {
        return forValidation(json);
    }

    /** The paths that answer without a token. */
    Set<String> publicPaths() {
        return publicPaths(json);
    }

    /** The API document as written (servers: {@code /api/v1}, relative to wherever it is served). */
    static String documentYaml() {
        try (InputStream in = ApiDocument.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same document as JSON. */
    static JsonObject documentJson(String yaml) {
        Map<String, Object> tree = new Yaml().load(yaml);
        return new JsonObject(tree);
    }

    /** The paths that answer without a token: operations whose {@code security} is empty. */
    static Set<String> publicPaths(JsonObject document) {
        Set<String> paths = new HashSet<>();
        JsonObject all = document.getJsonObject("paths");
        for (String path : all.fieldNames()) {
            JsonObject item = all.getJsonObject(path);
            for (String method : item.fieldNames()) {
                Object op = item.getValue(method);
                if (op instanceof JsonObject operation && operation.getJsonArray("security") != null
                        && operation.getJsonArray("security").isEmpty()) {
                    paths.add(Views.BASE + path);
                }
            }
        }
        return paths;
    }

    /** Response media types Vert.x's contract reader accepts; responses are not validated, so others are dropped for it. */
    private static final Set<String> VALIDATED_MEDIA_TYPES = Set.of("application/json", "text/plain", "application/octet-stream",
            "multipart/form-data");

    /**
     * The document as Vert.x's validator takes it: an absolute server URL (only its path matters) and only the
     * response media types it knows (it validates requests, not responses, so nothing is lost).
     */
    static JsonObject forValidation(JsonObject document) {
        JsonObject copy = document.copy().put("servers", new JsonArray().add(new JsonObject().put("url", "http://localhost" + Views.BASE)));
        JsonObject paths = copy.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation && operation.getJsonObject("responses") != null) {
                    JsonObject responses = operation.getJsonObject("responses");
                    for (String status : responses.fieldNames()) {
                        JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                        if (content != null) {
                            new java.util.ArrayList<>(content.fieldNames()).stream()
                                    .filter(type -> !VALIDATED_MEDIA_TYPES.contains(type)).forEach(content::remove);
                            if (content.isEmpty()) {
                                responses.getJsonObject(status).remove("content");
                            }
                        }
                    }
                }
            }
        }
        return copy;
    }

}
