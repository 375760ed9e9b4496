package org.molscreen.chem.fingerprint;

/** One result of a similarity search: the position of the fingerprint in the index and its Tanimoto similarity. */
public record SimilarityHit(int index, double similarity) {
}
