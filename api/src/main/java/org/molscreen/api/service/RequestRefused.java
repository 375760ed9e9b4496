package org.molscreen.api.service;

import java.util.Map;
import java.util.Objects;

/**
 * A request the service will not carry out, and why, in words a caller can act on.
 */
public final class RequestRefused extends RuntimeException {

    /** Why, in the kinds an HTTP status can say. */
    public enum Reason {
        /** Malformed or invalid request. */
        INVALID,
        /** Nothing of that id that the caller may see (another user's things are not revealed). */
        NOT_FOUND,
        /** Allowed to see it, not to do that (wrong role). */
        FORBIDDEN,
        /** Clashes with what is stored (a taken name, an idempotency key reused, hits of an unfinished job). */
        CONFLICT,
        /** An idempotency key sent again with another request. */
        KEY_REUSED,
        /** Larger than the server's limits. */
        TOO_LARGE,
        /** Over a per-user limit, try later. */
        TOO_MANY,
        /** Well formed, but the server will not finish it (a depiction past its time). */
        UNPROCESSABLE
    }

    private final Reason reason;
    private final Map<String, Object> details;

    public RequestRefused(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public RequestRefused(Reason reason, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.details = Map.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    /** Machine-readable context: the field, the limit, the offending value. */
    public Map<String, Object> details() {
        return details;
    }

    static RequestRefused notFound(String what, String id) {
        return new RequestRefused(Reason.NOT_FOUND, "no " + what + " '" + id + "'", Map.of(what, id));
    }
}
