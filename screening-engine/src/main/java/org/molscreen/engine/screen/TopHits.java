package org.molscreen.engine.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best N hits seen so far, in bounded memory: score descending, ties by id ascending (so the list does
 * not depend on input order, thread count or node count). Not thread-safe.
 */
public final class TopHits {

    /** Best first: higher score, then lower id. */
    public static final Comparator<Hit> RANKING = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(Hit::id);

    private final int capacity;
    private final PriorityQueue<Hit> worstFirst;

    public TopHits(int capacity) {
        this.capacity = capacity;
        this.worstFirst = new PriorityQueue<>(capacity + 1, RANKING.reversed());
    }

    public void offer(Hit hit) {
        if (Double.isNaN(hit.score())) {
            return;
        }
        if (worstFirst.size() < capacity) {
            worstFirst.add(hit);
        } else if (RANKING.compare(hit, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(hit);
        }
    }

    /** Whether a hit with this score and id would be kept if offered now. */
    public boolean wouldKeep(double score, String id) {
        if (Double.isNaN(score) || capacity == 0) {
            return false;
        }
        if (worstFirst.size() < capacity) {
            return true;
        }
        Hit worst = worstFirst.peek();
        int byScore = Double.compare(worst.score(), score);
        return byScore < 0 || byScore == 0 && id.compareTo(worst.id()) < 0;
    }

    /** Merges another partial list (from another thread or node). */
    public void addAll(TopHits other) {
        other.worstFirst.forEach(this::offer);
    }

    /** The hits, best first. */
    public List<Hit> ranked() {
        List<Hit> hits = new ArrayList<>(worstFirst);
        hits.sort(RANKING);
        return hits;
    }
}
