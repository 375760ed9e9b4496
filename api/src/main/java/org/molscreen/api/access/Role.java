package org.molscreen.api.access;

import java.util.Locale;

/** What a user may do through the API. */
public enum Role {
    /** Uploads libraries, runs jobs, reads their own. */
    CHEMIST,
    /** Submits jobs and reads their own (and uploads the libraries they screen). */
    PIPELINE,
    /** Everything, everybody's, plus the cluster's status. */
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromName(String name) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(name.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; expected chemist, pipeline or admin");
    }
}
