package org.molscreen.api.service;

/**
 * The limits that keep one caller from exhausting the server.
 *
 * @param maxUploadBytes        largest library file accepted (compressed size as sent)
 * @param maxSmilesLength       longest SMILES accepted in a request (reference actives, depictions)
 * @param maxTop                most hits a job may keep
 * @param maxPageSize           most items one page of a list may hold
 * @param maxActiveJobsPerUser  jobs one user may have queued or running at once
 */
public record ServiceLimits(long maxUploadBytes, int maxSmilesLength, int maxTop, int maxPageSize, int maxActiveJobsPerUser) {

    public ServiceLimits {
        if (maxUploadBytes < 1 || maxSmilesLength < 1 || maxTop < 1 || maxPageSize < 1 || maxActiveJobsPerUser < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    /** 2 GiB uploads (a few tens of millions of SMILES gzipped), 1,000 SMILES characters, 10,000 hits, pages of 1,000, 4 jobs. */
    public static ServiceLimits defaults() {
        return new ServiceLimits(2L << 30, 1_000, 10_000, 1_000, 4);
    }

    public ServiceLimits withMaxUploadBytes(long bytes) {
        return new ServiceLimits(bytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser);
    }

    public ServiceLimits withMaxActiveJobsPerUser(int jobs) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, jobs);
    }
}
