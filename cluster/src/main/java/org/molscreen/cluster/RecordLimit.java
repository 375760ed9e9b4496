package org.molscreen.cluster;

/**
 * The most records one ingest may store, and the name of the limit that sets it (the {@code serve} option a
 * user can look up), so that a library stopped by it says which.
 */
public record RecordLimit(long maxRecords, String name) {

    /** No limit: the command line's own libraries. */
    public static final RecordLimit NONE = new RecordLimit(Long.MAX_VALUE, "none");

    public RecordLimit {
        if (maxRecords < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + maxRecords);
        }
    }
}
