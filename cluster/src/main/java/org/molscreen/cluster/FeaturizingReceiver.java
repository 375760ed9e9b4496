package org.molscreen.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.Ignition;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.stream.StreamReceiver;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;
import org.molscreen.cluster.storage.StoredCompounds;
import org.molscreen.cluster.storage.StoredSettings;

/**
 * Runs on the node that owns a batch of streamed records: featurises the raw SMILES there (the expensive
 * step, so it scales with the workers), replaces each streamed text by the compact compound, and puts bad
 * records in the error cache. Streamed values are {@code id TAB line TAB notation TAB text} (the text may be
 * a molfile of many lines). One pair of {@link Featurizer}s per streamer thread ({@link PerThreadFeaturizers}).
 *
 * <p>A SMILES record is featurised in part and stored with its own text ({@link StoredCompounds}, format 3): the
 * structure is parsed, standardised and fingerprinted, so a record that cannot be read is still an error of the
 * ingest, but its canonical SMILES, descriptors, QED and PAINS alerts are computed by the screens that show or
 * filter on them. Those were half of an ingest's work and most of what a cold server's optimising compiler had to
 * compile before the ingest ran at speed. A molfile record is featurised and stored whole.
 */
public final class FeaturizingReceiver implements StreamReceiver<Long, Object> {

    private static final long serialVersionUID = 1L;
    /** What an ingest computes for a SMILES record beside its fingerprint: nothing. */
    static final FeatureSelection STORED_IN_PART = new FeatureSelection(false, false, false);

    private final String libraryId;
    private final String source;
    private final byte[] options;

    FeaturizingReceiver(String libraryId, String source, FeaturizerOptions options) {
        this.libraryId = libraryId;
        this.source = source;
        this.options = StoredSettings.encode(options);
    }

    /**
     * The streamed text of a raw record. Public for the benchmark that measures what one upload's reader can feed
     * the streamer; the receiver itself is made only by {@link LibraryStore}.
     */
    public static String encode(RawRecord record) {
        return record.id().replace('\t', ' ') + "\t" + record.location().line() + "\t" + record.notation().name()
                + "\t" + record.text();
    }

    @Override
    public void receive(IgniteCache<Long, Object> records, Collection<Map.Entry<Long, Object>> entries) throws IgniteException {
        FeaturizerOptions featurization = StoredSettings.decodeOptions(options);
        Featurizer whole = PerThreadFeaturizers.get(featurization, FeatureSelection.ALL);
        Featurizer inPart = PerThreadFeaturizers.get(featurization, STORED_IN_PART);
        Map<Long, Object> compounds = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        for (Map.Entry<Long, Object> entry : entries) {
            String[] fields = ((String) entry.getValue()).split("\t", 4);
            long record = entry.getKey();
            RawRecord raw = new RawRecord(new RecordLocation(source, record, Long.parseLong(fields[1])), fields[0],
                    Notation.valueOf(fields[2]), fields[3], Map.of());
            boolean smiles = raw.notation() == Notation.SMILES && featurization.fingerprint() != null;
            FeaturizedRecord result = (smiles ? inPart : whole).featurize(raw);
            if (result instanceof PartialMolecule molecule) {
                compounds.put(record, StoredCompounds.encode(molecule, featurization.standardize()));
            } else if (result instanceof FeaturizedMolecule molecule) {
                compounds.put(record, StoredCompounds.encode(molecule));
            } else {
                errors.put(LibraryStore.errorKey(libraryId, record), ((RejectedRecord) result).error().message());
            }
        }
        records.putAll(compounds);
        if (!errors.isEmpty()) {
            // receivers get no resource injection; this runs on an Ignite thread, which knows its node
            IgniteCache<String, String> errorCache = Ignition.localIgnite().cache(CacheNames.LIBRARY_ERRORS);
            errorCache.putAll(errors);
        }
    }
}
