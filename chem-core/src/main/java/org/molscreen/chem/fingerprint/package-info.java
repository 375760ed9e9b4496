/**
 * Binary fingerprints (ECFP4/6, FCFP4 folded to 1024/2048/4096 bits; MACCS 166 keys) as an immutable
 * {@code long[]} value type, Tanimoto similarity, and a packed index for top-k similarity search.
 * {@code Fingerprint}, {@code FingerprintSpec} and {@code FingerprintIndex} are immutable and thread-safe;
 * {@code Fingerprinter} is one-per-thread.
 */
package org.molscreen.chem.fingerprint;
