package org.molscreen.cluster.storage.javaserial;

import java.util.List;

/** Frozen copy of release 0.1.0's {@code org.molscreen.engine.screen.HitList}, read only; never change it. */
public record HitList(ScreenSettings settings, List<Hit> hits, List<ModelColumns> models, long records, long errors,
                      long filtered, double seconds, ScoreHistogram histogram) implements java.io.Serializable {

    /** Frozen copy of release 0.1.0's {@code HitList.ModelColumns}. */
    public record ModelColumns(String name, List<String> endpoints, boolean classification) implements java.io.Serializable {
    }
}
