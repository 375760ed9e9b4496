package org.molscreen.cluster.storage.javaserial;

import java.util.TreeMap;

/**
 * Frozen copy of release 0.1.0's {@code org.molscreen.engine.screen.ScoreHistogram}: a plain class, so its
 * serialVersionUID and field names must stay exactly these for Java serialisation to match the stored stream.
 */
public final class ScoreHistogram implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double binWidth;
    private final TreeMap<Long, Long> counts = new TreeMap<>();

    private ScoreHistogram() {
        binWidth = 0;
    }

    public double binWidth() {
        return binWidth;
    }

    public TreeMap<Long, Long> counts() {
        return new TreeMap<>(counts);
    }
}
