package org.molscreen.cluster;

/**
 * What listings, counts and retention need of a stored job, read from the front of its stored value without the
 * rest (settings, strings), so that a per-user listing or a count over every job in the cluster does not decode
 * every job.
 *
 * @param id        the job's id
 * @param owner     the user who submitted it, or null for a job of the node's own
 * @param state     its state
 * @param processed compounds screened so far
 * @param finished  ISO-8601 UTC, null until it ends
 */
public record JobSummary(String id, String owner, JobInfo.State state, long processed, String finished) {
}
