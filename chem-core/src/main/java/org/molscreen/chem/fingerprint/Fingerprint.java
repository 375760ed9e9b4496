package org.molscreen.chem.fingerprint;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A binary fingerprint of {@code bits} bits packed into {@code long} words, bit {@code i} in word
 * {@code i / 64} at position {@code i % 64} (the layout of {@link BitSet#toLongArray()}). Immutable: the
 * words are copied in and out. Compact enough to store hundreds of millions per cluster.
 *
 * @param bits  the fingerprint's length in bits
 * @param words {@code ceil(bits / 64)} words; bits past {@code bits} must be zero
 */
public record Fingerprint(int bits, long[] words) implements java.io.Serializable {

    public Fingerprint {
        if (bits < 1) {
            throw new IllegalArgumentException("a fingerprint has at least one bit, got " + bits);
        }
        if (words == null || words.length != wordsFor(bits)) {
            throw new IllegalArgumentException("a " + bits + "-bit fingerprint needs " + wordsFor(bits) + " words, got "
                    + (words == null ? "null" : words.length));
        }
        words = words.clone();
        int spare = words.length * 64 - bits;
        if (spare > 0 && (words[words.length - 1] >>> (64 - spare)) != 0) {
            throw new IllegalArgumentException("bits beyond " + bits + " are set");
        }
    }

    /** The number of words a fingerprint of {@code bits} bits occupies. */
    public static int wordsFor(int bits) {
        return (bits + 63) >>> 6;
    }

    /** A fingerprint with the given bits set. */
    public static Fingerprint of(int bits, BitSet set) {
        if (set.length() > bits) {
            throw new IllegalArgumentException("bit " + (set.length() - 1) + " is set in a " + bits + "-bit fingerprint");
        }
        return new Fingerprint(bits, Arrays.copyOf(set.toLongArray(), wordsFor(bits)));
    }

    /** A fingerprint with the listed bit positions set. */
    public static Fingerprint ofOnBits(int bits, int... onBits) {
        long[] words = new long[wordsFor(bits)];
        for (int bit : onBits) {
            if (bit < 0 || bit >= bits) {
                throw new IllegalArgumentException("bit " + bit + " is outside a " + bits + "-bit fingerprint");
            }
            words[bit >>> 6] |= 1L << bit;
        }
        return new Fingerprint(bits, words);
    }

    @Override
    public long[] words() {
        return words.clone();
    }

    /** Copies the words into {@code target} at {@code offset} (packing fingerprints without a copy per call). */
    public void copyWordsTo(long[] target, int offset) {
        System.arraycopy(words, 0, target, offset, words.length);
    }

    public boolean get(int bit) {
        if (bit < 0 || bit >= bits) {
            throw new IndexOutOfBoundsException("bit " + bit + " of a " + bits + "-bit fingerprint");
        }
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The number of bits set. */
    public int cardinality() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The positions of the set bits, ascending. */
    public int[] onBits() {
        int[] on = new int[cardinality()];
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                on[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return on;
    }

    /**
     * Tanimoto (Jaccard) similarity: |A and B| / |A or B|, in [0, 1]. Two empty fingerprints are defined
     * as similarity 0, since nothing is known to be shared.
     *
     * @throws IllegalArgumentException when the lengths differ (comparing ECFP4-2048 to ECFP4-1024 is a bug)
     */
    public double tanimoto(Fingerprint other) {
        if (other.bits != bits) {
            throw new IllegalArgumentException("cannot compare a " + bits + "-bit fingerprint with a " + other.bits + "-bit one");
        }
        int both = 0;
        int either = 0;
        for (int i = 0; i < words.length; i++) {
            both += Long.bitCount(words[i] & other.words[i]);
            either += Long.bitCount(words[i] | other.words[i]);
        }
        return either == 0 ? 0.0 : (double) both / either;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && other.bits == bits && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * bits + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + bits + " bits, " + cardinality() + " set]";
    }
}
