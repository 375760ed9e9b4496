package org.molscreen.engine.model;

import org.molscreen.error.MolscreenException;

/** A model file that cannot be used: unreadable, incomplete, or from a newer molscreen. */
public final class InvalidModelException extends MolscreenException {

    public InvalidModelException(String source, String message) {
        super(source + ": " + message);
    }

    public InvalidModelException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
