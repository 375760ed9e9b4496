package org.molscreen.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Map;
import org.molscreen.api.service.RequestRefused;

/**
 * Every error the API answers is JSON {@code {error, message, details}} with the status that says what went
 * wrong; unexpected failures say only that, and which request, never a stack trace.
 */
final class ErrorReplies {

    private ErrorReplies() {
    }

    static void send(RoutingContext ctx, int status, String error, String message, JsonObject details) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset(); // a stream already under way cannot turn into an error document
            return;
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"molscreen\"");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).put("message", message).put("details", details).encode());
    }

    static void refused(RoutingContext ctx, RequestRefused refused) {
        int status = switch (refused.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case KEY_REUSED -> 422;
            case TOO_LARGE -> 413;
            case TOO_MANY -> 429;
            case UNPROCESSABLE -> 422;
        };
        String error = switch (refused.reason()) {
            case INVALID -> "invalid_request";
            case NOT_FOUND -> "not_found";
            case FORBIDDEN -> "forbidden";
            case CONFLICT -> "conflict";
            case KEY_REUSED -> "idempotency_key_reused";
            case TOO_LARGE -> "payload_too_large";
            case TOO_MANY -> "too_many_requests";
            case UNPROCESSABLE -> "unprocessable";
        };
        send(ctx, status, error, refused.getMessage(), new JsonObject((Map<String, Object>) (Map<?, ?>) refused.details()));
    }

    /** The router's failure handler: validation failures, refusals, limits, and anything unexpected. */
    static void handle(RoutingContext ctx) {
        if (ctx.response().closed() || ctx.response().ended()) {
            return; // the client went away (or was sent away, e.g. after a 413): nobody to answer
        }
        Throwable failure = ctx.failure();
        if (failure instanceof RequestRefused refused) {
            refused(ctx, refused);
            return;
        }
        if (failure instanceof HttpException http && http.getCause() instanceof ValidatorException invalid) {
            JsonObject details = new JsonObject().put("type", invalid.type().name().toLowerCase(java.util.Locale.ROOT));
            if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null
                    && schema.getOutputUnit().getErrors() != null) {
                JsonArray problems = new JsonArray();
                schema.getOutputUnit().getErrors().forEach(unit -> problems.add(new JsonObject()
                        .put("at", unit.getInstanceLocation()).put("rule", unit.getKeywordLocation()).put("problem", unit.getError())));
                details.put("problems", problems);
            }
            send(ctx, 400, "invalid_request", invalid.getMessage(), details);
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        switch (status) {
            case 400 -> send(ctx, 400, "invalid_request", failure != null && failure.getMessage() != null
                    ? failure.getMessage() : "malformed request", new JsonObject());
            case 401 -> send(ctx, 401, "unauthorized", "send a valid token as 'Authorization: Bearer <token>'", new JsonObject());
            case 403 -> send(ctx, 403, "forbidden", "not allowed for this user", new JsonObject());
            case 404 -> send(ctx, 404, "not_found", "no route " + ctx.request().method() + " " + ctx.request().path(), new JsonObject());
            case 405 -> send(ctx, 405, "method_not_allowed", ctx.request().method() + " is not allowed on " + ctx.request().path(), new JsonObject());
            case 413 -> send(ctx, 413, "payload_too_large", "the request body is larger than this server accepts", new JsonObject());
            case 415 -> send(ctx, 415, "unsupported_media_type", "unsupported Content-Type " + ctx.request().getHeader("Content-Type"), new JsonObject());
            default -> {
                if (status >= 400 && status < 500) {
                    send(ctx, status, "client_error", "the request could not be served (" + status + ")", new JsonObject());
                } else {
                    ApiServer.LOG.log(System.Logger.Level.ERROR, "request " + ctx.request().method() + " " + ctx.request().path() + " failed", failure);
                    send(ctx, 500, "internal_error", "the server failed to answer " + ctx.request().method() + " "
                            + ctx.request().path() + "; the failure is in the server log", new JsonObject());
                }
            }
        }
    }
}
