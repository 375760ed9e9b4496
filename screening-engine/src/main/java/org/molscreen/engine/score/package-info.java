/**
 * Scoring compounds with trained fingerprint models on the CPU, without DL4J on the hot path.
 * {@link org.molscreen.engine.score.SparseNetwork} copies a DL4J fingerprint MLP and evaluates it with the
 * first layer as a sum of weight rows over the set bits; it is immutable and thread-safe (share one instance
 * across all scoring threads). Depends on chem-core's fingerprints and reads DL4J networks only when
 * copying them.
 */
package org.molscreen.engine.score;
