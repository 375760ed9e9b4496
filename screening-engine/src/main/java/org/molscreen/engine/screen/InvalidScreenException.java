package org.molscreen.engine.screen;

import java.util.Objects;

/**
 * A screen request or settings value that cannot be run, with the field at fault, so each front end names
 * that field in its own words without reading the message. Still an {@link IllegalArgumentException}: it is
 * a caller's mistake.
 */
public final class InvalidScreenException extends IllegalArgumentException {

    private final ScreenField field;

    public InvalidScreenException(ScreenField field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public ScreenField field() {
        return field;
    }
}
