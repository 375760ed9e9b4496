package org.molscreen.chem.featurize;

import java.util.Objects;
import org.molscreen.chem.io.RawRecord;

/**
 * A molecule featurised in part ({@link FeatureSelection}): {@code features} hold its fingerprint and whatever
 * was selected; what was not is blank (an empty SMILES, {@link org.molscreen.chem.descriptor.MolecularDescriptors#NOT_COMPUTED},
 * no alerts) and must not be shown. {@code source} is kept so that a compound worth showing is featurised
 * whole, by the same code and options, and so identically to a featurisation of everything at once.
 */
public record PartialMolecule(FeaturizedMolecule features, RawRecord source) implements FeaturizedRecord {

    public PartialMolecule {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public org.molscreen.chem.io.RecordLocation location() {
        return features.location();
    }

    @Override
    public String id() {
        return features.id();
    }
}
