package org.molscreen.engine.screen;

import java.util.List;

/**
 * The ranked result of a screen.
 *
 * @param hits      best first
 * @param models    the models' cards' names and endpoints, in column order
 * @param records   library records read
 * @param errors    records that could not be featurised
 * @param filtered  compounds removed (or, when kept, flagged) by filters
 * @param seconds   wall-clock time
 * @param histogram the ranking score over every compound scored (filtered ones too)
 */
public record HitList(ScreenSettings settings, List<Hit> hits, List<ModelColumns> models, long records, long errors,
                      long filtered, double seconds, ScoreHistogram histogram) implements java.io.Serializable {

    public HitList {
        hits = List.copyOf(hits);
        models = List.copyOf(models);
    }

    /** A model's name, its endpoints, and whether it is a classifier (probabilities) or a regressor. */
    public record ModelColumns(String name, List<String> endpoints, boolean classification) implements java.io.Serializable {
        public ModelColumns {
            endpoints = List.copyOf(endpoints);
        }
    }
}
