package org.molscreen.error;

/**
 * Root of molscreen's own errors. Unchecked: a caller that can act on an error catches the specific
 * subtype; everything else reaches the edge (CLI, HTTP) that turns it into a message for the user.
 * Messages say what arrived and what was expected.
 */
public abstract class MolscreenException extends RuntimeException {

    protected MolscreenException(String message) {
        super(message);
    }

    protected MolscreenException(String message, Throwable cause) {
        super(message, cause);
    }
}
