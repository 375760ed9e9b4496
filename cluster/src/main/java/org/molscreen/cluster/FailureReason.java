package org.molscreen.cluster;

/**
 * The words stored on a library or job that ended in failure. An {@link Error} (out of memory, a stack
 * overflow in a chemistry library) is named by its class, since its message alone ("Java heap space") does
 * not say what happened.
 */
final class FailureReason {

    private FailureReason() {
    }

    static String of(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof Error) {
            return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
