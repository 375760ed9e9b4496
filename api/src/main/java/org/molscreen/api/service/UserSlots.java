package org.molscreen.api.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many of something each user holds open on this node at once (uploads being received or ingested,
 * event streams), bounded by a named limit: one more is refused with 429 naming it.
 */
public final class UserSlots {

    private final String limit;
    private final int max;
    private final String what;
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    /**
     * @param limit the limit's name ({@code max-uploads-per-user})
     * @param what  what a slot is, plural, for the refusal ({@code "uploads in progress"})
     */
    public UserSlots(String limit, int max, String what) {
        this.limit = limit;
        this.max = max;
        this.what = what;
    }

    /** One slot of a user's, released by closing it (once; closing again does nothing). */
    public final class Slot implements AutoCloseable {
        private final String user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String user) {
            this.user = user;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                held.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** Takes a slot for {@code user}, or refuses with 429 naming the limit. */
    public Slot acquire(String user) {
        boolean[] taken = {false};
        held.compute(user, (u, n) -> {
            int count = n == null ? 0 : n;
            if (count >= max) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        if (!taken[0]) {
            throw new RequestRefused(RequestRefused.Reason.TOO_MANY, "user " + user + " already has " + max + " " + what
                    + " (the " + limit + " limit); wait for one to end", Map.of("limit", limit, "max", max));
        }
        return new Slot(user);
    }

    /** Slots {@code user} holds now. */
    public int held(String user) {
        return held.getOrDefault(user, 0);
    }
}
