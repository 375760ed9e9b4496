package org.molscreen.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.molscreen.cluster.storage.StoredHitLists;
import org.molscreen.cluster.storage.StoredJobs;
import org.molscreen.cluster.storage.StoredLibraries;
import org.molscreen.cluster.storage.StoredModels;
import org.molscreen.cluster.storage.javaserial.ReleaseZeroValues;

/**
 * Rewrites the values an earlier release stored (Java serialisation, release 0.1.0; jobs in layout 1) in today's
 * layouts when a persistent node starts, so an upgraded data directory holds one format and the old reader is used once per
 * value rather than on every read. Each value is replaced only if nobody changed it meanwhile, so nodes
 * starting together cannot undo each other's writes; reading stays correct without this pass.
 */
final class StoredDataUpgrade {

    private static final System.Logger LOG = System.getLogger(StoredDataUpgrade.class.getName());

    private StoredDataUpgrade() {
    }

    /** Returns how many values were rewritten. */
    static int run(Ignite ignite) {
        if (NodeModels.recreateIfNotFullySynchronous(ignite)) {
            LOG.log(System.Logger.Level.INFO, "made the shipped-models cache fully synchronous (its copies are published again by each screen)");
        }
        int rewritten = rewrite(ignite, CacheNames.LIBRARIES, (key, value) -> ReleaseZeroValues.wrote(value),
                        bytes -> StoredLibraries.encode(StoredLibraries.decode(bytes)))
                + rewrite(ignite, ScreeningJobs.JOBS, (key, value) -> StoredJobs.outdated(value),
                        bytes -> StoredJobs.encode(StoredJobs.decode(bytes)))
                + rewrite(ignite, ScreeningJobs.HITS, (key, value) -> ReleaseZeroValues.wrote(value),
                        bytes -> StoredHitLists.encode(StoredHitLists.decode(bytes)))
                + rewrite(ignite, NodeModels.MODELS, (key, value) -> ReleaseZeroValues.wrote(value),
                        bytes -> StoredModels.encode(StoredModels.decode(bytes)));
        if (rewritten > 0) {
            LOG.log(System.Logger.Level.INFO, "rewrote " + rewritten + " values stored by earlier releases in today's layouts");
        }
        return rewritten;
    }

    private static int rewrite(Ignite ignite, String cacheName, IgniteBiPredicate<String, byte[]> outdated,
            UnaryOperator<byte[]> upgrade) {
        IgniteCache<String, byte[]> cache = ignite.cache(cacheName);
        if (cache == null) {
            return 0;
        }
        List<Cache.Entry<String, byte[]>> old = new ArrayList<>();
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = cache.query(new ScanQuery<>(outdated))) {
            cursor.forEach(old::add);
        }
        int rewritten = 0;
        for (Cache.Entry<String, byte[]> entry : old) {
            if (cache.replace(entry.getKey(), entry.getValue(), upgrade.apply(entry.getValue()))) {
                rewritten++;
            }
        }
        return rewritten;
    }
}
