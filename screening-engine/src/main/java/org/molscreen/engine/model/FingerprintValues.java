package org.molscreen.engine.model;

import org.molscreen.chem.RegistryNamed;

/**
 * What a network reads for each set bit of the fingerprint: 1, or {@code log(1 + count)} of the atom
 * environments that fell on it. Recorded in the model card ({@code null} in cards written before counts:
 * {@link #BITS}).
 */
public enum FingerprintValues implements RegistryNamed {
    BITS("bits"),
    LOG_COUNTS("log_counts");

    private final String registryName;

    FingerprintValues(String registryName) {
        this.registryName = registryName;
    }

    @Override
    public String registryName() {
        return registryName;
    }

    /** What a network reads when it reads counts, or not. */
    public static FingerprintValues of(boolean counts) {
        return counts ? LOG_COUNTS : BITS;
    }

    /** @throws IllegalArgumentException naming the known values */
    public static FingerprintValues fromName(String name) {
        return name == null ? BITS : RegistryNamed.lookup(FingerprintValues.class, "fingerprint values", name);
    }
}
