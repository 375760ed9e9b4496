package org.molscreen.chem.featurize;

import java.util.Objects;
import org.molscreen.chem.io.RecordError;
import org.molscreen.chem.io.RecordLocation;

/** A record that produced no features, with the error that says where and why. */
public record RejectedRecord(RecordError error) implements FeaturizedRecord, java.io.Serializable {

    public RejectedRecord {
        Objects.requireNonNull(error, "error");
    }

    @Override
    public RecordLocation location() {
        return error.location();
    }

    @Override
    public String id() {
        return error.id();
    }
}
