package org.molscreen.api.service;

import java.util.Map;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;

/**
 * Who may do what, in one place: a caller sees and acts on what they own (an admin on everybody's), a pipeline
 * may not delete libraries, and only an admin sees the cluster. Services ask here; handlers do not decide.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** Whether {@code caller} may see and act on something owned by {@code owner} (null: the node's own). */
    public static boolean mayAccess(Caller caller, String owner) {
        return seesEverybody(caller) || caller.user().equals(owner);
    }

    /** Whether the caller may see every user's jobs and libraries (an admin), not only their own. */
    public static boolean seesEverybody(Caller caller) {
        return caller.role() == Role.ADMIN;
    }

    /** Refuses a pipeline: libraries are deleted by people. */
    public static void requireLibraryDeletion(Caller caller) {
        if (caller.role() == Role.PIPELINE) {
            throw new RequestRefused(RequestRefused.Reason.FORBIDDEN, "a pipeline may not delete libraries; ask a chemist or an admin",
                    Map.of("role", caller.role().wireName()));
        }
    }

    /** Refuses anyone but an admin. */
    public static void requireClusterView(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw new RequestRefused(RequestRefused.Reason.FORBIDDEN, "the cluster's state is for admins; "
                    + caller.user() + " is a " + caller.role().wireName(), Map.of("role", caller.role().wireName()));
        }
    }
}
