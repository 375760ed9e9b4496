package org.molscreen.engine.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.FeaturizationSummary;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;
import org.molscreen.engine.model.AffinityRanking;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.predict.LibraryPredictor;

/**
 * A local screen: the library streamed through featurisation and every selected model, filters applied,
 * the top N kept by the ranking endpoint in bounded memory.
 *
 * <p>Ranking: a classification endpoint ranks by its probability. An affinity (regression) endpoint ranks
 * by the {@link AffinityRanking} that found held-out actives best in the model's own enrichment study
 * (recorded in its card): a network trained on one chemical series alone scores unrelated library compounds
 * almost anywhere, so either the model learnt library compounds as presumed inactives (then its raw
 * prediction ranks best) or its prediction is weighted by similarity to its training actives. Ties break
 * on id.
 */
public final class Screening {

    /**
     * Up to this many hits a screen featurises every compound only in part and the compounds that enter the top N
     * whole; past it so many compounds enter the top N on their way that featurising all of them in parallel costs
     * less than featurising the entrants again one by one.
     */
    static final int MAX_TOP_FOR_PARTIAL = 1_000;

    private final int threads;
    private final boolean partial;

    public Screening(int threads) {
        this(threads, true);
    }

    private Screening(int threads, boolean partial) {
        this.threads = threads;
        this.partial = partial;
    }

    /** A screen that featurises every compound whole, as before partial featurisation: the reference it must equal. */
    public static Screening featurizingEverything(int threads) {
        return new Screening(threads, false);
    }

    /**
     * What a screen computes for every compound beside the fingerprint: what the models read (descriptors for a
     * model with a descriptor block) and what the chosen filters read (descriptors for the rule of five and
     * Veber's rule, alerts for PAINS); canonical SMILES, the other descriptors and the alerts wait until a
     * compound enters the top N. A large top N gets everything at once ({@link #MAX_TOP_FOR_PARTIAL}).
     */
    public static FeatureSelection selection(ScreenSettings settings, List<ScreeningModel> models) {
        List<ScreeningModel> scored = scoredDuringPass(settings, models);
        boolean topological = LibraryPredictor.readTopological(scored);
        if (settings.top() > MAX_TOP_FOR_PARTIAL) {
            return FeatureSelection.ALL.withTopological(topological);
        }
        boolean descriptors = LibraryPredictor.readDescriptors(scored)
                || settings.filters().contains(HitFilter.RO5) || settings.filters().contains(HitFilter.VEBER);
        return new FeatureSelection(descriptors, settings.filters().contains(HitFilter.PAINS), false).withTopological(topological);
    }

    /**
     * The models a pass must score for every compound: the ranking model, and the classification models when
     * {@code --max-tox} filters on them. The others' predictions are shown for the hits only, and {@link #finish}
     * computes every model's prediction for the kept hits anyway, so scoring them during the pass would be
     * thrown away (with {@code tox21} beside {@code bace1} it was half of a screen's time).
     */
    public static List<ScreeningModel> scoredDuringPass(ScreenSettings settings, List<ScreeningModel> models) {
        return models.stream()
                .filter(m -> m.name().equals(settings.rankModel())
                        || settings.maxTox() != null && m.card().kind().classification())
                .toList();
    }

    public HitList run(LibraryReader reader, ScreenSettings settings, List<ScreeningModel> models, LongConsumer progress)
            throws InterruptedException {
        long started = System.nanoTime();
        ScreenPass pass = new ScreenPass(settings, models);
        FeatureSelection selection = partial ? selection(settings, models)
                : FeatureSelection.ALL.withTopological(LibraryPredictor.readTopological(pass.scored()));
        LibraryPredictor.requireSharedFeaturization(models);
        LibraryPredictor predictor = new LibraryPredictor(pass.scored(), threads, pass::domain, selection);
        Featurizer whole = selection.all() ? null : new Featurizer(predictor.featurization());
        FeaturizationSummary summary = predictor.run(reader, predicted -> {
            if (predicted.record() instanceof FeaturizedMolecule molecule) {
                pass.consider(molecule, predicted.predictions());
            } else if (predicted.record() instanceof PartialMolecule molecule) {
                pass.consider(molecule, predicted.predictions(), whole);
            }
        }, progress);
        return finish(settings, models, pass.top(), summary.records(), summary.errors() + pass.unfinished(), pass.filtered(),
                (System.nanoTime() - started) / 1e9, pass.histogram());
    }

    /**
     * The hit list from the best hits of one or more passes (merged by the caller): every model's full
     * applicability domain is computed for the kept hits, and the columns are described.
     */
    public static HitList finish(ScreenSettings settings, List<ScreeningModel> models, TopHits top, long records,
                                 long errors, long filtered, double seconds, ScoreHistogram histogram) {
        List<HitList.ModelColumns> columns = new ArrayList<>();
        for (ScreeningModel model : models) {
            columns.add(new HitList.ModelColumns(model.name(),
                    model.card().endpoints().stream().map(ModelCard.Endpoint::name).toList(), model.card().kind().classification()));
        }
        return new HitList(settings, withDomain(top.ranked(), models), columns, records, errors, filtered, seconds, histogram);
    }

