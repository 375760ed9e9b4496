package org.molscreen.chem.fingerprint;

import java.util.Objects;

/**
 * A fingerprint type and length, named {@code ecfp4_2048}, {@code maccs_166}: the featurisation a model
 * card records and a library must match. Circular fingerprints fold to 1024, 2048 or 4096 bits; MACCS
 * is always 166.
 */
public record FingerprintSpec(FingerprintType type, int bits) implements java.io.Serializable {

    public static final int MACCS_BITS = 166;

    public FingerprintSpec {
        Objects.requireNonNull(type, "type");
        if (type.folded() && bits != 1024 && bits != 2048 && bits != 4096) {
            throw new IllegalArgumentException(type.registryName() + " folds to 1024, 2048 or 4096 bits, not " + bits);
        }
        if (!type.folded() && bits != MACCS_BITS) {
            throw new IllegalArgumentException("MACCS keys have " + MACCS_BITS + " bits, not " + bits);
        }
    }

    /** ECFP4 folded to 2048 bits: molscreen's default. */
    public static FingerprintSpec ecfp4() {
        return new FingerprintSpec(FingerprintType.ECFP4, 2048);
    }

    public static FingerprintSpec of(FingerprintType type, int bits) {
        return new FingerprintSpec(type, type.folded() ? bits : MACCS_BITS);
    }

    /** Reads a registry name such as {@code ecfp4_2048} or {@code maccs_166}. */
    public static FingerprintSpec parse(String name) {
        int underscore = name.lastIndexOf('_');
        if (underscore < 0) {
            FingerprintType type = FingerprintType.fromName(name);
            return of(type, 2048);
        }
        try {
            return new FingerprintSpec(FingerprintType.fromName(name.substring(0, underscore)),
                    Integer.parseInt(name.substring(underscore + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fingerprint name '" + name + "' should look like ecfp4_2048");
        }
    }

    /** {@code ecfp4_2048}. */
    public String name() {
        return type.registryName() + "_" + bits;
    }

    @Override
    public String toString() {
        return name();
    }
}
