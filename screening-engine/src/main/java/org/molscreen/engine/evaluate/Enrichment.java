package org.molscreen.engine.evaluate;

import java.util.Arrays;

/**
 * How well a model pulls known actives to the top of a screening library in which they are hidden among
 * decoys: the enrichment factor at a fraction of the ranked library and the ROC-AUC of actives against decoys.
 *
 * <p><b>Enrichment factor</b> at fraction x (EF1% for x = 0.01): the hit rate among the top
 * {@code selected = ceil(x · total)} compounds divided by the hit rate of the whole library,
 * {@code (activesSelected / selected) / (actives / total)}. 1 is random ranking; the best possible value is
 * {@link #idealFactor()}, which is below {@code 1/x} when there are fewer actives than places in the top x.
 * The count is rounded up, as in RDKit's {@code CalcEnrichment}, so a small library still selects at least
 * one compound; the product is taken with a 1e-9 allowance so that 0.01 × 1000 selects 10, not 11.
 *
 * <p><b>Ties at the cut are broken pessimistically</b>: among compounds with the same score, decoys rank
 * before actives. The result is deterministic, does not depend on input order, and cannot be inflated by a
 * model that gives many compounds the same score; a constant scorer gets EF = 0 at any fraction below
 * {@code decoys / total}. ROC-AUC counts ties as one half, as {@link Metrics#rocAuc} does.
 *
 * @param fraction        the top fraction of the ranked library, in (0, 1]
 * @param actives         active compounds scored
 * @param decoys          decoy compounds scored
 * @param selected        compounds in the top fraction, {@code ceil(fraction · (actives + decoys))}
 * @param activesSelected actives among them
 * @param factor          the enrichment factor; {@code NaN} when there are no actives
 * @param rocAuc          ROC-AUC of actives versus decoys; {@code NaN} when either group is empty
 */
public record Enrichment(double fraction, int actives, int decoys, int selected, int activesSelected,
                         double factor, double rocAuc) {

    public Enrichment {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        if (actives < 0 || decoys < 0 || selected < 0 || selected > actives + decoys
                || activesSelected < 0 || activesSelected > Math.min(actives, selected)) {
            throw new IllegalArgumentException("inconsistent counts: " + activesSelected + " of " + actives + " actives in the top "
                    + selected + " of " + (actives + decoys));
        }
    }

    /**
     * Ranks actives and decoys together by score (higher first) and measures enrichment.
     *
     * @param activeScores scores of the known actives; no {@code NaN}
     * @param decoyScores  scores of the decoys (the rest of the library); no {@code NaN}
     * @param fraction     the top fraction, e.g. 0.01 for EF1%
     * @throws IllegalArgumentException for a {@code NaN} score (naming the group and index) or a fraction outside (0, 1]
     */
    public static Enrichment of(double[] activeScores, double[] decoyScores, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        requireScores(activeScores, "active");
        requireScores(decoyScores, "decoy");
        int actives = activeScores.length;
        int decoys = decoyScores.length;
        int total = actives + decoys;
        int selected = (int) Math.min(total, Math.ceil(fraction * total - 1e-9));
        int activesSelected = activesInTop(activeScores, decoyScores, selected);
        double factor = actives == 0 ? Double.NaN : ((double) activesSelected / selected) / ((double) actives / total);
        double auc = actives == 0 || decoys == 0 ? Double.NaN : Metrics.mannWhitneyAuc(activeScores, decoyScores);
        return new Enrichment(fraction, actives, decoys, selected, activesSelected, factor, auc);
    }

    /** The largest enrichment factor possible at this fraction: every place in the top taken by an active while actives last. */
    public double idealFactor() {
        if (actives == 0 || selected == 0) {
            return Double.NaN;
        }
        int total = actives + decoys;
        return ((double) Math.min(actives, selected) / selected) / ((double) actives / total);
    }

    /** Merges the two groups from the top score down, a decoy first on equal scores, and counts actives among the first {@code selected}. */
    private static int activesInTop(double[] activeScores, double[] decoyScores, int selected) {
        double[] act = activeScores.clone();
        double[] dec = decoyScores.clone();
        Arrays.sort(act);
        Arrays.sort(dec);
        int a = act.length - 1;
        int d = dec.length - 1;
        int found = 0;
        for (int taken = 0; taken < selected; taken++) {
            boolean takeActive = a >= 0 && (d < 0 || act[a] > dec[d]);
            if (takeActive) {
                found++;
                a--;
            } else {
                d--;
            }
        }
        return found;
    }

    private static void requireScores(double[] scores, String group) {
        for (int k = 0; k < scores.length; k++) {
            if (Double.isNaN(scores[k])) {
                throw new IllegalArgumentException(group + " score at index " + k + " is NaN");
            }
        }
    }
}
