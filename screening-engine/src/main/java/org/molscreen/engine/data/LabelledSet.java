package org.molscreen.engine.data;

import java.util.List;
import java.util.Objects;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.RecordError;

/**
 * Compounds with their fingerprints and one or more labels, ready for training or evaluation. A
 * missing label is {@code NaN}: multitask toxicity data is sparse, and a missing label must be masked,
 * never read as 0.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param provenance   what the data is (name, file, rows, SHA-256) for the model card
 * @param fingerprint  the featurisation every row went through
 * @param endpoints    label column names, in label order
 * @param ids          one per row
 * @param smiles       canonical SMILES of the standardised structure, one per row
 * @param fingerprints one per row
 * @param splitLabels  the file's own split column per row ({@code train}/{@code valid}/{@code test}), or null
 * @param rejected     rows that could not be used (bad structure or label), with where and why
 */
public record LabelledSet(DataProvenance provenance, FingerprintSpec fingerprint, List<String> endpoints,
                          List<String> ids, List<String> smiles, List<Fingerprint> fingerprints,
                          float[][] labels, List<String> splitLabels, List<RecordError> rejected) {

    public LabelledSet {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(fingerprint, "fingerprint");
        endpoints = List.copyOf(endpoints);
        ids = List.copyOf(ids);
        smiles = List.copyOf(smiles);
        fingerprints = List.copyOf(fingerprints);
        rejected = List.copyOf(rejected);
        splitLabels = splitLabels == null ? null : List.copyOf(splitLabels);
        if (ids.size() != smiles.size() || ids.size() != fingerprints.size() || ids.size() != labels.length
                || (splitLabels != null && splitLabels.size() != ids.size())) {
            throw new IllegalArgumentException("rows disagree: " + ids.size() + " ids, " + smiles.size() + " SMILES, "
                    + fingerprints.size() + " fingerprints, " + labels.length + " label rows");
        }
        float[][] copy = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].length != endpoints.size()) {
                throw new IllegalArgumentException("row " + i + " has " + labels[i].length + " labels for "
                        + endpoints.size() + " endpoints");
            }
            copy[i] = labels[i].clone();
        }
        labels = copy;
    }

    public int size() {
        return ids.size();
    }

    /** A copy of the labels, [row][endpoint], NaN where missing. */
    @Override
    public float[][] labels() {
        float[][] copy = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            copy[i] = labels[i].clone();
        }
        return copy;
    }

    /** One label without copying everything. */
    public float label(int row, int endpoint) {
        return labels[row][endpoint];
    }

    /** The rows at {@code indices}, in that order (for splits). */
    public LabelledSet subset(int[] indices) {
        List<String> subIds = new java.util.ArrayList<>(indices.length);
        List<String> subSmiles = new java.util.ArrayList<>(indices.length);
        List<Fingerprint> subFingerprints = new java.util.ArrayList<>(indices.length);
        List<String> subSplit = splitLabels == null ? null : new java.util.ArrayList<>(indices.length);
        float[][] subLabels = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            subIds.add(ids.get(row));
            subSmiles.add(smiles.get(row));
            subFingerprints.add(fingerprints.get(row));
            subLabels[i] = labels[row];
            if (subSplit != null) {
                subSplit.add(splitLabels.get(row));
            }
        }
        return new LabelledSet(provenance, fingerprint, endpoints, subIds, subSmiles, subFingerprints, subLabels,
                subSplit, List.of());
    }
}
