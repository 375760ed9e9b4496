package org.molscreen.cluster;

import java.util.Locale;

/** The caches molscreen keeps in a cluster, named in one place. */
public final class CacheNames {

    /** Library metadata by library id: replicated, small. */
    public static final String LIBRARIES = "molscreen-libraries";
    /** Bad records of every library, by "library/record": partitioned. */
    public static final String LIBRARY_ERRORS = "molscreen-library-errors";
    private static final String RECORDS_PREFIX = "molscreen-lib-";

    private CacheNames() {
    }

    /**
     * The partitioned cache holding one library's compounds, keyed by record number. One cache per library
     * makes deleting a library a cache destruction and scanning one library touch nothing else.
     */
    public static String records(String libraryId) {
        return RECORDS_PREFIX + libraryId.toLowerCase(Locale.ROOT);
    }
}
