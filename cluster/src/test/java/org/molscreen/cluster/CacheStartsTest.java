package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheException;
import org.apache.ignite.IgniteCheckedException;
import org.junit.jupiter.api.Test;

/**
 * A cache start refused because the cluster is changing state (as Ignite words it) is tried again until the change
 * is over; any other failure, and a change that does not end in time, reach the caller.
 */
class CacheStartsTest {

    private static CacheException inTransition() {
        return new CacheException(new IgniteCheckedException("Failed to start/stop cache, cluster state change is in progress."));
    }

    @Test
    void aStartRefusedDuringAStateChangeIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        String started = CacheStarts.waitingOutStateChanges(() -> {
            if (calls.incrementAndGet() < 3) {
                throw inTransition();
            }
            return "started";
        }, Duration.ofSeconds(30));
        assertThat(started).isEqualTo("started");
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAndAChangeThatDoesNotEndReachTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> CacheStarts.waitingOutStateChanges(() -> {
            calls.incrementAndGet();
            throw new CacheException("cache configuration is invalid");
        }, Duration.ofSeconds(30))).hasMessage("cache configuration is invalid");
        assertThat(calls).hasValue(1);

        long started = System.nanoTime();
        assertThatThrownBy(() -> CacheStarts.waitingOutStateChanges(() -> {
            throw inTransition();
        }, Duration.ofSeconds(1))).hasRootCauseMessage("Failed to start/stop cache, cluster state change is in progress.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }
}
