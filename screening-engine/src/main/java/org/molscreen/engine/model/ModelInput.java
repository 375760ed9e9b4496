package org.molscreen.engine.model;

import java.util.Objects;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.fingerprint.Fingerprint;

/**
 * What a model reads of one compound: its fingerprint and its descriptors. A model that takes a descriptor
 * block ({@link DescriptorBlock}) reads both; one that does not reads the fingerprint only.
 */
public record ModelInput(Fingerprint fingerprint, MolecularDescriptors descriptors) {

    public ModelInput {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(descriptors, "descriptors");
    }

    public static ModelInput of(FeaturizedMolecule molecule) {
        return new ModelInput(molecule.fingerprint(), molecule.descriptors());
    }
}
