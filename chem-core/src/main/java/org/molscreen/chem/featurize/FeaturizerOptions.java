package org.molscreen.chem.featurize;

import org.molscreen.chem.fingerprint.FingerprintSpec;

/**
 * What to compute for each record.
 *
 * @param fingerprint the fingerprint to compute, or {@code null} for none
 * @param standardize whether to standardise (largest organic fragment, neutralise) before computing; when
 *                    false every value is computed on the record exactly as given (still perceived)
 */
public record FeaturizerOptions(FingerprintSpec fingerprint, boolean standardize) implements java.io.Serializable {

    /** ECFP4-2048, standardised: molscreen's default featurisation. */
    public static FeaturizerOptions defaults() {
        return new FeaturizerOptions(FingerprintSpec.ecfp4(), true);
    }
}
