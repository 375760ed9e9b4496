package org.molscreen.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Metrics against values computed independently by scikit-learn 1.2.1 and SciPy 1.10.1 on seeded random data
 * with ties, missing labels and rare positives. The script and the command that produced
 * {@code reference_metrics.txt} sit beside it in the test resources.
 *
 * <p>Tolerance 1e-12: the references sum in a different order (and scikit-learn integrates ROC curves by
 * trapezoids), so agreement is to rounding, not to the bit.
 */
class MetricsReferenceTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void agreesWithScikitLearnAndScipy() throws IOException {
        List<Case> cases = readCases();
        assertThat(cases).extracting(Case::name)
                .containsExactly("ties_and_missing", "three_levels", "rare_positives", "pic50_like", "integer_truth_poor_model",
                        "actives_in_library");
        for (Case c : cases) {
            switch (c.kind) {
                case "classification" -> {
                    ClassificationMetrics m = ClassificationMetrics.of(c.name, c.x, c.y);
                    assertThat(m.rocAuc()).as(c.name + " roc_auc").isCloseTo(c.expected("roc_auc"), within(TOLERANCE));
                    assertThat(m.prAuc()).as(c.name + " pr_auc").isCloseTo(c.expected("pr_auc"), within(TOLERANCE));
                    assertThat(m.n()).as(c.name + " n").isEqualTo((int) c.expected("n"));
                    assertThat(m.positives()).as(c.name + " positives").isEqualTo((int) c.expected("positives"));
                }
                case "regression" -> {
                    RegressionMetrics m = RegressionMetrics.of(c.name, c.x, c.y);
                    assertThat(m.rmse()).as(c.name + " rmse").isCloseTo(c.expected("rmse"), within(TOLERANCE));
                    assertThat(m.mae()).as(c.name + " mae").isCloseTo(c.expected("mae"), within(TOLERANCE));
                    assertThat(m.r2()).as(c.name + " r2").isCloseTo(c.expected("r2"), within(TOLERANCE));
                    assertThat(m.spearman()).as(c.name + " spearman").isCloseTo(c.expected("spearman"), within(TOLERANCE));
                    assertThat(m.n()).as(c.name + " n").isEqualTo((int) c.expected("n"));
                }
                case "enrichment" -> {
                    for (double fraction : new double[] {0.01, 0.05, 0.1, 0.5}) {
                        Enrichment e = Enrichment.of(c.x, c.y, fraction);
                        assertThat(e.rocAuc()).as(c.name + " roc_auc").isCloseTo(c.expected("roc_auc"), within(TOLERANCE));
                        assertThat(e.selected()).as(c.name + " selected " + fraction).isEqualTo((int) c.expected("selected " + fraction));
                        assertThat(e.activesSelected()).as(c.name + " actives_selected " + fraction)
                                .isEqualTo((int) c.expected("actives_selected " + fraction));
                        assertThat(e.factor()).as(c.name + " ef " + fraction).isCloseTo(c.expected("ef " + fraction), within(TOLERANCE));
                    }
                }
                default -> throw new AssertionError("unknown case kind " + c.kind);
            }
        }
    }

    private record Case(String name, String kind, double[] x, double[] y, Map<String, Double> metrics) {
        double expected(String metric) {
            return Objects.requireNonNull(metrics.get(metric), () -> name + " has no reference " + metric);
        }
    }

    private static List<Case> readCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = MetricsReferenceTest.class.getResourceAsStream("reference_metrics.txt")) {
            assertThat(in).as("reference_metrics.txt on the test class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String name = null;
            String kind = null;
            double[] x = null;
            double[] y = null;
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                switch (fields[0]) {
                    case "case" -> {
                        name = fields[1];
                        kind = fields[2];
                        metrics = new LinkedHashMap<>();
                    }
                    case "x" -> x = parse(fields);
                    case "y" -> y = parse(fields);
                    case "end" -> cases.add(new Case(name, kind, x, y, metrics));
                    default -> {
                        String key = String.join(" ", Arrays.copyOf(fields, fields.length - 1));
                        metrics.put(key, Double.parseDouble(fields[fields.length - 1]));
                    }
                }
            }
        }
        return cases;
    }

    private static double[] parse(String[] fields) {
        double[] values = new double[fields.length - 1];
        for (int k = 1; k < fields.length; k++) {
            values[k - 1] = fields[k].equals("nan") ? Double.NaN : Double.parseDouble(fields[k]);
        }
        return values;
    }
}