    /**
     * One screening pass over some compounds (a whole library, or one partition of it on a cluster node):
     * filters, the ranking score and the bounded top N. Every pass over the same compounds with the same
     * settings and models keeps the same hits, so partial passes merge into the hit list of a single pass.
     * Not thread-safe.
     */
    public static final class ScreenPass {

        private final ScreenSettings settings;
        private final List<ScreeningModel> models;
        private final List<ScreeningModel> scored;
        private final ScreeningModel rankModel;
        private final Fingerprint reference;
        private final AffinityRanking affinity;
        private final ScreeningModel.Domain rankDomain;
        private final TopHits top;
        private final ScoreHistogram histogram;
        private long filtered;
        private long unfinished;
        /** By identity: entrants only, a few times N (N ln(n / N) for n compounds in random order). */
        private final Map<Hit, RawRecord> deferred = new java.util.IdentityHashMap<>();

        public ScreenPass(ScreenSettings settings, List<ScreeningModel> models) {
            this.settings = settings;
            this.models = List.copyOf(models);
            this.rankModel = models.stream().filter(m -> m.name().equals(settings.rankModel())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("ranking model " + settings.rankModel() + " is not loaded"));
            this.reference = settings.similarTo() == null ? null : referenceFingerprint(settings.similarTo(), rankModel);
            this.affinity = AffinityRanking.bestFor(rankModel.card());
            this.rankDomain = !rankModel.card().kind().classification() && affinity != AffinityRanking.MODEL
                    ? ScreeningModel.Domain.ACTIVES : ScreeningModel.Domain.NONE;
            this.scored = scoredDuringPass(settings, models);
            this.top = new TopHits(settings.top());
            this.histogram = ScoreHistogram.forScores(rankModel.card().kind().classification());
        }

        /** The models this pass scores for every compound ({@link #scoredDuringPass}). */
        public List<ScreeningModel> scored() {
            return scored;
        }

        /** How much applicability domain a model must compute during the pass: only what the ranking needs. */
        public ScreeningModel.Domain domain(ScreeningModel model) {
            return model == rankModel ? rankDomain : ScreeningModel.Domain.NONE;
        }

        /**
         * Scores a batch with every model, then considers each compound: whole ones ({@link FeaturizedMolecule}) as
         * they are, ones featurised in part ({@link PartialMolecule}) with their whole featurisation deferred
         * ({@link #deferredSource}).
         */
        public void considerAll(List<? extends FeaturizedRecord> compounds) {
            if (compounds.isEmpty()) {
                return;
            }
            List<FeaturizedMolecule> molecules = compounds.stream().map(Screening::features).toList();
            List<ModelInput> inputs = LibraryPredictor.inputs(scored, molecules);
            List<Map<String, CompoundPrediction>> predictions = LibraryPredictor.predictEach(scored, inputs, this::domain);
            for (int i = 0; i < molecules.size(); i++) {
                if (compounds.get(i) instanceof PartialMolecule partial) {
                    consider(partial, predictions.get(i), null);
                } else {
                    consider(molecules.get(i), predictions.get(i));
                }
            }
        }

        /** Filters one scored compound and offers it to the top N. */
        public void consider(FeaturizedMolecule molecule, Map<String, CompoundPrediction> predictions) {
            consider(molecule, predictions, null, null);
        }

        /**
         * As {@link #consider(FeaturizedMolecule, Map)} for a compound featurised in part (with what its filters
         * read): one that would enter the top N is featurised whole by {@code whole} first, so every hit is what
         * featurising everything gives. With {@code whole} null that is left to the caller: the hit keeps the
         * partial features and {@link #deferredSource} gives its record (a cluster node's partition keeps a top N
         * of its own, which most of its compounds enter on their way; the merging node featurises the few of the
         * merged top N). A compound whose whole featurisation would fail where the partial one did
         * not is an error of the library if it would have entered the top N, as featurising everything counts it,
         * and otherwise is counted as scored: the one way the counts could differ. NCI 5K and the first 20,000
         * MOSES compounds have no such compound (their counts are equal both ways).
         */
        public void consider(PartialMolecule molecule, Map<String, CompoundPrediction> predictions, Featurizer whole) {
            consider(molecule.features(), predictions, molecule.source(), whole);
        }

        /** {@code source} and {@code whole} are null for a compound featurised whole already. */
        private void consider(FeaturizedMolecule molecule, Map<String, CompoundPrediction> predictions, RawRecord source,
                              Featurizer whole) {
            double score = score(rankModel, affinity, settings.rankEndpoint(), predictions.get(rankModel.name()));
            List<String> reasons = reasons(settings, models, rankModel, molecule, predictions, reference);
            boolean offered = reasons.isEmpty() || settings.keepFiltered();
            FeaturizedMolecule features = molecule;
            boolean entering = source != null && offered && top.wouldKeep(score, molecule.id());
            if (entering && whole != null) {
                if (!(whole.featurize(source) instanceof FeaturizedMolecule completed)) {
                    unfinished++;
                    return;
                }
                features = completed;
            }
            histogram.add(score);
            if (!reasons.isEmpty()) {
                filtered++;
            }
            if (offered) {
                double similarity = reference == null ? Double.NaN : reference.tanimoto(features.fingerprint());
                Hit hit = new Hit(features, score, predictions, similarity, reasons);
                if (entering && whole == null) {
                    deferred.put(hit, source);
                }
                top.offer(hit);
            }
        }

