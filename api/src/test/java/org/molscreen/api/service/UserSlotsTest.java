package org.molscreen.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserSlotsTest {

    @Test
    void eachUserHoldsUpToTheLimitAndARefusalNamesIt() {
        UserSlots streams = new UserSlots(ServiceLimits.MAX_EVENT_STREAMS_PER_USER, 2, "open event streams");
        UserSlots.Slot first = streams.acquire("alice");
        streams.acquire("alice");
        streams.acquire("bob");
        assertThatThrownBy(() -> streams.acquire("alice")).isInstanceOfSatisfying(RequestRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RequestRefused.Reason.TOO_MANY);
            assertThat(refused.getMessage()).contains("alice already has 2 open event streams (the max-event-streams-per-user limit)");
            assertThat(refused.details()).containsEntry("limit", "max-event-streams-per-user").containsEntry("max", 2);
        });
        first.close();
        first.close(); // a second close must not free another's slot
        assertThat(streams.held("alice")).isEqualTo(1);
        streams.acquire("alice");
        assertThat(streams.held("alice")).isEqualTo(2);
        assertThat(streams.held("bob")).isEqualTo(1);
    }
}
