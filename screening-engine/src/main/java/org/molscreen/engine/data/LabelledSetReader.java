package org.molscreen.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.FileDigest;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.RecordError;

/**
 * Reads a labelled data set (CSV/TSV/SDF, optionally gzipped) through chem-core: every record is
 * standardised and fingerprinted exactly as a screened library is, so a model sees training compounds and
 * library compounds through the same featurisation. Label columns are CSV columns or SD properties.
 *
 * <p>A label cell that is empty (or {@code NA}, {@code nan}) is missing; one that is not a number makes
 * the row an error naming the column, so a typo never becomes a silent 0. Training sets are held in
 * memory (they are thousands, not millions, of rows); featurisation runs on all cores.
 */
public final class LabelledSetReader {

    private final FingerprintSpec fingerprint;
    private final int threads;

    public LabelledSetReader(FingerprintSpec fingerprint, int threads) {
        this.fingerprint = fingerprint;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param labelColumns the label columns, in the order the model's endpoints will have
     * @param splitColumn  a column holding the file's own split (train/valid/test), or null
     */
    public LabelledSet read(Path file, ReadOptions options, String name, List<String> labelColumns, String splitColumn) {
        if (labelColumns.isEmpty()) {
            throw new IllegalArgumentException("no label columns given");
        }
        List<RawRecord> records = new ArrayList<>();
        List<RecordError> rejected = new ArrayList<>();
        long rows = 0;
        try (LibraryReader reader = LibraryReader.open(file, options)) {
            while (reader.hasNext()) {
                LibraryRecord record = reader.next();
                rows++;
                if (record instanceof RawRecord raw) {
                    records.add(raw);
                } else {
                    rejected.add((RecordError) record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!records.isEmpty()) {
            for (String column : labelColumns) {
                if (!records.get(0).properties().containsKey(column)) {
                    throw new InvalidInputException(file.getFileName().toString(), "no label column '" + column
                            + "'; the columns are: " + String.join(", ", records.get(0).properties().keySet()));
                }
            }
            if (splitColumn != null && !records.get(0).properties().containsKey(splitColumn)) {
                throw new InvalidInputException(file.getFileName().toString(), "no split column '" + splitColumn + "'");
            }
        }
        FeaturizerOptions featurizerOptions = new FeaturizerOptions(fingerprint, true);
        // the topological descriptors too: the training search decides whether a network reads them
        ThreadLocal<Featurizer> featurizers = ThreadLocal.withInitial(() -> new Featurizer(featurizerOptions,
                org.molscreen.chem.featurize.FeatureSelection.ALL.withTopological(true)));
        FeaturizedRecord[] featurized = new FeaturizedRecord[records.size()];
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, records.size()).parallel()
                    .forEach(i -> featurized[i] = featurizers.get().featurize(records.get(i)))).join();
        } finally {
            pool.shutdown();
        }

        List<String> ids = new ArrayList<>();
        List<String> smiles = new ArrayList<>();
        List<org.molscreen.chem.fingerprint.Fingerprint> fingerprints = new ArrayList<>();
        List<org.molscreen.chem.fingerprint.FingerprintCounts> counts = new ArrayList<>();
        List<org.molscreen.chem.descriptor.MolecularDescriptors> descriptors = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        List<String> split = splitColumn == null ? null : new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RawRecord record = records.get(i);
            if (featurized[i] instanceof RejectedRecord bad) {
                rejected.add(bad.error());
                continue;
            }
            float[] row = new float[labelColumns.size()];
            RecordError labelError = null;
            for (int e = 0; e < row.length && labelError == null; e++) {
                String column = labelColumns.get(e);
                String text = record.properties().getOrDefault(column, "").strip();
                if (text.isEmpty() || text.equalsIgnoreCase("na") || text.equalsIgnoreCase("nan")) {
                    row[e] = Float.NaN;
                    continue;
                }
                try {
                    row[e] = Float.parseFloat(text);
                } catch (NumberFormatException ex) {
                    labelError = new RecordError(record.location(), record.id(), column, "label '" + text + "' is not a number");
                }
            }
            if (labelError != null) {
                rejected.add(labelError);
                continue;
            }
            FeaturizedMolecule molecule = (FeaturizedMolecule) featurized[i];
            ids.add(record.id());
            smiles.add(molecule.smiles());
            fingerprints.add(molecule.fingerprint());
            if (counts != null && molecule.counts() != null) {
                counts.add(molecule.counts());
            } else {
                counts = null;
            }
            descriptors.add(molecule.descriptors());
            labels.add(row);
            if (split != null) {
                split.add(record.properties().getOrDefault(splitColumn, ""));
            }
        }
        String fileName = file.getFileName().toString();
        DataProvenance provenance = new DataProvenance(name == null ? baseName(fileName) : name, fileName, rows, FileDigest.sha256(file));
        return new LabelledSet(provenance, fingerprint, labelColumns, ids, smiles, fingerprints, counts, descriptors,
                labels.toArray(new float[0][]), split, rejected);
    }

    static String baseName(String fileName) {
        String name = fileName;
        for (String extension : new String[] {".gz", ".csv", ".tsv", ".sdf", ".smi"}) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