        /**
         * The record of a hit whose whole featurisation was deferred ({@link #consider(PartialMolecule, Map, Featurizer)}
         * with no featurizer), or null for a hit featurised whole.
         */
        public RawRecord deferredSource(Hit hit) {
            return deferred.get(hit);
        }

        /** Compounds featurised in part whose whole featurisation failed: errors of the library. */
        public long unfinished() {
            return unfinished;
        }

        public TopHits top() {
            return top;
        }

        public long filtered() {
            return filtered;
        }

        /** The ranking score of every compound considered so far. */
        public ScoreHistogram histogram() {
            return histogram;
        }
    }

    /**
     * The hits with every model's full applicability domain: computed for the few kept hits only, since a
     * nearest-neighbour search over a model's training set for every library compound would cost more than
     * the networks themselves. The networks' outputs are recomputed identically, so scores do not change.
     */
    private static List<Hit> withDomain(List<Hit> hits, List<ScreeningModel> models) {
        if (hits.isEmpty()) {
            return hits;
        }
        List<ModelInput> inputs = LibraryPredictor.inputs(models, hits.stream().map(Hit::molecule).toList());
        List<Map<String, CompoundPrediction>> full = LibraryPredictor.predictEach(models, inputs, m -> ScreeningModel.Domain.FULL);
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            out.add(new Hit(hit.molecule(), hit.score(), full.get(i), hit.similarity(), hit.filteredBy()));
        }
        return out;
    }

    private static FeaturizedMolecule features(FeaturizedRecord compound) {
        if (compound instanceof FeaturizedMolecule molecule) {
            return molecule;
        }
        if (compound instanceof PartialMolecule partial) {
            return partial.features();
        }
        throw new IllegalArgumentException("record " + compound.location() + " was not featurised: " + compound);
    }

    static double score(ScreeningModel model, AffinityRanking affinity, int endpoint, CompoundPrediction prediction) {
        if (model.card().kind().classification()) {
            return prediction.mean(endpoint);
        }
        return endpoint == 0 ? affinity.score(prediction) : prediction.mean(endpoint);
    }

    private static List<String> reasons(ScreenSettings settings, List<ScreeningModel> models, ScreeningModel rankModel,
                                        FeaturizedMolecule molecule, Map<String, CompoundPrediction> predictions,
                                        Fingerprint reference) {
        List<String> reasons = new ArrayList<>();
        for (HitFilter filter : HitFilter.values()) {
            if (settings.filters().contains(filter)) {
                filter.reject(molecule).ifPresent(reasons::add);
            }
        }
        if (settings.maxTox() != null) {
            for (ScreeningModel model : models) {
                if (model == rankModel || !model.card().kind().classification()) {
                    continue;
                }
                CompoundPrediction p = predictions.get(model.name());
                for (int e = 0; e < model.card().endpoints().size(); e++) {
                    if (p.mean(e) > settings.maxTox()) {
                        reasons.add(String.format(Locale.ROOT, "tox: %s %s %.2f > %.2f", model.name(),
                                model.card().endpoints().get(e).name(), p.mean(e), settings.maxTox()));
                    }
                }
            }
        }
        if (reference != null) {
            double similarity = reference.tanimoto(molecule.fingerprint());
            if (similarity < settings.minSimilarity()) {
                reasons.add(String.format(Locale.ROOT, "similarity: %.2f < %.2f", similarity, settings.minSimilarity()));
            }
        }
        return reasons;
    }

    private static Fingerprint referenceFingerprint(String smiles, ScreeningModel model) {
        return referenceFingerprint(smiles, new org.molscreen.chem.featurize.FeaturizerOptions(model.fingerprint(),
                model.card().featurization().standardized()));
    }

    /**
     * The fingerprint of the reference active a screen compares with.
     *
     * @throws InvalidScreenException ("similar to: ...") when the SMILES cannot be read
     */
    static Fingerprint referenceFingerprint(String smiles, org.molscreen.chem.featurize.FeaturizerOptions options) {
        FeaturizedRecord record = new Featurizer(options).featurize(new RawRecord(new RecordLocation("similar to", 1, 1),
                "reference", Notation.SMILES, smiles, Map.of()));
        if (record instanceof FeaturizedMolecule molecule) {
            return molecule.fingerprint();
        }
        throw new InvalidScreenException(ScreenField.SIMILAR_TO,
                "similar to: " + ((org.molscreen.chem.featurize.RejectedRecord) record).error().reason());
    }
}
