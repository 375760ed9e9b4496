package org.molscreen.engine.screen;

import java.util.List;
import java.util.Map;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.engine.model.CompoundPrediction;

/**
 * One compound of a hit list.
 *
 * @param score       the ranking score (higher is better)
 * @param similarity  Tanimoto similarity to the reference active, NaN without one
 * @param filteredBy  why filters rejected it (empty unless filtered compounds are kept visible)
 */
public record Hit(FeaturizedMolecule molecule, double score, Map<String, CompoundPrediction> predictions,
                  double similarity, List<String> filteredBy) implements java.io.Serializable {

    public Hit {
        predictions = Map.copyOf(predictions);
        filteredBy = List.copyOf(filteredBy);
    }

    public String id() {
        return molecule.id();
    }
}
