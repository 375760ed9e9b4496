package org.molscreen.engine.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.molscreen.chem.featurize.FeaturizationSummary;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.featurize.LibraryFeaturizer;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ModelMismatchException;
import org.molscreen.engine.model.ScreeningModel;

/**
 * Streams a library through featurisation and one or more models, in batches, and hands each record with
 * its predictions to a sink in input order. All models must share one featurisation (they are checked
 * before anything is read). Memory is bounded by the batch size whatever the library size.
 */
public final class LibraryPredictor {

    static final int BATCH = 1_024;

    private final List<ScreeningModel> models;
    private final int threads;
    private final java.util.function.Function<ScreeningModel, ScreeningModel.Domain> domain;
    private final FeatureSelection selection;

    /** Every model's prediction with the full applicability domain. */
    public LibraryPredictor(List<ScreeningModel> models, int threads) {
        this(models, threads, model -> ScreeningModel.Domain.FULL);
    }

    /**
     * @param domain how much applicability domain each model computes: the nearest-neighbour searches cost
     *               more than the networks, so a screen asks only for what its ranking needs
     */
    public LibraryPredictor(List<ScreeningModel> models, int threads,
                            java.util.function.Function<ScreeningModel, ScreeningModel.Domain> domain) {
        this(models, threads, domain, FeatureSelection.ALL.withTopological(readTopological(models)));
    }

    /**
     * @param selection what is computed beside the fingerprint; short of everything, featurised compounds reach
     *                  the sink as {@link PartialMolecule}s (the models' own inputs are always among what is
     *                  computed: see {@link #readDescriptors})
     */
    public LibraryPredictor(List<ScreeningModel> models, int threads,
                            java.util.function.Function<ScreeningModel, ScreeningModel.Domain> domain, FeatureSelection selection) {
        this.domain = domain;
        this.selection = selection;
        if (!selection.descriptors() && readDescriptors(models)) {
            throw new IllegalArgumentException("a model reads descriptors: they must be computed");
        }
        if (!selection.topological() && readTopological(models)) {
            throw new IllegalArgumentException("a model reads topological descriptors: they must be computed");
        }
        requireSharedFeaturization(models);
        this.models = List.copyOf(models);
        this.threads = threads;
    }

    /**
     * @throws ModelMismatchException when the models do not share one fingerprint and standardisation, so that one
     *                                featurisation of a compound serves all of them
     */
    public static void requireSharedFeaturization(List<ScreeningModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        ScreeningModel first = models.get(0);
        for (ScreeningModel model : models) {
            model.requireFeaturization(first.fingerprint(), first.card().featurization().standardized());
            if (!model.fingerprint().equals(first.fingerprint())) {
                throw new ModelMismatchException("models " + first.name() + " and " + model.name()
                        + " use different fingerprints; score them in separate runs");
            }
        }
    }

    /**
     * Whether any of the models reads the descriptor block (its card has one); beside the fingerprint, that is all
     * a model reads of a compound.
     */
    public static boolean readDescriptors(List<ScreeningModel> models) {
        return models.stream().anyMatch(model -> model.card().featurization().descriptors() != null);
    }

    /** Whether any of the models reads the topological descriptors ({@link ScreeningModel#readsTopological}). */
    public static boolean readTopological(List<ScreeningModel> models) {
        return models.stream().anyMatch(ScreeningModel::readsTopological);
    }

    /**
     * What a table of predictions (id, canonical SMILES, endpoints: {@code molscreen predict}) needs: what the
     * models read and the canonical SMILES, never the PAINS alerts.
     */
    public static FeatureSelection forPredictionTable(List<ScreeningModel> models) {
        return new FeatureSelection(readDescriptors(models), false, true).withTopological(readTopological(models));
    }

    /**
     * The compounds as the models read them: with the topological descriptors (computed from each compound's
     * canonical SMILES, in parallel) when a model reads them and a compound lacks them, as a stored library's
     * compounds and hits featurised for display do.
     */
    public static List<ModelInput> inputs(List<ScreeningModel> models, List<FeaturizedMolecule> molecules) {
        List<ModelInput> inputs = molecules.stream().map(ModelInput::of).toList();
        // once for every model that reads them, rather than once per model
        return readTopological(models) ? ModelInput.withTopological(inputs) : inputs;
    }

    /** The featurisation the models need, applied to every record. */
    public FeaturizerOptions featurization() {
        return featurization(models);
    }

    /** The featurisation models that share one ({@link #requireSharedFeaturization}) need. */
    public static FeaturizerOptions featurization(List<ScreeningModel> models) {
        ScreeningModel first = models.get(0);
        return new FeaturizerOptions(first.fingerprint(), first.card().featurization().standardized());
    }

    public FeaturizationSummary run(LibraryReader reader, Consumer<PredictedRecord> sink, LongConsumer progress)
            throws InterruptedException {
        List<FeaturizedRecord> pending = new ArrayList<>(BATCH);
        FeaturizationSummary summary = new LibraryFeaturizer(featurization(), selection, threads).run(reader, record -> {
            pending.add(record);
            if (pending.size() == BATCH) {
                flush(pending, sink);
            }
        }, progress);
        flush(pending, sink);
        return summary;
    }

    /**
     * Every model's prediction for every compound, as one map per compound (model name to prediction, in
     * model order): the models run over the whole batch, not compound by compound.
     */
    public static List<Map<String, CompoundPrediction>> predictEach(List<ScreeningModel> models, List<ModelInput> fingerprints,
                                                                     java.util.function.Function<ScreeningModel, ScreeningModel.Domain> domain) {
        List<List<CompoundPrediction>> byModel = new ArrayList<>();
        for (ScreeningModel model : models) {
            byModel.add(fingerprints.isEmpty() ? List.of() : model.predict(fingerprints, domain.apply(model)));
        }
        List<Map<String, CompoundPrediction>> perCompound = new ArrayList<>(fingerprints.size());
        for (int i = 0; i < fingerprints.size(); i++) {
            Map<String, CompoundPrediction> predictions = new LinkedHashMap<>();
            for (int m = 0; m < models.size(); m++) {
                predictions.put(models.get(m).name(), byModel.get(m).get(i));
            }
            perCompound.add(predictions);
        }
        return perCompound;
    }

    private void flush(List<FeaturizedRecord> pending, Consumer<PredictedRecord> sink) {
        if (pending.isEmpty()) {
            return;
        }
        List<ModelInput> fingerprints = new ArrayList<>();
        for (FeaturizedRecord record : pending) {
            if (record instanceof FeaturizedMolecule molecule) {
                fingerprints.add(ModelInput.of(molecule));
            } else if (record instanceof PartialMolecule partial) {
                fingerprints.add(ModelInput.of(partial.features()));
            }
        }
        List<Map<String, CompoundPrediction>> predictions = predictEach(models, fingerprints, domain);
        int next = 0;
        for (FeaturizedRecord record : pending) {
            if (!(record instanceof RejectedRecord)) {
                sink.accept(new PredictedRecord(record, predictions.get(next++)));
            } else {
                sink.accept(PredictedRecord.rejected(record));
            }
        }
        pending.clear();
    }
}
