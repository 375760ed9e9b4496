package org.molscreen.chem.fingerprint;

import java.util.Objects;

/**
 * A fingerprint with the counts of its set bits, or without them ({@code counts} null) for a fingerprint
 * that has none (MACCS keys are presence tests).
 */
public record CountedFingerprint(Fingerprint fingerprint, FingerprintCounts counts) {

    public CountedFingerprint {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (counts != null && counts.size() != fingerprint.cardinality()) {
            throw new IllegalArgumentException(fingerprint.cardinality() + " set bits but " + counts.size() + " counts");
        }
    }
}
