package org.molscreen.cluster.storage;

import java.io.IOException;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.JobSummary;
import org.molscreen.cluster.storage.javaserial.ReleaseZeroValues;

/**
 * A job as the jobs cache holds it.
 *
 * <p>Layout 2 (written today): owner (nullable string), state (constant name), processed (long), finished
 * (nullable string), then id, library, screen settings ({@link StoredSettings}), total (long), error, coordinator,
 * submitted, started (nullable strings). The fields a listing filters and counts on come first, so
 * {@link #summary} reads four fields and stops.
 *
 * <p>Layout 1: id, library, settings, state, processed, total, error, coordinator, submitted, started, finished,
 * owner. Reads release 0.1.0's Java-serialised jobs too.
 */
public final class StoredJobs {

    private StoredJobs() {
    }

    public static byte[] encode(JobInfo job) {
        ValueWriter out = ValueWriter.start(ValueKind.JOB, 256);
        out.string(job.owner()).constant(job.state()).number(job.processed()).string(job.finished())
                .string(job.id()).string(job.library());
        StoredSettings.write(out, job.settings());
        out.number(job.total()).string(job.error()).string(job.coordinator()).string(job.submitted()).string(job.started());
        return out.finish();
    }

    public static JobInfo decode(byte[] bytes) {
        if (ReleaseZeroValues.wrote(bytes)) {
            return ReleaseZeroValues.job(bytes);
        }
        return ValueReader.decode(bytes, ValueKind.JOB, in -> in.version() == 1 ? layout1(in) : layout2(in));
    }

    /** The job's summary; {@code id} is its cache key. Only a layout-2 value is read in part. */
    public static JobSummary summary(String id, byte[] bytes) {
        if (ReleaseZeroValues.wrote(bytes)) {
            return summaryOf(id, ReleaseZeroValues.job(bytes));
        }
        return ValueReader.decode(bytes, ValueKind.JOB, in -> in.version() == 1 ? summaryOf(id, layout1(in))
                : new JobSummary(id, in.string(), in.constant(JobInfo.State.class), in.number(), in.string()));
    }

    private static JobSummary summaryOf(String id, JobInfo job) {
        return new JobSummary(id, job.owner(), job.state(), job.processed(), job.finished());
    }

    /** Whether the value is in an older layout than today's (the node's start-up pass rewrites it). */
    public static boolean outdated(byte[] bytes) {
        return ReleaseZeroValues.wrote(bytes) || ValueReader.open(bytes, ValueKind.JOB).version() < ValueKind.JOB.currentVersion();
    }

    private static JobInfo layout2(ValueReader in) throws IOException {
        String owner = in.string();
        JobInfo.State state = in.constant(JobInfo.State.class);
        long processed = in.number();
        String finished = in.string();
        String id = in.string();
        String library = in.string();
        var settings = StoredSettings.read(in);
        long total = in.number();
        return new JobInfo(id, library, settings, state, processed, total, in.string(), in.string(), in.string(), in.string(),
                finished, owner);
    }

    private static JobInfo layout1(ValueReader in) throws IOException {
        return new JobInfo(in.string(), in.string(), StoredSettings.read(in), in.constant(JobInfo.State.class), in.number(),
                in.number(), in.string(), in.string(), in.string(), in.string(), in.string(), in.string());
    }
}
