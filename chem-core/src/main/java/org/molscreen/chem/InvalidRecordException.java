package org.molscreen.chem;

import org.molscreen.error.MolscreenException;

/**
 * One record that cannot be used (bad SMILES, a molfile CDK cannot read, chemistry that cannot be
 * perceived). Thrown inside the featurisation of that record only; the pipeline turns it into a
 * {@code RecordError} with the record's location and goes on with the next record.
 */
public final class InvalidRecordException extends MolscreenException {

    private final String field;
    private final String reason;

    public InvalidRecordException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public InvalidRecordException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
        this.reason = reason;
    }

    /** The column, SD field or part of the record at fault. */
    public String field() {
        return field;
    }

    /** What was wrong with it. */
    public String reason() {
        return reason;
    }
}
