package org.molscreen.cluster;

import java.util.Objects;
import org.molscreen.engine.screen.ScreenSettings;

/**
 * A screening job as the cluster records it.
 *
 * @param id          the job's id
 * @param library     the library screened
 * @param settings    models, ranking, filters, top N
 * @param state       queued, running, done, failed or cancelled
 * @param processed   compounds screened so far (by finished partitions)
 * @param total       compounds in the library
 * @param error       why it failed, else null
 * @param coordinator consistent id of the node that queued or runs it; null once it has ended
 * @param submitted   ISO-8601 UTC
 * @param started     ISO-8601 UTC, when its latest run started; null while queued
 * @param finished    ISO-8601 UTC, null until it ends
 * @param owner       the user who submitted it, or null for a job of the node's own (command line, tests)
 */
public record JobInfo(String id, String library, ScreenSettings settings, State state, long processed, long total,
                      String error, String coordinator, String submitted, String started, String finished,
                      String owner) {

    /** A job's life cycle. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean ended() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    public JobInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
    }

    JobInfo running(String node, long totalCompounds, String when) {
        return new JobInfo(id, library, settings, State.RUNNING, 0, totalCompounds, null, node, submitted, when, null, owner);
    }

    JobInfo progress(long done) {
        return new JobInfo(id, library, settings, state, done, total, error, coordinator, submitted, started, finished, owner);
    }

    JobInfo ended(State end, String reason, String when) {
        return new JobInfo(id, library, settings, end, end == State.DONE ? total : processed, total, reason, null, submitted,
                started, when, owner);
    }
}
