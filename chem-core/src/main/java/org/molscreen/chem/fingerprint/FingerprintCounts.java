package org.molscreen.chem.fingerprint;

import java.util.Arrays;

/**
 * How many atom environments of a circular fingerprint fell on each of its set bits, in ascending bit
 * order (the order of {@link Fingerprint#onBits()}), capped at {@value #MAX}. A binary fingerprint says a
 * benzene ring is there; the counts say there are three, which is what lets a model tell a long alkyl
 * chain or a polyaromatic from a small fragment with the same bits. Immutable: the array is copied in and out.
 */
public record FingerprintCounts(byte[] counts) implements java.io.Serializable {

    /** Counts above this are stored as this: a model reads log(1 + count), and nothing in a drug-like compound comes near it. */
    public static final int MAX = 255;

    private static final float[] LOG1P = new float[MAX + 1];

    static {
        for (int c = 0; c <= MAX; c++) {
            LOG1P[c] = (float) Math.log1p(c);
        }
    }

    public FingerprintCounts {
        counts = counts.clone();
        for (byte c : counts) {
            if (c == 0) {
                throw new IllegalArgumentException("a set bit is hit at least once; got a count of 0");
            }
        }
    }

    /** Counts per set bit, each capped at {@value #MAX}. */
    public static FingerprintCounts of(int[] perSetBit) {
        byte[] bytes = new byte[perSetBit.length];
        for (int i = 0; i < perSetBit.length; i++) {
            if (perSetBit[i] < 1) {
                throw new IllegalArgumentException("set bit " + i + " has a count of " + perSetBit[i]);
            }
            bytes[i] = (byte) Math.min(MAX, perSetBit[i]);
        }
        return new FingerprintCounts(bytes);
    }

    @Override
    public byte[] counts() {
        return counts.clone();
    }

    /** The number of set bits counted. */
    public int size() {
        return counts.length;
    }

    /** The count of the {@code i}-th set bit, 1 to {@value #MAX}. */
    public int count(int i) {
        return Byte.toUnsignedInt(counts[i]);
    }

    /** {@code log(1 + count)} of the {@code i}-th set bit: what a count-reading model takes as that bit's input. */
    public float logCount(int i) {
        return LOG1P[Byte.toUnsignedInt(counts[i])];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerprintCounts other && Arrays.equals(other.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "FingerprintCounts" + Arrays.toString(counts);
    }
}
