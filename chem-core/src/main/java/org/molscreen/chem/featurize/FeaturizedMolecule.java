package org.molscreen.chem.featurize;

import java.util.List;
import java.util.Objects;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;
import org.molscreen.chem.io.RecordLocation;

/**
 * A compound ready to be stored and scored: id, canonical SMILES, fingerprint, descriptors and the names
 * of the structural alerts it matches. Immutable and serialisable.
 *
 * @param fingerprint the fingerprint of the requested spec, or {@code null} when none was requested
 * @param counts      how many atom environments fell on each set bit of a circular fingerprint, or
 *                    {@code null} (MACCS keys; no fingerprint; a hit list, which needs no counts; a library
 *                    stored before counts were kept)
 * @param alerts      names of matching PAINS alerts, in catalog order; empty when none
 */
public record FeaturizedMolecule(RecordLocation location, String id, String smiles, Fingerprint fingerprint,
                                 FingerprintCounts counts, MolecularDescriptors descriptors, List<String> alerts)
        implements FeaturizedRecord, java.io.Serializable {

    public FeaturizedMolecule {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(smiles, "smiles");
        Objects.requireNonNull(descriptors, "descriptors");
        alerts = List.copyOf(alerts);
        if (counts != null && (fingerprint == null || counts.size() != fingerprint.cardinality())) {
            throw new IllegalArgumentException("compound " + id + ": " + counts.size() + " fingerprint counts for "
                    + (fingerprint == null ? "no fingerprint" : fingerprint.cardinality() + " set bits"));
        }
    }

}
