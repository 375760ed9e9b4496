package org.molscreen.chem.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FingerprintIndexTest {

    private static List<Fingerprint> random(int count, int bits, int setBits, long seed) {
        Random random = new Random(seed);
        List<Fingerprint> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] on = new int[1 + random.nextInt(setBits)];
            for (int j = 0; j < on.length; j++) {
                on[j] = random.nextInt(bits / 8); // a narrow range so that similarities are not all ~0
            }
            out.add(Fingerprint.ofOnBits(bits, on));
        }
        return out;
    }

    private static List<SimilarityHit> bruteForce(List<Fingerprint> all, Fingerprint query, int k, double min) {
        return IntStream.range(0, all.size())
                .mapToObj(i -> new SimilarityHit(i, query.tanimoto(all.get(i))))
                .filter(hit -> hit.similarity() >= min)
                .sorted(Comparator.comparingDouble(SimilarityHit::similarity).reversed().thenComparingInt(SimilarityHit::index))
                .limit(k)
                .toList();
    }

    @Test
    void topKEqualsABruteForceSearch() {
        List<Fingerprint> library = random(3_000, 2048, 40, 1);
        FingerprintIndex index = FingerprintIndex.of(library);
        for (Fingerprint query : random(25, 2048, 40, 2)) {
            for (int k : new int[] {1, 10, 100}) {
                List<SimilarityHit> expected = bruteForce(library, query, k, 0.0);
                assertThat(index.topK(query, k)).isEqualTo(expected);
            }
        }
    }

    @Test
    void minimumSimilarityFilters() {
        List<Fingerprint> library = random(2_000, 1024, 30, 3);
        FingerprintIndex index = FingerprintIndex.of(library);
        Fingerprint query = library.get(17);
        List<SimilarityHit> hits = index.topK(query, 50, 0.4);
        assertThat(hits).isNotEmpty().allMatch(h -> h.similarity() >= 0.4);
        assertThat(hits.get(0)).isEqualTo(new SimilarityHit(17, 1.0));
        assertThat(hits).isEqualTo(bruteForce(library, query, 50, 0.4));
    }

    @Test
    void tiesGoToTheLowerIndex() {
        Fingerprint same = Fingerprint.ofOnBits(2048, 5, 6);
        FingerprintIndex index = FingerprintIndex.of(List.of(Fingerprint.ofOnBits(2048, 9), same, same, same));
        assertThat(index.topK(same, 2)).containsExactly(new SimilarityHit(1, 1.0), new SimilarityHit(2, 1.0));
    }

    @Test
    void kLargerThanTheIndexAndBadQueries() {
        FingerprintIndex index = FingerprintIndex.of(random(5, 2048, 10, 4));
        assertThat(index.topK(index.get(0), 100)).hasSize(5);
        assertThat(index.size()).isEqualTo(5);
        assertThatThrownBy(() -> index.topK(Fingerprint.ofOnBits(1024, 1), 3)).hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> index.topK(index.get(0), 0)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> FingerprintIndex.builder(2048).add(Fingerprint.ofOnBits(1024, 1)))
                .hasMessageContaining("1024 bits");
    }

    @Test
    void builderGrowsBeyondItsInitialCapacity() {
        FingerprintIndex.Builder builder = FingerprintIndex.builder(2048);
        List<Fingerprint> library = random(5_000, 2048, 20, 5);
        library.forEach(builder::add);
        FingerprintIndex index = builder.build();
        assertThat(index.size()).isEqualTo(5_000);
        assertThat(index.get(4_999)).isEqualTo(library.get(4_999));
    }
}
