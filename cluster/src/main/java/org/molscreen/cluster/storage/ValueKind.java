package org.molscreen.cluster.storage;

/**
 * The kinds of stored and sent values, each with its byte in the header and the newest layout version this
 * release writes. A reader refuses a value of another kind, so a cache mix-up fails loudly, not as garbage.
 */
public enum ValueKind {
    JOB(1, "job", 2),
    LIBRARY(2, "library", 1),
    HIT_LIST(3, "hit list", 2),
    PARTIAL_HITS(4, "partition's hits", 3),
    SCREEN_SETTINGS(5, "screen settings", 1),
    FEATURIZER_OPTIONS(6, "featurizer options", 1),
    SHIPPED_MODEL(7, "shipped model", 1);

    private final int code;
    private final String noun;
    private final int currentVersion;

    ValueKind(int code, String noun, int currentVersion) {
        this.code = code;
        this.noun = noun;
        this.currentVersion = currentVersion;
    }

    int code() {
        return code;
    }

    /** What messages call it. */
    public String noun() {
        return noun;
    }

    /** The layout version this release writes and the newest it reads. */
    public int currentVersion() {
        return currentVersion;
    }

    static ValueKind ofCode(int code) {
        for (ValueKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
