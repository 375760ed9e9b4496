package org.molscreen.chem.featurize;

/**
 * Which of the costly features a featurisation computes beside the structure and its fingerprint. A screen ranks
 * by fingerprint-based models and needs the rest only for the few compounds it keeps, so it asks for the
 * descriptors only when a model or a filter reads them, and for the PAINS alerts only when a filter does.
 *
 * @param descriptors the descriptor block (Crippen logP, TPSA, QED, counts, ...)
 * @param alerts      the PAINS alerts
 * @param smiles      the canonical SMILES
 * @param topological the topological descriptor block ({@code TopologicalDescriptors}), for models that read it;
 *                    it needs the descriptors and the canonical SMILES it is computed from
 */
public record FeatureSelection(boolean descriptors, boolean alerts, boolean smiles, boolean topological) {

    /** Everything shown: what the feature table, a stored library and a hit list hold (no topological block). */
    public static final FeatureSelection ALL = new FeatureSelection(true, true, true, false);

    public FeatureSelection {
        if (topological && !(descriptors && smiles)) {
            throw new IllegalArgumentException("the topological descriptors need the descriptors and the canonical SMILES");
        }
    }

    public FeatureSelection(boolean descriptors, boolean alerts, boolean smiles) {
        this(descriptors, alerts, smiles, false);
    }

    /** This selection, plus the topological block and what it needs when {@code topological}. */
    public FeatureSelection withTopological(boolean topological) {
        return topological ? new FeatureSelection(true, alerts, true, true) : this;
    }

    public boolean all() {
        return descriptors && alerts && smiles;
    }
}
