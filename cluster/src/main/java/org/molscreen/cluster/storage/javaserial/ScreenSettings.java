package org.molscreen.cluster.storage.javaserial;

import java.util.List;
import java.util.Set;

/** Frozen copy of release 0.1.0's {@code org.molscreen.engine.screen.ScreenSettings}, read only; never change it. */
public record ScreenSettings(List<String> models, String rankModel, int rankEndpoint, int top, Set<HitFilter> filters,
                             Double maxTox, String similarTo, double minSimilarity, boolean keepFiltered)
        implements java.io.Serializable {
}
