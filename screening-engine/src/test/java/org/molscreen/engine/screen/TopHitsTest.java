package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.molscreen.engine.screen.TestMolecules.hit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The top N: best score first, ties by id, the same whatever the order compounds arrive in or how they are partitioned. */
class TopHitsTest {

    private static List<String> ids(TopHits top) {
        return top.ranked().stream().map(Hit::id).toList();
    }

    @Test
    void keepsTheBestScoresAndBreaksTiesByIdAscending() {
        TopHits top = new TopHits(4);
        top.offer(hit("c", 0.5));
        top.offer(hit("a", 0.9));
        top.offer(hit("z", 0.7));
        top.offer(hit("b", 0.7));
        top.offer(hit("y", 0.1));
        top.offer(hit("d", 0.5));
        // 0.5 ties between c and d for the last place: the lower id stays
        assertThat(ids(top)).containsExactly("a", "b", "z", "c");
        top.offer(hit("0", 0.5));
        assertThat(ids(top)).containsExactly("a", "b", "z", "0");
    }

    @Test
    void aScoreThatIsNotANumberIsNeverAHit() {
        TopHits top = new TopHits(3);
        top.offer(hit("nan", Double.NaN));
        top.offer(hit("low", -1e9));
        assertThat(ids(top)).containsExactly("low");
    }

    @Test
    void theListDoesNotDependOnArrivalOrderOrPartitioning() {
        List<Hit> hits = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            // few distinct scores, so most places are decided by the id
            hits.add(hit(String.format("m%03d", i), random.nextInt(5) / 4.0));
        }
        TopHits inOrder = new TopHits(25);
        hits.forEach(inOrder::offer);

        List<Hit> shuffled = new ArrayList<>(hits);
        Collections.shuffle(shuffled, new Random(11));
        TopHits[] partitions = {new TopHits(25), new TopHits(25), new TopHits(25)};
        for (int i = 0; i < shuffled.size(); i++) {
            partitions[i % 3].offer(shuffled.get(i));
        }
        TopHits merged = new TopHits(25);
        for (TopHits partition : partitions) {
            merged.addAll(partition);
        }
        assertThat(ids(merged)).isEqualTo(ids(inOrder)).hasSize(25);
        assertThat(inOrder.ranked()).isSortedAccordingTo(TopHits.RANKING);
        assertThat(inOrder.ranked().get(0).score()).isEqualTo(1.0);
    }
}
