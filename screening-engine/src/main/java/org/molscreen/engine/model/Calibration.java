package org.molscreen.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * Platt scaling of a classification model's probabilities, one pair of parameters per endpoint, fitted on
 * the validation part: {@code p' = 1 / (1 + exp(-(a * logit(p) + b)))} of the ensemble mean. The networks
 * learn with class weights and early stopping, so their raw outputs are scores rather than probabilities;
 * after this a {@code 0.5} means one in two. With {@code a > 0} the map is increasing, so rankings and
 * ROC-AUC do not change.
 *
 * @param method    {@code platt}
 * @param fittedOn  the data part the parameters were fitted on
 * @param endpoints per endpoint, in output order
 */
public record Calibration(String method, String fittedOn, List<Endpoint> endpoints) {

    public Calibration {
        Objects.requireNonNull(method, "method");
        endpoints = List.copyOf(endpoints);
        if (!"platt".equals(method)) {
            throw new IllegalArgumentException("unknown calibration method '" + method + "' (known: platt)");
        }
    }

    /**
     * One endpoint's parameters and how well calibrated it is on held-out data.
     *
     * @param brierBefore  Brier score of the raw ensemble mean on the test part (NaN without one)
     * @param brierAfter   the same after calibration
     * @param reliability  the test part in ten bins of calibrated probability
     */
    public record Endpoint(String name, double a, double b, double brierBefore, double brierAfter, List<Bin> reliability) {
        public Endpoint {
            reliability = reliability == null ? List.of() : List.copyOf(reliability);
            if (!(a > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("calibration of " + name + ": slope must be positive and offset finite, got "
                        + a + ", " + b);
            }
        }
    }

    /** Compounds whose calibrated probability fell in {@code [low, high)}: their mean probability and the share that were positive. */
    public record Bin(double low, double high, int count, double meanPredicted, double observed) {
    }

    /** The calibrated probability of a raw ensemble mean {@code p} for endpoint {@code e}. */
    public double apply(int e, double p) {
        Endpoint endpoint = endpoints.get(e);
        return platt(endpoint.a(), endpoint.b(), p);
    }

    /** Platt's map with slope {@code a} and offset {@code b}, for parameters not yet in a calibration. */
    public static double platt(double a, double b, double p) {
        return sigmoid(a * logit(p) + b);
    }

    /**
     * How much a small change of the raw mean moves the calibrated one at {@code p}: the ensemble's spread
     * is carried through the same map (first order), so the spread stays in the unit of the probability shown.
     */
    public double slope(int e, double p) {
        double q = apply(e, p);
        double clipped = clip(p);
        return endpoints.get(e).a() * q * (1 - q) / (clipped * (1 - clipped));
    }

    public static double logit(double p) {
        double c = clip(p);
        return Math.log(c / (1 - c));
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static double clip(double p) {
        return Math.min(1 - 1e-7, Math.max(1e-7, p));
    }
}
