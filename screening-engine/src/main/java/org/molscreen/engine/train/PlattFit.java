package org.molscreen.engine.train;

import org.molscreen.engine.model.Calibration;

/**
 * Fits Platt scaling ({@code p' = sigmoid(a * logit(p) + b)}) to one endpoint's predictions and labels by
 * Newton's method on the log loss, with Platt's smoothed targets ({@code (N+ + 1) / (N+ + 2)} and
 * {@code 1 / (N- + 2)}) so that a small validation set cannot push probabilities to exactly 0 or 1
 * (Platt 1999; Lin, Lin and Weng 2007). A fit whose slope is not positive (a validation part on which the
 * model ranks no better than chance) would reverse the ranking: then only the offset is fitted.
 */
final class PlattFit {

    private static final int ITERATIONS = 100;

    private PlattFit() {
    }

    /** {@code [a, b]} for predictions {@code p} and 0/1 labels {@code y} (NaN labels skipped). */
    static double[] fit(double[] p, double[] y) {
        int positives = 0;
        int negatives = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(y[i]) && !Double.isNaN(p[i])) {
                if (y[i] > 0.5) {
                    positives++;
                } else {
                    negatives++;
                }
            }
        }
        if (positives == 0 || negatives == 0) {
            return new double[] {1, 0};
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] z = new double[positives + negatives];
        double[] t = new double[z.length];
        for (int i = 0, n = 0; i < p.length; i++) {
            if (!Double.isNaN(y[i]) && !Double.isNaN(p[i])) {
                z[n] = Calibration.logit(p[i]);
                t[n++] = y[i] > 0.5 ? hi : lo;
            }
        }
        double[] ab = newton(z, t, true);
        if (!(ab[0] > 1e-3)) {
            ab = newton(z, t, false);
        }
        return ab;
    }

    /** Newton steps with step halving; {@code slope} false keeps a = 1 and fits b alone. */
    private static double[] newton(double[] z, double[] t, boolean slope) {
        double a = 1;
        double b = 0;
        double loss = loss(z, t, a, b);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double q = Calibration.sigmoid(a * z[i] + b);
                double r = q - t[i];
                double w = q * (1 - q);
                ga += r * z[i];
                gb += r;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double da;
            double db;
            if (slope) {
                double det = haa * hbb - hab * hab;
                if (Math.abs(det) < 1e-18) {
                    break;
                }
                da = (hbb * ga - hab * gb) / det;
                db = (haa * gb - hab * ga) / det;
            } else {
                da = 0;
                db = gb / hbb;
            }
            double step = 1;
            double next = loss(z, t, a - step * da, b - step * db);
            while (next > loss && step > 1e-6) {
                step /= 2;
                next = loss(z, t, a - step * da, b - step * db);
            }
            if (next > loss) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double loss(double[] z, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double s = a * z[i] + b;
            // log(1 + e^s) - t s, written so that neither exp overflows
            sum += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - t[i] * s;
        }
        return sum;
    }
}
