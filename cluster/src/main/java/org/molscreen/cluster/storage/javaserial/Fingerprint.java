package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.chem.fingerprint.Fingerprint}, read only; never change it. */
public record Fingerprint(int bits, long[] words) implements java.io.Serializable {
}
