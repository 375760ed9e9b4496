package org.molscreen.engine.predict;

import java.util.Map;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.engine.model.CompoundPrediction;

/**
 * A library record with its features (or its error) and, when it could be featurised, each model's
 * prediction by model name.
 */
public record PredictedRecord(FeaturizedRecord record, Map<String, CompoundPrediction> predictions) {

    public PredictedRecord {
        predictions = Map.copyOf(predictions);
    }

    /** Records without features have no predictions. */
    public static PredictedRecord rejected(FeaturizedRecord record) {
        return new PredictedRecord(record, Map.of());
    }
}
