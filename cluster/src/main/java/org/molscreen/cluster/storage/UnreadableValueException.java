package org.molscreen.cluster.storage;

import org.molscreen.error.MolscreenException;

/**
 * A stored or sent value this release cannot read: written by a newer molscreen, of another kind than the
 * cache holds, or damaged. The message names the kind and the versions, so an operator knows whether to
 * upgrade the other nodes or restore a backup.
 */
public final class UnreadableValueException extends MolscreenException {

    public UnreadableValueException(String message) {
        super(message);
    }

    public UnreadableValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
