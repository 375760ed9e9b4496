package org.molscreen.chem.featurize;

/**
 * What a featurisation run did.
 *
 * @param records  records read (good and bad)
 * @param errors   records that produced no features
 * @param seconds  wall-clock time of the run
 */
public record FeaturizationSummary(long records, long errors, double seconds) {

    /** Records per second over the whole run. */
    public double rate() {
        return seconds <= 0 ? 0 : records / seconds;
    }
}
