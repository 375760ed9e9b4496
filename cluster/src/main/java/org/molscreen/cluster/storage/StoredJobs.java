package org.molscreen.cluster.storage;

import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.storage.javaserial.ReleaseZeroValues;

/**
 * A job as the jobs cache holds it. Layout 1: id, library, screen settings ({@link StoredSettings}), state
 * (constant name), processed, total (longs), error, coordinator, submitted, started, finished, owner (nullable
 * strings). Reads release 0.1.0's Java-serialised jobs too.
 */
public final class StoredJobs {

    private StoredJobs() {
    }

    public static byte[] encode(JobInfo job) {
        ValueWriter out = ValueWriter.start(ValueKind.JOB, 256);
        out.string(job.id()).string(job.library());
        StoredSettings.write(out, job.settings());
        out.constant(job.state()).number(job.processed()).number(job.total()).string(job.error()).string(job.coordinator())
                .string(job.submitted()).string(job.started()).string(job.finished()).string(job.owner());
        return out.finish();
    }

    public static JobInfo decode(byte[] bytes) {
        if (ReleaseZeroValues.wrote(bytes)) {
            return ReleaseZeroValues.job(bytes);
        }
        return ValueReader.decode(bytes, ValueKind.JOB, in -> new JobInfo(in.string(), in.string(), StoredSettings.read(in),
                in.constant(JobInfo.State.class), in.number(), in.number(), in.string(), in.string(), in.string(), in.string(),
                in.string(), in.string()));
    }
}
