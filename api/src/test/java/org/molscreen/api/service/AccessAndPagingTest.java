package org.molscreen.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;

/** Who may do what, and how a page request is checked: plain rules, no server needed. */
class AccessAndPagingTest {

    private static final Caller ALICE = new Caller("alice", Role.CHEMIST);
    private static final Caller ROBOT = new Caller("robot", Role.PIPELINE);
    private static final Caller ROOT = new Caller("root", Role.ADMIN);

    /** The refusal {@code call} ends in; fails when it does not refuse. */
    static RequestRefused refusal(Runnable call) {
        try {
            call.run();
        } catch (RequestRefused refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void ownersAndAdminsOnly() {
        assertThat(AccessRules.mayAccess(ALICE, "alice")).isTrue();
        assertThat(AccessRules.mayAccess(ALICE, "bob")).isFalse();
        assertThat(AccessRules.mayAccess(ALICE, null)).as("the node's own things are not a chemist's").isFalse();
        assertThat(AccessRules.mayAccess(ROOT, "bob")).isTrue();
        assertThat(AccessRules.mayAccess(ROOT, null)).isTrue();

        AccessRules.requireLibraryDeletion(ALICE);
        AccessRules.requireLibraryDeletion(ROOT);
        RequestRefused pipeline = refusal(() -> AccessRules.requireLibraryDeletion(ROBOT));
        assertThat(pipeline.reason()).isEqualTo(RequestRefused.Reason.FORBIDDEN);
        assertThat(pipeline.details()).containsEntry("role", "pipeline");

        AccessRules.requireClusterView(ROOT);
        RequestRefused chemist = refusal(() -> AccessRules.requireClusterView(ALICE));
        assertThat(chemist.reason()).isEqualTo(RequestRefused.Reason.FORBIDDEN);
        assertThat(chemist.getMessage()).contains("alice is a chemist");
    }

    @Test
    void pagesAreCheckedAndCutFromTheWholeList() {
        assertThat(Paging.of(null, null, 100, 1000)).isEqualTo(new Paging(0, 100));
        assertThat(Paging.of(null, null, 100, 50)).as("the default never exceeds the limit").isEqualTo(new Paging(0, 50));
        List<Integer> all = List.of(0, 1, 2, 3, 4);
        assertThat(Paging.of(3, 10, 100, 1000).apply(all)).containsExactly(3, 4);
        assertThat(Paging.of(9, 10, 100, 1000).apply(all)).isEmpty();
        assertThat(new Paging(1, Integer.MAX_VALUE).apply(all)).as("no int overflow").containsExactly(1, 2, 3, 4);

        RequestRefused offset = refusal(() -> Paging.of(-1, null, 100, 1000));
        assertThat(offset.reason()).isEqualTo(RequestRefused.Reason.INVALID);
        assertThat(offset.details()).containsEntry("field", "offset");
        RequestRefused limit = refusal(() -> Paging.of(0, 1001, 100, 1000));
        assertThat(limit.details()).containsEntry("field", "limit").containsEntry("max", 1000);
        assertThat(refusal(() -> Paging.of(0, 0, 100, 1000)).details()).containsEntry("field", "limit");
    }
}
