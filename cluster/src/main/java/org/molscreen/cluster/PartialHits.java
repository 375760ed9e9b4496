package org.molscreen.cluster;

import java.util.List;
import org.molscreen.engine.screen.Hit;
import org.molscreen.engine.screen.ScoreHistogram;

/** One partition's best hits, counts and score histogram, sent back to the node that merges them. */
public record PartialHits(int partition, List<Hit> hits, long scanned, long filtered, ScoreHistogram histogram) {

    public PartialHits {
        hits = List.copyOf(hits);
    }
}
