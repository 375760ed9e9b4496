package org.molscreen.cluster;

import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.cluster.storage.StoredCompounds;
import org.molscreen.cluster.storage.StoredCountsRecovery;
import org.molscreen.cluster.storage.StoredHitLists;
import org.molscreen.cluster.storage.StoredSettings;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;

/**
 * Screens one partition of a library where it lives ({@code affinityCall} reserves the partition on its
 * primary node while the job runs, and the job moves with the partition if that node fails): reads the
 * local compounds, scores them in batches and returns the partition's best hits.
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

    @Override
    public byte[] call() {
        ScreenSettings screen = StoredSettings.decodeScreen(settings);
        List<ScreeningModel> models = NodeModels.load(ignite, screen.models());
        Screening.ScreenPass pass = new Screening.ScreenPass(screen, models);
        // a library stored before counts were kept: recover them from the stored SMILES for models that read them
        StoredCountsRecovery recovery = models.stream().anyMatch(ScreeningModel::readsCounts)
                ? new StoredCountsRecovery(models.get(0).fingerprint()) : null;
        IgniteCache<Long, byte[]> records = ignite.cache(cacheName);
        long scanned = 0;
        List<FeaturizedMolecule> batch = new ArrayList<>(BATCH);
        try (QueryCursor<Cache.Entry<Long, byte[]>> cursor = records.query(
                new ScanQuery<Long, byte[]>().setPartition(partition).setLocal(true))) {
            for (Cache.Entry<Long, byte[]> entry : cursor) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("partition " + partition + " screen cancelled");
                }
                FeaturizedMolecule molecule = StoredCompounds.decode(entry.getValue(), source);
                batch.add(recovery == null ? molecule : recovery.withCounts(molecule));
                scanned++;
                if (batch.size() == BATCH) {
                    pass.considerAll(batch);
                    batch.clear();
                }
            }
        }
        pass.considerAll(batch);
        if (recovery != null && recovery.approximated() > 0) {
            ignite.log().warning("library " + source + ", partition " + partition + ": " + recovery.approximated()
                    + " compounds stored by an older molscreen were scored with counts of 1 (their stored SMILES gives"
                    + " other fingerprint bits); ingest the library again for exact counts");
        }
        return StoredHitLists.encode(new PartialHits(partition, pass.top().ranked(), scanned, pass.filtered(), pass.histogram()));
    }
}
