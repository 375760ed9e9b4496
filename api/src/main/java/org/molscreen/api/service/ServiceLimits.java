package org.molscreen.api.service;

import org.molscreen.chem.io.ReadOptions;

/**
 * The limits that keep one caller from exhausting the server. Each has a name, used alike by the
 * {@code serve} option, {@code GET /me} and the refusal that cites it.
 *
 * @param maxUploadBytes        largest library file accepted (compressed size as sent)
 * @param maxSmilesLength       longest SMILES accepted in a request (reference actives, depictions)
 * @param maxTop                most hits a job may keep
 * @param maxPageSize           most items one page of a list may hold
 * @param maxActiveJobsPerUser  jobs one user may have queued or running at once
 * @param maxRecordKb           largest record of a library, in KiB of text, any format ({@code max-record-kb});
 *                              a larger one is a reported bad record
 */
public record ServiceLimits(long maxUploadBytes, int maxSmilesLength, int maxTop, int maxPageSize, int maxActiveJobsPerUser,
                            int maxRecordKb) {

    public ServiceLimits {
        if (maxUploadBytes < 1 || maxSmilesLength < 1 || maxTop < 1 || maxPageSize < 1 || maxActiveJobsPerUser < 1
                || maxRecordKb < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    /**
     * 2 GiB uploads (a few tens of millions of SMILES gzipped), 1,000 SMILES characters, 10,000 hits, pages of
     * 1,000, 4 jobs, records of 1 MiB.
     */
    public static ServiceLimits defaults() {
        return new ServiceLimits(2L << 30, 1_000, 10_000, 1_000, 4, ReadOptions.DEFAULT_MAX_RECORD_KB);
    }

    public ServiceLimits withMaxUploadBytes(long bytes) {
        return new ServiceLimits(bytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, maxRecordKb);
    }

    public ServiceLimits withMaxActiveJobsPerUser(int jobs) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, jobs, maxRecordKb);
    }

    public ServiceLimits withMaxRecordKb(int kb) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, kb);
    }
}
