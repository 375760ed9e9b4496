package org.molscreen.cluster;

import java.util.List;
import java.util.Map;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.engine.screen.Hit;
import org.molscreen.engine.screen.ScoreHistogram;

/**
 * One partition's best hits, counts and score histogram, sent back to the node that merges them.
 *
 * @param deferred   the records of the hits featurised in part, by record number: the merging node featurises
 *                   whole those that make the merged top N
 * @param unfinished compounds stored in part whose featurisation for the screen failed: errors of the library
 */
public record PartialHits(int partition, List<Hit> hits, Map<Long, RawRecord> deferred, long scanned, long filtered,
                          long unfinished, ScoreHistogram histogram) {

    public PartialHits {
        hits = List.copyOf(hits);
        deferred = Map.copyOf(deferred);
    }
}
