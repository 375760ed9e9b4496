package org.molscreen.engine.model;

import java.util.Objects;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;

/**
 * What a model reads of one compound: its fingerprint, the counts of its set bits and its descriptors. A
 * model reads the counts when its card says {@link FingerprintValues#LOG_COUNTS} and the descriptors when it
 * has a {@link DescriptorBlock}; otherwise the fingerprint bits only.
 *
 * @param counts null when the compound has none (a library stored before counts were kept): a model that
 *               reads counts refuses it
 */
public record ModelInput(Fingerprint fingerprint, FingerprintCounts counts, MolecularDescriptors descriptors) {

    public ModelInput {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(descriptors, "descriptors");
        if (counts != null && counts.size() != fingerprint.cardinality()) {
            throw new IllegalArgumentException(fingerprint.cardinality() + " set bits but " + counts.size() + " counts");
        }
    }

    public static ModelInput of(FeaturizedMolecule molecule) {
        return new ModelInput(molecule.fingerprint(), molecule.counts(), molecule.descriptors());
    }
}
