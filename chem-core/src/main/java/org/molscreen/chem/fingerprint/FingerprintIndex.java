package org.molscreen.chem.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Fingerprints of one length packed into one {@code long[]} (row-major, one row per fingerprint) with
 * their bit counts, searched for the most similar to a query by Tanimoto.
 *
 * <p>The search is a linear scan tuned for sparse queries: only the query's non-zero words are read, and
 * a target whose bit count alone bounds its similarity below the current k-th best is skipped without
 * reading its words ({@code T <= min(a, b) / max(a, b)}).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class FingerprintIndex {

    private final int bits;
    private final int wordsPerFingerprint;
    private final long[] packed;
    private final int[] counts;
    private final int size;

    private FingerprintIndex(int bits, long[] packed, int[] counts, int size) {
        this.bits = bits;
        this.wordsPerFingerprint = Fingerprint.wordsFor(bits);
        this.packed = packed;
        this.counts = counts;
        this.size = size;
    }

    /** An index over the fingerprints, in iteration order (hit indices refer to that order). */
    public static FingerprintIndex of(Collection<Fingerprint> fingerprints) {
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("cannot index zero fingerprints: the length is unknown");
        }
        int bits = fingerprints.iterator().next().bits();
        Builder builder = new Builder(bits, fingerprints.size());
        fingerprints.forEach(builder::add);
        return builder.build();
    }

    public static Builder builder(int bits) {
        return new Builder(bits, 1024);
    }

    public int size() {
        return size;
    }

    public int bits() {
        return bits;
    }

    /** The fingerprint at {@code index}. */
    public Fingerprint get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        int base = index * wordsPerFingerprint;
        return new Fingerprint(bits, Arrays.copyOfRange(packed, base, base + wordsPerFingerprint));
    }

    /** The {@code k} most similar fingerprints, best first; ties go to the lower index. */
    public List<SimilarityHit> topK(Fingerprint query, int k) {
        return topK(query, k, 0.0);
    }

    /**
     * The {@code k} most similar fingerprints with similarity at least {@code minSimilarity}, best first;
     * ties go to the lower index.
     */
    public List<SimilarityHit> topK(Fingerprint query, int k, double minSimilarity) {
        if (query.bits() != bits) {
            throw new IllegalArgumentException("query has " + query.bits() + " bits, the index " + bits);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        long[] q = query.words();
        int nonZero = 0;
        for (long word : q) {
            if (word != 0) {
                nonZero++;
            }
        }
        int[] wordIndex = new int[nonZero];
        long[] wordValue = new long[nonZero];
        int n = 0;
        for (int w = 0; w < q.length; w++) {
            if (q[w] != 0) {
                wordIndex[n] = w;
                wordValue[n++] = q[w];
            }
        }
        int a = query.cardinality();
        int capacity = Math.min(k, size);
        TopK heap = new TopK(capacity);
        double floor = minSimilarity;
        for (int i = 0, base = 0; i < size; i++, base += wordsPerFingerprint) {
            int b = counts[i];
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            if (high == 0) {
                continue; // two empty fingerprints share nothing: similarity 0
            }
            double bound = (double) low / high;
            if (bound < floor || (heap.full() && bound <= heap.worstSimilarity())) {
                continue;
            }
            int common = 0;
            for (int j = 0; j < nonZero; j++) {
                common += Long.bitCount(wordValue[j] & packed[base + wordIndex[j]]);
            }
            double similarity = (double) common / (a + b - common);
            if (similarity < floor) {
                continue;
            }
            heap.offer(i, similarity);
        }
        return heap.sortedHits();
    }

    /** A bounded min-heap on (similarity, -index): the root is the hit to evict first. */
    private static final class TopK {
        private final int[] indices;
        private final double[] similarities;
        private int size;

        TopK(int capacity) {
            indices = new int[capacity];
            similarities = new double[capacity];
        }

        boolean full() {
            return size == indices.length;
        }

        double worstSimilarity() {
            return similarities[0];
        }

        void offer(int index, double similarity) {
            if (indices.length == 0) {
                return;
            }
            if (!full()) {
                indices[size] = index;
                similarities[size] = similarity;
                siftUp(size++);
            } else if (similarity > similarities[0]) {
                // scanning in ascending index order: an equal similarity never displaces an earlier index
                indices[0] = index;
                similarities[0] = similarity;
                siftDown(0);
            }
        }

        private boolean worse(int x, int y) {
            return similarities[x] < similarities[y]
                    || (similarities[x] == similarities[y] && indices[x] > indices[y]);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int left = 2 * i + 1;
                if (left >= size) {
                    return;
                }
                int worst = left;
                if (left + 1 < size && worse(left + 1, left)) {
                    worst = left + 1;
                }
                if (!worse(worst, i)) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int x, int y) {
            int index = indices[x];
            indices[x] = indices[y];
            indices[y] = index;
            double similarity = similarities[x];
            similarities[x] = similarities[y];
            similarities[y] = similarity;
        }

        List<SimilarityHit> sortedHits() {
            List<SimilarityHit> hits = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                hits.add(new SimilarityHit(indices[i], similarities[i]));
            }
            hits.sort((x, y) -> x.similarity() != y.similarity()
                    ? Double.compare(y.similarity(), x.similarity())
                    : Integer.compare(x.index(), y.index()));
            return hits;
        }
    }

    /** Collects fingerprints of one length; not thread-safe. */
    public static final class Builder {
        private final int bits;
        private final int words;
        private long[] packed;
        private int[] counts;
        private int size;

        private Builder(int bits, int initialCapacity) {
            if (bits < 1) {
                throw new IllegalArgumentException("bits must be positive, got " + bits);
            }
            this.bits = bits;
            this.words = Fingerprint.wordsFor(bits);
            int capacity = Math.max(16, initialCapacity);
            this.packed = new long[capacity * words];
            this.counts = new int[capacity];
        }

        public Builder add(Fingerprint fingerprint) {
            if (fingerprint.bits() != bits) {
                throw new IllegalArgumentException("fingerprint " + size + " has " + fingerprint.bits()
                        + " bits, the index " + bits);
            }
            if (size == counts.length) {
                int capacity = Math.multiplyExact(counts.length, 2);
                packed = Arrays.copyOf(packed, Math.multiplyExact(capacity, words));
                counts = Arrays.copyOf(counts, capacity);
            }
            fingerprint.copyWordsTo(packed, size * words);
            counts[size++] = fingerprint.cardinality();
            return this;
        }

        public FingerprintIndex build() {
            return new FingerprintIndex(bits, Arrays.copyOf(packed, size * words), Arrays.copyOf(counts, size), size);
        }
    }
}
