package org.molscreen.cluster;

import java.io.Serializable;
import java.util.List;
import org.molscreen.engine.screen.Hit;

/** One partition's best hits and counts, sent back to the node that merges them. */
record PartialHits(int partition, List<Hit> hits, long scanned, long filtered) implements Serializable {
}
