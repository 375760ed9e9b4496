package org.molscreen.cluster;

import java.util.Objects;

/**
 * What the cluster knows about a stored library.
 *
 * @param id            stable identifier, derived from the name
 * @param name          the name given at ingest
 * @param sourceFile    the ingested file's name
 * @param sha256        SHA-256 of the ingested file, to refuse a silent duplicate
 * @param records       records read
 * @param errors        records that could not be featurised (listed in the error cache)
 * @param fingerprint   the featurisation, e.g. {@code ecfp4_2048}
 * @param created       ISO-8601 UTC time the ingest started
 * @param state         ingesting, ready or failed
 * @param owner         the user who ingested it, or null for a library of the node's own (command line, tests)
 * @param ingestedBy    consistent id of the node reading the file while the state is ingesting
 * @param failure       why the ingest failed, else null
 */
public record LibraryInfo(String id, String name, String sourceFile, String sha256, long records, long errors,
                          String fingerprint, String created, State state, String owner, String ingestedBy,
                          String failure) {

    /** A library's life cycle. */
    public enum State { INGESTING, READY, FAILED }

    public LibraryInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    LibraryInfo with(long newRecords, long newErrors, State newState) {
        return new LibraryInfo(id, name, sourceFile, sha256, newRecords, newErrors, fingerprint, created, newState, owner,
                newState == State.INGESTING ? ingestedBy : null, failure);
    }

    LibraryInfo failed(String reason) {
        return new LibraryInfo(id, name, sourceFile, sha256, records, errors, fingerprint, created, State.FAILED, owner,
                null, reason);
    }
}
