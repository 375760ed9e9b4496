package org.molscreen.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition a test cannot be told about directly (a job's state in another node, a file written
 * by another process), checking it every few milliseconds up to a deadline, and fails with what it waited
 * for. Bounded in time, so a broken condition fails the test instead of hanging the build.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@code limit}. */
    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 5;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + ", in vain");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(100, pause * 2);
        }
    }
}
