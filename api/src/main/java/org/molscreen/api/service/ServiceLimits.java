package org.molscreen.api.service;

import org.molscreen.chem.io.ReadOptions;

/**
 * The limits that keep one caller from exhausting the server. Each has a name, used alike by the
 * {@code serve} option, {@code GET /me} and the refusal that cites it.
 *
 * @param maxUploadBytes         largest library file accepted (compressed size as sent)
 * @param maxSmilesLength        longest SMILES accepted in a request (reference actives, depictions)
 * @param maxTop                 most hits a job may keep
 * @param maxPageSize            most items one page of a list may hold
 * @param maxActiveJobsPerUser   jobs one user may have queued or running at once
 * @param maxRecordKb            largest record of a library, in KiB of text, any format ({@code max-record-kb});
 *                               a larger one is a reported bad record
 * @param maxRecordsPerLibrary   most records one library may have ({@code max-records-per-library}); the count
 *                               of an upload is known only while it is read (gzip), so a library past it fails
 * @param maxLibrariesPerUser    most libraries one user may keep ({@code max-libraries-per-user})
 * @param maxRecordsPerUser      most compounds one user's libraries may hold together ({@code max-records-per-user})
 * @param maxUploadsPerUser      uploads one user may have received or ingested at once ({@code max-uploads-per-user})
 * @param maxEventStreamsPerUser job event streams one user may hold open at once ({@code max-event-streams-per-user})
 * @param maxDownloadsPerUser    whole hit lists one user may be sent at once ({@code max-downloads-per-user})
 * @param keepJobsDays           days an ended job and its hits are kept ({@code keep-jobs-days}); 0: removed at the
 *                               next hourly sweep
 */
public record ServiceLimits(long maxUploadBytes, int maxSmilesLength, int maxTop, int maxPageSize, int maxActiveJobsPerUser,
                            int maxRecordKb, long maxRecordsPerLibrary, int maxLibrariesPerUser, long maxRecordsPerUser,
                            int maxUploadsPerUser, int maxEventStreamsPerUser, int maxDownloadsPerUser, int keepJobsDays) {

    public static final String MAX_RECORDS_PER_LIBRARY = "max-records-per-library";
    public static final String MAX_LIBRARIES_PER_USER = "max-libraries-per-user";
    public static final String MAX_RECORDS_PER_USER = "max-records-per-user";
    public static final String MAX_UPLOADS_PER_USER = "max-uploads-per-user";
    public static final String MAX_EVENT_STREAMS_PER_USER = "max-event-streams-per-user";
    public static final String MAX_DOWNLOADS_PER_USER = "max-downloads-per-user";

    public ServiceLimits {
        if (maxUploadBytes < 1 || maxSmilesLength < 1 || maxTop < 1 || maxPageSize < 1 || maxActiveJobsPerUser < 1
                || maxRecordKb < 1 || maxRecordsPerLibrary < 1 || maxLibrariesPerUser < 1 || maxRecordsPerUser < 1
                || maxUploadsPerUser < 1 || maxEventStreamsPerUser < 1 || maxDownloadsPerUser < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
        if (keepJobsDays < 0) {
            throw new IllegalArgumentException("keep-jobs-days must not be negative, got " + keepJobsDays);
        }
    }

    /**
     * For one workstation: 2 GiB uploads (a few tens of millions of SMILES gzipped), 1,000 SMILES characters,
     * 10,000 hits, pages of 1,000, 4 jobs, records of 1 MiB, 100 million records a library, 100 libraries and
     * 1 billion records a user, 2 uploads, 20 event streams and 2 whole hit-list downloads a user at once.
     */
    public static ServiceLimits defaults() {
        return new ServiceLimits(2L << 30, 1_000, 10_000, 1_000, 4, ReadOptions.DEFAULT_MAX_RECORD_KB,
                100_000_000L, 100, 1_000_000_000L, 2, 20, 2, 30);
    }

    public ServiceLimits withMaxUploadBytes(long bytes) {
        return new ServiceLimits(bytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, maxRecordKb,
                maxRecordsPerLibrary, maxLibrariesPerUser, maxRecordsPerUser, maxUploadsPerUser, maxEventStreamsPerUser, maxDownloadsPerUser, keepJobsDays);
    }

    public ServiceLimits withMaxActiveJobsPerUser(int jobs) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, jobs, maxRecordKb,
                maxRecordsPerLibrary, maxLibrariesPerUser, maxRecordsPerUser, maxUploadsPerUser, maxEventStreamsPerUser, maxDownloadsPerUser, keepJobsDays);
    }

    public ServiceLimits withMaxRecordKb(int kb) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, kb,
                maxRecordsPerLibrary, maxLibrariesPerUser, maxRecordsPerUser, maxUploadsPerUser, maxEventStreamsPerUser, maxDownloadsPerUser, keepJobsDays);
    }

    /** The per-library and per-user bounds on what is stored. */
    public ServiceLimits withStorage(long recordsPerLibrary, int librariesPerUser, long recordsPerUser) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, maxRecordKb,
                recordsPerLibrary, librariesPerUser, recordsPerUser, maxUploadsPerUser, maxEventStreamsPerUser, maxDownloadsPerUser, keepJobsDays);
    }

    /** The per-user bounds on what is held open at once. */
    public ServiceLimits withOpen(int uploadsPerUser, int eventStreamsPerUser, int downloadsPerUser) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, maxRecordKb,
                maxRecordsPerLibrary, maxLibrariesPerUser, maxRecordsPerUser, uploadsPerUser, eventStreamsPerUser, downloadsPerUser, keepJobsDays);
    }

    public ServiceLimits withKeepJobsDays(int days) {
        return new ServiceLimits(maxUploadBytes, maxSmilesLength, maxTop, maxPageSize, maxActiveJobsPerUser, maxRecordKb,
                maxRecordsPerLibrary, maxLibrariesPerUser, maxRecordsPerUser, maxUploadsPerUser, maxEventStreamsPerUser, maxDownloadsPerUser, days);
    }
}
