package org.molscreen.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnrichmentTest {

    /** 2 actives in 10: the base hit rate is 0.2. */
    private static final double[] ACTIVES = {0.9, 0.5};
    private static final double[] DECOYS = {0.8, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};

    @Test
    void enrichmentByHand() {
        // ranked: 0.9 A, 0.8 D, 0.5 D, 0.5 A (decoy first on the tie), then six decoys at 0.1
        Enrichment top10 = Enrichment.of(ACTIVES, DECOYS, 0.1);
        assertThat(top10.selected()).isEqualTo(1);
        assertThat(top10.activesSelected()).isEqualTo(1);
        assertThat(top10.factor()).isCloseTo(1.0 / 0.2, within(1e-12));

        Enrichment top30 = Enrichment.of(ACTIVES, DECOYS, 0.3);
        assertThat(top30.selected()).isEqualTo(3);
        assertThat(top30.activesSelected()).as("the active tied at 0.5 with a decoy ranks after it").isEqualTo(1);
        assertThat(top30.factor()).isCloseTo((1.0 / 3) / 0.2, within(1e-12));
        assertThat(top30.idealFactor()).isCloseTo((2.0 / 3) / 0.2, within(1e-12));

        Enrichment top40 = Enrichment.of(ACTIVES, DECOYS, 0.4);
        assertThat(top40.activesSelected()).isEqualTo(2);
        assertThat(top40.factor()).isCloseTo((2.0 / 4) / 0.2, within(1e-12));

        // AUC: 0.9 beats all 8 decoys; 0.5 beats six, ties one, loses one -> 14.5 / 16
        assertThat(top10.rocAuc()).isEqualTo(14.5 / 16);
        assertThat(Enrichment.of(ACTIVES, DECOYS, 1.0).factor()).isEqualTo(1.0);
    }

    @Test
    void tieBreakingDoesNotDependOnInputOrder() {
        double[] decoys = DECOYS.clone();
        for (int i = 0; i < decoys.length / 2; i++) {
            double swap = decoys[i];
            decoys[i] = decoys[decoys.length - 1 - i];
            decoys[decoys.length - 1 - i] = swap;
        }
        assertThat(Enrichment.of(new double[] {0.5, 0.9}, decoys, 0.3)).isEqualTo(Enrichment.of(ACTIVES, DECOYS, 0.3));
        assertThat(decoys).as("inputs unchanged").containsExactly(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 0.8);
    }

    @Test
    void aConstantScorerGetsNoCreditAtTheTop() {
        double[] actives = new double[10];
        double[] decoys = new double[90];
        Enrichment e = Enrichment.of(actives, decoys, 0.05);
        assertThat(e.selected()).isEqualTo(5);
        assertThat(e.factor()).isZero();
        assertThat(e.rocAuc()).isEqualTo(0.5);
    }

    @Test
    void onePercentOfAThousandIsTen() {
        double[] actives = new double[10];
        Arrays.fill(actives, 1.0);
        Enrichment e = Enrichment.of(actives, new double[990], 0.01);
        assertThat(e.selected()).as("0.01 × 1000 must not round up to 11").isEqualTo(10);
        assertThat(e.factor()).isCloseTo(100.0, within(1e-12));
        assertThat(e.factor()).isEqualTo(e.idealFactor());
        assertThat(Enrichment.of(actives, new double[5], 0.01).selected()).as("at least one compound").isEqualTo(1);
    }

    @Test
    void undefinedAndMalformed() {
        Enrichment noActives = Enrichment.of(new double[0], new double[] {1, 2}, 0.5);
        assertThat(noActives.factor()).isNaN();
        assertThat(noActives.rocAuc()).isNaN();
        assertThat(Enrichment.of(new double[] {1}, new double[0], 0.5).rocAuc()).isNaN();
        assertThatThrownBy(() -> Enrichment.of(new double[] {1}, new double[] {1}, 0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Enrichment.of(new double[] {1}, new double[] {1}, 1.5)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Enrichment.of(new double[] {1}, new double[] {0, Double.NaN}, 0.5))
                .hasMessageContaining("decoy score at index 1 is NaN");
    }
}
