package org.molscreen.chem;

import org.molscreen.error.MolscreenException;

/**
 * Input that molscreen cannot use as a whole: a file that is missing, empty, binary, or lacks a
 * required column. A single bad record is not an exception but a {@code RecordError} in the stream.
 */
public final class InvalidInputException extends MolscreenException {

    private final String source;

    public InvalidInputException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public InvalidInputException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file or stream the error is about. */
    public String source() {
        return source;
    }
}
