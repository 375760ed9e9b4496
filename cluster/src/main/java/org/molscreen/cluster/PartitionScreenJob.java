package org.molscreen.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.cluster.storage.StoredCompounds;
import org.molscreen.cluster.storage.StoredCountsRecovery;
import org.molscreen.cluster.storage.StoredHitLists;
import org.molscreen.cluster.storage.StoredSettings;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.predict.LibraryPredictor;
import org.molscreen.engine.screen.Hit;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;

/**
 * Screens one partition of a library where it lives ({@code affinityCall} reserves the partition on its
 * primary node while the job runs, and the job moves with the partition if that node fails): reads the
 * local compounds, scores them in batches and returns the partition's best hits.
 *
 * <p>Compounds stored in part (a SMILES library, {@link StoredCompounds}) are scored from their stored fingerprint;
 * when a filter or a model reads more (descriptors, alerts) they are featurised again from their record, whole, as
 * a local screen featurises them, and stored whole in place of the partial record: the first such screen of a
 * library pays what its ingest left out, once, and later ones read the stored values. The partition's hits that were featurised in part go back with their records:
 * the merging node featurises whole only those that make the merged top N.
 */
final class PartitionScreenJob implements IgniteCallable<byte[]> {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1_024;

    private final String cacheName;
    private final String source;
    private final int partition;
    private final byte[] settings;

    @IgniteInstanceResource
    private transient Ignite ignite;

    PartitionScreenJob(String cacheName, String source, int partition, ScreenSettings settings) {
        this.cacheName = cacheName;
        this.source = source;
        this.partition = partition;
        this.settings = StoredSettings.encode(settings);
    }

    /**
     * Replaces compounds stored in part by their whole featurisation (the same values, format 2): the keys are
     * this partition's, already scanned, so the scan neither misses nor repeats one; the same value written by two
     * screens at once is harmless.
     */
    private static void storeWhole(IgniteCache<Long, byte[]> records, Map<Long, byte[]> completed) {
        if (!completed.isEmpty()) {
            records.putAll(completed);
            completed.clear();
        }
    }

    @Override
    public byte[] call() {
        ScreenSettings screen = StoredSettings.decodeScreen(settings);
        List<ScreeningModel> models = NodeModels.load(ignite, screen.models());
        Screening.ScreenPass pass = new Screening.ScreenPass(screen, models);
        LibraryPredictor.requireSharedFeaturization(models);
        // what the pass reads beside the fingerprint; a compound stored in part is featurised again for it, whole,
        // and stored whole, so that the next screen that filters (or ranks by a model reading descriptors) reads it
        FeatureSelection selection = Screening.selection(screen, models);
        boolean fingerprintOnly = !(selection.descriptors() || selection.alerts() || selection.smiles());
        Featurizer again = fingerprintOnly ? null : PerThreadFeaturizers.get(LibraryPredictor.featurization(models),
                FeatureSelection.ALL.withTopological(selection.topological()));
        Map<Long, byte[]> completed = new TreeMap<>();
        boolean featurizationChecked = false;
        // a library stored before counts were kept: recover them from the stored SMILES for models that read them
        StoredCountsRecovery recovery = models.stream().anyMatch(ScreeningModel::readsCounts)
                ? new StoredCountsRecovery(models.get(0).fingerprint()) : null;
        IgniteCache<Long, byte[]> records = ignite.cache(cacheName);
        long scanned = 0;
        long unfinished = 0;
        List<FeaturizedRecord> batch = new ArrayList<>(BATCH);
        try (QueryCursor<Cache.Entry<Long, byte[]>> cursor = records.query(
                new ScanQuery<Long, byte[]>().setPartition(partition).setLocal(true))) {
            for (Cache.Entry<Long, byte[]> entry : cursor) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("partition " + partition + " screen cancelled");
                }
                scanned++;
                byte[] value = entry.getValue();
                FeaturizedRecord compound = StoredCompounds.decode(value, source);
                if (compound instanceof PartialMolecule stored) {
                    if (!featurizationChecked) {
                        models.get(0).requireFeaturization(models.get(0).fingerprint(), StoredCompounds.standardized(value));
                        featurizationChecked = true;
                    }
                    if (again != null) {
                        compound = again.featurize(stored.source());
                        if (compound instanceof RejectedRecord) {
                            // what a local screen featurising the record for these filters or models would count
                            unfinished++;
                            continue;
                        }
                        completed.put(entry.getKey(), StoredCompounds.encode((FeaturizedMolecule) compound));
                    }
                } else if (recovery != null) {
                    compound = recovery.withCounts((FeaturizedMolecule) compound);
                }
                batch.add(compound);
                if (batch.size() == BATCH) {
                    pass.considerAll(batch);
                    batch.clear();
                }
                if (completed.size() == BATCH) {
                    storeWhole(records, completed);
                }
            }
        }
        pass.considerAll(batch);
        storeWhole(records, completed);
        if (recovery != null && recovery.approximated() > 0) {
            ignite.log().warning("library " + source + ", partition " + partition + ": " + recovery.approximated()
                    + " compounds stored by an older molscreen were scored with counts of 1 (their stored SMILES gives"
                    + " other fingerprint bits); ingest the library again for exact counts");
        }
        List<Hit> hits = pass.top().ranked();
        Map<Long, RawRecord> deferred = new HashMap<>();
        for (Hit hit : hits) {
            RawRecord record = pass.deferredSource(hit);
            if (record != null) {
                deferred.put(hit.molecule().location().record(), record);
            }
        }
        return StoredHitLists.encode(new PartialHits(partition, hits, deferred, scanned, pass.filtered(),
                unfinished + pass.unfinished(), pass.histogram()));
    }
}
