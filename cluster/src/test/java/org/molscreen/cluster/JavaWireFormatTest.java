package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What other nodes and the disk hand back is read only if it names molscreen's own types and plain JDK values. */
class JavaWireFormatTest {

    /** A class outside molscreen and the JDK's value packages, as a crafted value would name one. */
    record Carrier(Object payload) implements Serializable {
    }

    @Test
    void molscreenValuesAndTheirJdkPartsRoundTrip() {
        JobInfo job = new JobInfo("j1", "alice.lib", new org.molscreen.engine.screen.ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 50,
                java.util.Set.of(org.molscreen.engine.screen.HitFilter.values()[0]), 0.5, null, 0, false),
                JobInfo.State.DONE, 10, 10, null, "node-1", "2026-12-02T00:00:00Z", null, null, "alice");
        assertThat(JavaWireFormat.fromBytes(JavaWireFormat.toBytes(job), JobInfo.class)).isEqualTo(job);
        List<Object> plain = new ArrayList<>(List.of("a", 1, 2.5, Map.of("k", List.of(1L)), java.time.Instant.EPOCH));
        assertThat(JavaWireFormat.fromBytes(JavaWireFormat.toBytes((Serializable) plain), List.class)).isEqualTo(plain);
    }

    @Test
    void anythingElseIsRefusedBeforeItIsBuilt() {
        byte[] file = JavaWireFormat.toBytes(new File("/etc/passwd"));
        assertThatThrownBy(() -> JavaWireFormat.fromBytes(file, File.class))
                .hasRootCauseInstanceOf(java.io.InvalidClassException.class).rootCause().hasMessageContaining("REJECTED");
        byte[] nested = JavaWireFormat.toBytes(new Carrier(new java.util.concurrent.atomic.AtomicLong(1)));
        assertThatThrownBy(() -> JavaWireFormat.fromBytes(nested, Carrier.class))
                .as("a refused class inside an allowed one").hasRootCauseInstanceOf(java.io.InvalidClassException.class);
    }
}
