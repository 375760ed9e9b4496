package org.molscreen.chem.fingerprint;

import org.molscreen.chem.RegistryNamed;

/** The fingerprint kinds molscreen computes, by registry name. */
public enum FingerprintType implements RegistryNamed {
    /** Extended-connectivity, diameter 4 (Rogers and Hahn 2010), as CDK's {@code CircularFingerprinter}. */
    ECFP4("ecfp4", true),
    /** Extended-connectivity, diameter 6. */
    ECFP6("ecfp6", true),
    /** Functional-class (pharmacophoric atom types), diameter 4. */
    FCFP4("fcfp4", true),
    /** The 166 public MACCS structural keys, as CDK's {@code MACCSFingerprinter}. */
    MACCS("maccs", false);

    private final String registryName;
    private final boolean folded;

    FingerprintType(String registryName, boolean folded) {
        this.registryName = registryName;
        this.folded = folded;
    }

    /** The name used on the command line, in model cards and in the API. */
    @Override
    public String registryName() {
        return registryName;
    }

    /** Whether the length is a choice (hashed and folded) rather than fixed by the definition. */
    public boolean folded() {
        return folded;
    }

    /**
     * The type with this registry name (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static FingerprintType fromName(String name) {
        return RegistryNamed.lookup(FingerprintType.class, "fingerprint", name);
    }
}
