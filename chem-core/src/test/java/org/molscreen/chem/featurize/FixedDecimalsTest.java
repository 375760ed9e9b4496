package org.molscreen.chem.featurize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FixedDecimals#format} writes exactly what String.format writes, for every kind of value. */
class FixedDecimalsTest {

    private static String reference(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @Test
    void agreesWithStringFormatOnEdgeCases() {
        double[] values = {0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.15, 0.25, 0.35, 1.0005, 2.675, 1e-10, -1e-10, 123456789.123456,
                0.0005, -0.0005, 0.00049999, 9.9995, 99.995, 1e15, -1e15, 4.35, 4.345, 0.1 + 0.2, Double.MIN_VALUE,
                Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double value : values) {
            for (int decimals = 0; decimals <= 6; decimals++) {
                assertThat(FixedDecimals.format(value, decimals)).as("%s with %d decimals", value, decimals)
                        .isEqualTo(reference(value, decimals));
            }
        }
        assertThat(FixedDecimals.format(Double.NaN, 3)).isEmpty();
    }

    @Test
    void agreesWithStringFormatOnAMillionValuesOfEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 1_000_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble(-1, 1);
                case 1 -> random.nextDouble(-1000, 1000);
                // values on a grid of decimals, where rounding ties live
                case 2 -> Math.round(random.nextDouble(-100, 100) * 100_000) / 100_000.0;
                default -> random.nextDouble() * Math.pow(10, random.nextInt(-8, 12));
            };
            int decimals = random.nextInt(0, 7);
            String fast = FixedDecimals.format(value, decimals);
            if (!fast.equals(reference(value, decimals))) {
                assertThat(fast).as("%s with %d decimals", value, decimals).isEqualTo(reference(value, decimals));
            }
        }
    }
}
