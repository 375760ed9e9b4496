package org.molscreen.chem.featurize;

/**
 * Which of the costly features a featurisation computes beside the structure and its fingerprint. A screen ranks
 * by fingerprint-based models and needs the rest only for the few compounds it keeps, so it asks for the
 * descriptors only when a model or a filter reads them, and for the PAINS alerts only when a filter does.
 *
 * @param descriptors the descriptor block (Crippen logP, TPSA, QED, counts, ...)
 * @param alerts      the PAINS alerts
 * @param smiles      the canonical SMILES
 */
public record FeatureSelection(boolean descriptors, boolean alerts, boolean smiles) {

    /** Everything: what the feature table, a stored library and a hit list hold. */
    public static final FeatureSelection ALL = new FeatureSelection(true, true, true);

    public boolean all() {
        return descriptors && alerts && smiles;
    }
}
