package org.molscreen.engine.screen;

import java.util.Map;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;
import org.molscreen.engine.model.CompoundPrediction;

/** Real featurised molecules for the screen tests, through the featurisation a screen uses. */
final class TestMolecules {

    static final String ASPIRIN = "CC(=O)Oc1ccccc1C(=O)O";
    static final String CAFFEINE = "Cn1cnc2c1c(=O)n(C)c(=O)n2C";
    static final String TERFENADINE = "CC(C)(C)c1ccc(cc1)C(O)CCCN1CCC(CC1)C(O)(c1ccccc1)c1ccccc1";

    private static final Featurizer FEATURIZER = new Featurizer(FeaturizerOptions.defaults());

    private TestMolecules() {
    }

    static FeaturizedMolecule molecule(String id, String smiles) {
        return (FeaturizedMolecule) FEATURIZER.featurize(new RawRecord(new RecordLocation("test", 1, 1), id, Notation.SMILES, smiles, Map.of()));
    }

    /** A hit with a given score; its molecule is aspirin under the given id. */
    static Hit hit(String id, double score) {
        return new Hit(molecule(id, ASPIRIN), score, Map.of(), Double.NaN, java.util.List.of());
    }

    static CompoundPrediction prediction(double... means) {
        return new CompoundPrediction(means, new double[means.length], 0.5, true, Double.NaN);
    }
}
