package org.molscreen.api.access;

import java.util.Objects;

/**
 * The user behind a request.
 *
 * @param user the user name, also the owner recorded on their libraries and jobs
 * @param role what they may do
 */
public record Caller(String user, Role role) {

    /** Who every request is when {@code serve} runs without a tokens file (on loopback only). */
    public static final Caller LOCAL = new Caller("local", Role.ADMIN);

    public Caller {
        Objects.requireNonNull(role, "role");
        if (user == null || !user.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("user name '" + user + "' must be 1 to 32 lower-case letters, digits, '-' or '_'");
        }
    }

}
