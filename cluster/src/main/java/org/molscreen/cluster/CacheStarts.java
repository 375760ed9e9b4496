package org.molscreen.cluster;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Starts and destroys caches, waiting out a cluster state change. Ignite refuses to start or stop a cache while
 * the cluster changes state, and with baseline auto-adjustment a node joining or leaving makes such a change a
 * few seconds later ({@link MolscreenNode#BASELINE_ADJUST_MILLIS}): an upload right then failed its library
 * with "Failed to start/stop cache, cluster state change is in progress" (seen in the network-namespace check).
 */
final class CacheStarts {

    /** Far longer than a baseline change takes; a cluster stuck in one gets the error after this. */
    static final Duration WAIT = Duration.ofSeconds(120);
    private static final long PAUSE_MILLIS = 200;
    private static final String IN_TRANSITION = "cluster state change is in progress";

    private CacheStarts() {
    }

    static <K, V> IgniteCache<K, V> getOrCreate(Ignite ignite, CacheConfiguration<K, V> configuration) {
        IgniteCache<K, V> started = ignite.cache(configuration.getName());
        if (started != null) {
            return started;
        }
        return waitingOutStateChanges(() -> ignite.getOrCreateCache(configuration), WAIT);
    }

    static void destroy(IgniteCache<?, ?> cache) {
        waitingOutStateChanges(() -> {
            cache.destroy();
            return null;
        }, WAIT);
    }

    static void destroy(Ignite ignite, String name) {
        waitingOutStateChanges(() -> {
            ignite.destroyCache(name);
            return null;
        }, WAIT);
    }

    /** Runs {@code action}, again after a pause each time Ignite refuses it for a state change, for up to {@code wait}. */
    static <T> T waitingOutStateChanges(Supplier<T> action, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!inTransition(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster changed state", e);
            }
        }
    }

    private static boolean inTransition(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(IN_TRANSITION)) {
                return true;
            }
        }
        return false;
    }
}
