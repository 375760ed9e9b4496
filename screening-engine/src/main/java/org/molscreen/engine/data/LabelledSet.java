package org.molscreen.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.RecordError;
import org.molscreen.engine.model.ModelInput;

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
 * @param counts       the counts of each row's set bits, one per row; null when the fingerprint has none (MACCS)
 * @param descriptors  one per row: the descriptors a model may read beside the fingerprint
 * @param splitLabels  the file's own split column per row ({@code train}/{@code valid}/{@code test}), or null
 * @param rejected     rows that could not be used (bad structure or label), with where and why
 */
public record LabelledSet(DataProvenance provenance, FingerprintSpec fingerprint, List<String> endpoints,
                          List<String> ids, List<String> smiles, List<Fingerprint> fingerprints,
                          List<FingerprintCounts> counts, List<MolecularDescriptors> descriptors, float[][] labels, List<String> splitLabels,
                          List<RecordError> rejected) {

    public LabelledSet {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(fingerprint, "fingerprint");
        endpoints = List.copyOf(endpoints);
        ids = List.copyOf(ids);
        smiles = List.copyOf(smiles);
        fingerprints = List.copyOf(fingerprints);
        counts = counts == null ? null : List.copyOf(counts);
        descriptors = List.copyOf(descriptors);
        rejected = List.copyOf(rejected);
        splitLabels = splitLabels == null ? null : List.copyOf(splitLabels);
        if (ids.size() != smiles.size() || ids.size() != fingerprints.size() || ids.size() != descriptors.size()
                || ids.size() != labels.length || (counts != null && counts.size() != ids.size())
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

    /** What a model reads of each row, in row order. */
    public List<ModelInput> inputs() {
        List<ModelInput> inputs = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            inputs.add(new ModelInput(fingerprints.get(i), counts == null ? null : counts.get(i), descriptors.get(i), smiles.get(i)));
        }
        return inputs;
    }

    /** The set after {@link #mergeDuplicates}, with how many rows were merged and how many labels dropped. */
    public record Merged(LabelledSet set, long duplicates, long conflicts) {
    }

    /**
     * One row per standardised structure (canonical SMILES), the first row's id and split label kept. Assay
     * data repeat structures (the Tox21 challenge's 11,760 samples hold about 8,000), and a split that puts
     * copies on both sides flatters validation and test. Labels of the copies are merged per endpoint:
     * regression takes the mean; classification takes the majority and drops the label (missing) on a tie,
     * counted as a conflict.
     */
    public Merged mergeDuplicates(boolean classification) {
        Map<String, List<Integer>> rowsBySmiles = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            rowsBySmiles.computeIfAbsent(smiles.get(i), k -> new ArrayList<>()).add(i);
        }
        if (rowsBySmiles.size() == size()) {
            return new Merged(this, 0, 0);
        }
        int endpointCount = endpoints.size();
        int[] firsts = new int[rowsBySmiles.size()];
        float[][] merged = new float[rowsBySmiles.size()][];
        long conflicts = 0;
        int next = 0;
        for (List<Integer> rows : rowsBySmiles.values()) {
            float[] row = new float[endpointCount];
            for (int e = 0; e < endpointCount; e++) {
                double sum = 0;
                int count = 0;
                for (int r : rows) {
                    float value = labels[r][e];
                    if (!Float.isNaN(value)) {
                        sum += value;
                        count++;
                    }
                }
                if (count == 0) {
                    row[e] = Float.NaN;
                } else if (!classification) {
                    row[e] = (float) (sum / count);
                } else {
                    double share = sum / count;
                    if (share == 0.5) {
                        row[e] = Float.NaN;
                        conflicts++;
                    } else {
                        row[e] = share > 0.5 ? 1f : 0f;
                    }
                }
            }
            firsts[next] = rows.get(0);
            merged[next++] = row;
        }
        LabelledSet firstRows = subset(firsts);
        return new Merged(new LabelledSet(provenance, fingerprint, endpoints, firstRows.ids, firstRows.smiles,
                firstRows.fingerprints, firstRows.counts, firstRows.descriptors, merged, firstRows.splitLabels, rejected),
                size() - rowsBySmiles.size(), conflicts);
    }

    /** The rows at {@code indices}, in that order (for splits). */
    public LabelledSet subset(int[] indices) {
        List<String> subIds = new java.util.ArrayList<>(indices.length);
        List<String> subSmiles = new java.util.ArrayList<>(indices.length);
        List<Fingerprint> subFingerprints = new java.util.ArrayList<>(indices.length);
        List<FingerprintCounts> subCounts = counts == null ? null : new java.util.ArrayList<>(indices.length);
        List<MolecularDescriptors> subDescriptors = new java.util.ArrayList<>(indices.length);
        List<String> subSplit = splitLabels == null ? null : new java.util.ArrayList<>(indices.length);
        float[][] subLabels = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            subIds.add(ids.get(row));
            subSmiles.add(smiles.get(row));
            subFingerprints.add(fingerprints.get(row));
            if (subCounts != null) {
                subCounts.add(counts.get(row));
            }
            subDescriptors.add(descriptors.get(row));
            subLabels[i] = labels[row];
            if (subSplit != null) {
                subSplit.add(splitLabels.get(row));
            }
        }
        return new LabelledSet(provenance, fingerprint, endpoints, subIds, subSmiles, subFingerprints, subCounts, subDescriptors, subLabels,
                subSplit, List.of());
    }
}
