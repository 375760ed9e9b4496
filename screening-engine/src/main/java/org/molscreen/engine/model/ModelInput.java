package org.molscreen.engine.model;

import java.util.List;
import java.util.Objects;
import org.molscreen.chem.descriptor.TopologicalDescriptors;
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
public record ModelInput(Fingerprint fingerprint, FingerprintCounts counts, MolecularDescriptors descriptors, String smiles) {

    /** A compound whose SMILES is not known: a model that reads the topological block needs them computed already. */
    public ModelInput(Fingerprint fingerprint, FingerprintCounts counts, MolecularDescriptors descriptors) {
        this(fingerprint, counts, descriptors, null);
    }

    public ModelInput {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(descriptors, "descriptors");
        if (counts != null && counts.size() != fingerprint.cardinality()) {
            throw new IllegalArgumentException(fingerprint.cardinality() + " set bits but " + counts.size() + " counts");
        }
    }

    public static ModelInput of(FeaturizedMolecule molecule) {
        return new ModelInput(molecule.fingerprint(), molecule.counts(), molecule.descriptors(),
                molecule.smiles().isEmpty() ? null : molecule.smiles());
    }

    /**
     * This compound with the topological descriptors computed from its canonical SMILES when it lacks them and its
     * SMILES is known (see {@code TopologicalDescriptors}); otherwise itself.
     */
    public ModelInput withTopological() {
        if (descriptors.topological() != null || smiles == null) {
            return this;
        }
        return new ModelInput(fingerprint, counts,
                descriptors.withTopological(TopologicalDescriptors.forThisThread().calculate(smiles)), smiles);
    }

    /** The compounds with the topological descriptors where they lack them, computed in parallel (~2 ms each). */
    public static List<ModelInput> withTopological(List<ModelInput> inputs) {
        if (inputs.stream().allMatch(i -> i.descriptors().topological() != null || i.smiles() == null)) {
            return inputs;
        }
        return inputs.parallelStream().map(ModelInput::withTopological).toList();
    }
}
