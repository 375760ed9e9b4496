package org.molscreen.api.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.RequestParameter;

/** Query parameters as the OpenAPI validation typed them (absent: null; the document's defaults are applied in code). */
final class Params {

    private Params() {
    }

    static Integer integer(RoutingContext ctx, String name) {
        RequestParameter value = query(ctx, name);
        return value == null || value.isNull() ? null : value.getInteger();
    }

    static String string(RoutingContext ctx, String name) {
        RequestParameter value = query(ctx, name);
        return value == null || value.isNull() ? null : value.getString();
    }

    private static RequestParameter query(RoutingContext ctx, String name) {
        ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
        return validated == null ? null : validated.getQuery().get(name);
    }
}
