package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.chem.io.RecordLocation}, read only; never change it. */
public record RecordLocation(String source, long record, long line) implements java.io.Serializable {
}
