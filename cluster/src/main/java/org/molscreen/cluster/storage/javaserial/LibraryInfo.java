package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.cluster.LibraryInfo}, read only; never change it. */
public record LibraryInfo(String id, String name, String sourceFile, String sha256, long records, long errors,
                          String fingerprint, String created, State state, String owner, String ingestedBy,
                          String failure) implements java.io.Serializable {

    /** Release 0.1.0's library states. */
    public enum State { INGESTING, READY, FAILED }
}
