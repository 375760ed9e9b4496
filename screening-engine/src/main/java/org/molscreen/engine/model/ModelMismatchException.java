package org.molscreen.engine.model;

import org.molscreen.error.MolscreenException;

/**
 * A model asked to score compounds featurised differently from what it was trained on (another
 * fingerprint or length, or unstandardised structures). Refused, never silently mis-scored.
 */
public final class ModelMismatchException extends MolscreenException {

    public ModelMismatchException(String message) {
        super(message);
    }
}
