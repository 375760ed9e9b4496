package org.molscreen.cluster.storage.javaserial;

/** Holds the frozen copy of release 0.1.0's {@code org.molscreen.cluster.NodeModels.ShippedModel}. */
public final class NodeModels {

    private NodeModels() {
    }

    /** Frozen copy of release 0.1.0's shipped model, read only; never change it. */
    public record ShippedModel(String name, String sha256, byte[] zip) implements java.io.Serializable {
    }
}
