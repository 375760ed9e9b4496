package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.cluster.JobInfo}, read only; never change it. */
public record JobInfo(String id, String library, ScreenSettings settings, State state, long processed, long total,
                      String error, String coordinator, String submitted, String started, String finished,
                      String owner) implements java.io.Serializable {

    /** Release 0.1.0's job states. */
    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }
}
