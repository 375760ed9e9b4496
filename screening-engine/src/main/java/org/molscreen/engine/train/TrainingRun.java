package org.molscreen.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.data.DataProvenance;
import org.molscreen.engine.data.LabelledSet;
import org.molscreen.engine.data.LabelledSetReader;
import org.molscreen.engine.evaluate.Evaluation;
import org.molscreen.engine.evaluate.Metrics;
import org.molscreen.engine.model.AffinityRanking;
import org.molscreen.engine.model.Calibration;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.DescriptorBlock;
import org.molscreen.engine.model.FingerprintValues;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.engine.split.DataSplit;
import org.molscreen.engine.split.SplitKind;
import org.molscreen.engine.split.Splitter;

/**
 * One {@code molscreen train}: read and featurise the data, split it, add presumed inactives, train the
 * ensemble, evaluate it on the held-out parts, and write everything the card needs.
 */
public final class TrainingRun {

    private final int threads;

    public TrainingRun(int threads) {
        this.threads = threads;
    }

    /**
     * The trained model, its evaluations by part ({@code validation}, {@code test}), the data after
     * de-duplication and how it was split (rows of {@code data}).
     */
    public record Result(ScreeningModel model, Map<String, Evaluation> evaluations, LabelledSet data, DataSplit split) {

        /**
         * Writes every row of the data with its part ({@code train}, {@code validation}, {@code test}) and labels, as
         * CSV ({@code id,smiles,part,<labels>}): a baseline of the user's own (e.g. a random forest) can then be
         * trained and tested on exactly the rows this model was.
         */
        public void writeSplit(java.nio.file.Path file) throws IOException {
            String[] parts = new String[data.size()];
            for (int row : split.train()) {
                parts[row] = "train";
            }
            for (int row : split.validation()) {
                parts[row] = "validation";
            }
            for (int row : split.test()) {
                parts[row] = "test";
            }
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file);
                 org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT)) {
                List<String> header = new ArrayList<>(List.of("id", "smiles", "part"));
                header.addAll(data.endpoints());
                csv.printRecord(header);
                for (int i = 0; i < data.size(); i++) {
                    List<String> row = new ArrayList<>(List.of(data.ids().get(i), data.smiles().get(i), parts[i] == null ? "" : parts[i]));
                    for (int e = 0; e < data.endpoints().size(); e++) {
                        float label = data.label(i, e);
                        row.add(Float.isNaN(label) ? "" : Float.toString(label));
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    public Result run(TrainingRequest request, Consumer<String> progress) {
        boolean classification = request.kind().classification();
        List<String> columns = new ArrayList<>(request.labels());
        if (request.classColumn() != null) {
            columns.add(request.classColumn());
        }
        long started = System.nanoTime();
        LabelledSetReader reader = new LabelledSetReader(request.fingerprint(), threads);
        LabelledSet read = reader.read(request.data(), request.readOptions(), request.name(), columns,
                request.split() == SplitKind.COLUMN ? request.splitColumn() : null);
        progress.accept("read " + read.provenance().rows() + " records of " + read.provenance().file() + ": "
                + read.size() + " usable, " + read.rejected().size() + " rejected");
        LabelledSet.Merged merged = read.mergeDuplicates(classification);
        LabelledSet all = merged.set();
        if (merged.duplicates() > 0) {
            progress.accept("merged " + merged.duplicates() + " rows into another of the same standardised structure ("
                    + all.size() + " structures); " + merged.conflicts() + " labels dropped where the copies disagreed");
        }

        Splitter splitter = new Splitter(request.fractions(), request.config().seed());
        DataSplit split = splitter.split(request.split(), all.smiles(), all.splitLabels());
        LabelledSet train = all.subset(split.train());
        LabelledSet validation = all.subset(split.validation());
        LabelledSet test = request.testFile() == null ? all.subset(split.test())
                : reader.read(request.testFile(), request.readOptions(), request.name() + "-test", columns, null);
        progress.accept("split " + request.split().registryName() + ": train " + train.size() + ", validation "
                + validation.size() + ", test " + test.size() + (request.testFile() == null ? "" : " (" + request.testFile().getFileName() + ")"));

        LabelledSet learnFrom = dropColumn(train, request);
        long decoyCount = 0;
        if (request.decoys() != null && request.decoyCount() > 0) {
            // presumed inactives switch descriptors off (below): no topological block for them
            List<ModelInput> decoys = sampleLibrary(request.decoys(), request.decoyCount(), 0, request, false);
            decoyCount = decoys.size();
            learnFrom = withDecoys(learnFrom, decoys, request.decoyLabel());
            progress.accept("added " + decoyCount + " presumed inactives from " + request.decoys().getFileName()
                    + " with label " + request.decoyLabel());
        }
        LabelledSet validationLabels = dropColumn(validation, request);
        // presumed inactives come from a library of another property range (MOSES: MW 250-350, uncharged): with
        // descriptors a network could rank by "looks like the library" rather than by the target's chemistry
        boolean descriptorsAllowed = decoyCount == 0;
        if (!descriptorsAllowed && (request.config().descriptors() || request.config().counts())) {
            progress.accept("descriptors and counts off: presumed inactives from a library could be told from actives by their properties alone");
        }
        // fitted once on what the networks learn from; used by the search's candidates and the ensemble alike
        DescriptorBlock block = DescriptorBlock.fit(learnFrom.descriptors());
        HyperparameterSearch.Outcome search = HyperparameterSearch.run(request.config(), learnFrom, validationLabels,
                classification, block, descriptorsAllowed, progress);
        TrainerConfig chosen = search.chosen();
        TrainerConfig config = chosen.with(chosen.hidden(), chosen.dropout(), chosen.learningRate(), chosen.positiveWeight(),
                chosen.descriptors(), chosen.counts(), request.config().ensembleSize());
        ModelTrainer.Ensemble trained;
        List<ModelCard.SearchTrial> members = null;
        if (search.ranked().isEmpty()) {
            trained = new ModelTrainer(config).train(learnFrom, validationLabels, classification,
                    config.descriptors() ? block : null, progress);
        } else {
            Members drawn = membersFromSearch(search.ranked(), config, learnFrom, validationLabels, classification, block,
                    classification ? "roc_auc" : "rmse", progress);
            trained = drawn.ensemble();
            members = drawn.trials();
        }
        boolean anyDescriptors = members == null ? config.descriptors()
                : members.stream().anyMatch(ModelCard.SearchTrial::descriptors);
        DescriptorBlock descriptors = anyDescriptors ? block : null;
        // evaluate the networks exactly as the model file will hold them
        ModelTrainer.Ensemble ensemble = new ModelTrainer.Ensemble(
                trained.networks().stream().map(org.molscreen.engine.model.ModelFile::asStored).toList(), trained.epochsKept());

        List<Fingerprint> actives = new ArrayList<>();
        if (!classification && request.activeThreshold() != null) {
            for (int i = 0; i < train.size(); i++) {
                if (train.label(i, 0) >= request.activeThreshold()) {
                    actives.add(train.fingerprints().get(i));
                }
            }
        }
        Provenance provenance = new Provenance(merged, config, descriptors, search.trials(), members, decoyCount, actives.size());
        ModelCard draft = card(request, all, split, test, ensemble, Map.of(), provenance, null, started);
        ScreeningModel raw = new ScreeningModel(draft, ensemble.networks(), train.fingerprints(), actives);
        Calibration calibration = classification && validation.size() > 0
                ? calibrate(raw, validation, test, request.labels()) : null;
        ScreeningModel model = calibration == null ? raw : new ScreeningModel(
                card(request, all, split, test, ensemble, Map.of(), provenance, calibration, started),
                ensemble.networks(), train.fingerprints(), actives);

        Map<String, Evaluation> evaluations = new LinkedHashMap<>();
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, LabelledSet> part : Map.of("validation", validation, "test", test).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
            LabelledSet data = part.getValue();
            if (data.size() == 0) {
                continue;
            }
            List<CompoundPrediction> predictions = model.predict(data.inputs());
            float[][] predicted = new float[data.size()][request.labels().size()];
            float[][] truth = new float[data.size()][request.labels().size()];
            for (int i = 0; i < data.size(); i++) {
                for (int e = 0; e < request.labels().size(); e++) {
                    predicted[i][e] = (float) predictions.get(i).mean(e);
                    truth[i][e] = data.label(i, e);
                }
            }
            Evaluation evaluation = Evaluation.of(request.labels(), classification, predicted, truth);
            evaluations.put(part.getKey(), evaluation);
            Map<String, Double> values = new LinkedHashMap<>(evaluation.namedValues());
            if (request.classColumn() != null) {
                int classIndex = request.labels().size();
                double[] scores = new double[data.size()];
                double[] classes = new double[data.size()];
                for (int i = 0; i < data.size(); i++) {
                    scores[i] = predictions.get(i).mean(0);
                    classes[i] = data.label(i, classIndex);
                }
                values.put(request.classColumn() + "/roc_auc", Metrics.rocAuc(scores, classes));
            }
            metrics.put(part.getKey(), values);
            progress.accept(part.getKey() + ": " + summary(values, request.classColumn()));
        }
        if (request.enrichmentDecoys() != null && request.enrichmentCount() > 0 && !classification) {
            Map<String, Double> enrichment = enrichment(request, model, test);
            metrics.put("enrichment", enrichment);
            progress.accept("enrichment of test actives among " + request.enrichmentCount() + " "
                    + request.enrichmentDecoys().getFileName() + " compounds: " + summary(enrichment, request.classColumn()));
        }
        if (calibration != null) {
            for (Calibration.Endpoint endpoint : calibration.endpoints()) {
                metrics.computeIfAbsent("test", k -> new LinkedHashMap<>()).put(endpoint.name() + "/brier", endpoint.brierAfter());
            }
            progress.accept("calibrated (Platt, on validation): test Brier " + calibration.endpoints().stream()
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.4f -> %.4f", e.name(), e.brierBefore(), e.brierAfter()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        ModelCard card = card(request, all, split, test, ensemble, metrics, provenance, calibration, started);
        return new Result(new ScreeningModel(card, ensemble.networks(), train.fingerprints(), actives), evaluations, all, split);
    }

    /**
     * Hides the test part's actives (label at least the active threshold) among library compounds and measures
     * how well each ranking finds them: the model's prediction, nearest-neighbour similarity to the training
     * actives alone, and the two combined as molscreen's screen ranks them.
     */
    private Map<String, Double> enrichment(TrainingRequest request, ScreeningModel model, LabelledSet test) {
        List<ModelInput> decoys = sampleLibrary(request.enrichmentDecoys(), request.enrichmentCount(), 1, request,
                model.readsTopological());
        List<ModelInput> actives = new ArrayList<>();
        List<ModelInput> testInputs = test.inputs();
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i, 0) >= request.activeThreshold()) {
                actives.add(testInputs.get(i));
            }
        }
        List<CompoundPrediction> activePredictions = model.predict(actives);
        List<CompoundPrediction> decoyPredictions = model.predict(decoys);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("actives", (double) actives.size());
        values.put("decoys", (double) decoys.size());
        for (AffinityRanking ranking : AffinityRanking.values()) {
            double[] activeScores = activePredictions.stream().mapToDouble(ranking::score).toArray();
            double[] decoyScores = decoyPredictions.stream().mapToDouble(ranking::score).toArray();
            org.molscreen.engine.evaluate.Enrichment ef = org.molscreen.engine.evaluate.Enrichment.of(activeScores, decoyScores, 0.01);
            values.put(ranking.registryName() + "/ef1", ef.factor());
            values.put(ranking.registryName() + "/roc_auc", ef.rocAuc());
        }
        return values;
    }

    /**
     * The headline metrics of a part for the progress line: the mean metrics (no {@code /}), the class
     * column's ROC-AUC when the request has one, and the enrichment study's EF1% and rankings.
     *
     * @param classColumn the request's class column, or null
     */
    static String summary(Map<String, Double> values, String classColumn) {
        String classMetric = classColumn == null ? null : classColumn + "/roc_auc";
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> {
            if (!key.contains("/") || key.equals(classMetric) || key.endsWith("/ef1") || key.startsWith("model")
                    || key.startsWith("nearest")) {
                text.append(key).append(' ').append(String.format(java.util.Locale.ROOT, "%.4f", value)).append("  ");
            }
        });
        return text.toString().strip();
    }

    /** The class column rides along with the labels for evaluation only; the networks never see it. */
    private static LabelledSet dropColumn(LabelledSet data, TrainingRequest request) {
        if (request.classColumn() == null) {
            return data;
        }
        int keep = request.labels().size();
        float[][] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Arrays.copyOf(labels[i], keep);
        }
        return new LabelledSet(data.provenance(), data.fingerprint(), request.labels(), data.ids(), data.smiles(),
                data.fingerprints(), data.counts(), data.descriptors(), labels, data.splitLabels(), data.rejected());
    }

    /**
     * A seeded reservoir sample of a library's records whose record number has the given parity (0: even,
     * 1: odd), featurised as the training data was. Training decoys take even records and enrichment decoys
     * odd ones, so a compound the model learnt as inactive is never counted as a decoy it "found".
     */
    private List<ModelInput> sampleLibrary(java.nio.file.Path library, int count, int parity, TrainingRequest request,
                                           boolean topological) {
        Random random = new Random(request.config().seed() + parity);
        List<RawRecord> sample = new ArrayList<>(count);
        long seen = 0;
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            while (reader.hasNext()) {
                LibraryRecord record = reader.next();
                if (!(record instanceof RawRecord raw) || raw.location().record() % 2 != parity) {
                    continue;
                }
                seen++;
                if (sample.size() < count) {
                    sample.add(raw);
                } else {
                    long slot = (long) (random.nextDouble() * seen);
                    if (slot < count) {
                        sample.set((int) slot, raw);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Featurizer featurizer = new Featurizer(new FeaturizerOptions(request.fingerprint(), true),
                org.molscreen.chem.featurize.FeatureSelection.ALL.withTopological(topological));
        List<ModelInput> inputs = new ArrayList<>();
        for (RawRecord raw : sample) {
            FeaturizedRecord featurized = featurizer.featurize(raw);
            if (featurized instanceof FeaturizedMolecule molecule) {
                inputs.add(ModelInput.of(molecule));
            }
        }
        return inputs;
    }

    /** The ensemble drawn from the search, and each network's settings for the card. */
    private record Members(ModelTrainer.Ensemble ensemble, List<ModelCard.SearchTrial> trials) {
    }

    /** How near the best validation score a search candidate must be to join the ensemble. */
    static final double MEMBER_AUC_MARGIN = 0.005;
    static final double MEMBER_RMSE_MARGIN = 0.01;

    /**
     * The ensemble across inputs and settings: the search's candidates that scored as well as the best on the
     * validation part (within {@value #MEMBER_AUC_MARGIN} ROC-AUC, or {@value #MEMBER_RMSE_MARGIN} of its RMSE),
     * one network each (already trained on the training part and early-stopped on the validation part, so nothing
     * is trained twice), topped up with the best setting trained again with further seeds. Networks that differ in
     * width and inputs disagree more where the data say little, which is what the spread should show. Only near
     * ties are mixed in: taking the best five of eight whatever their score, measured on the Tox21 leaderboard
     * set, gave 0.719 against 0.747 for five seeds of the best setting.
     */
    private static Members membersFromSearch(List<HyperparameterSearch.Candidate> ranked, TrainerConfig best, LabelledSet train,
                                             LabelledSet validation, boolean classification, DescriptorBlock block,
                                             String metric, Consumer<String> progress) {
        int size = best.ensembleSize();
        List<MultiLayerNetwork> networks = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        List<ModelCard.SearchTrial> trials = new ArrayList<>();
        double bestScore = ranked.get(0).score();
        for (HyperparameterSearch.Candidate candidate : ranked.subList(0, Math.min(size, ranked.size()))) {
            boolean nearBest = classification ? candidate.score() >= bestScore - MEMBER_AUC_MARGIN
                    : candidate.score() <= bestScore * (1 + MEMBER_RMSE_MARGIN);
            if (!nearBest && !networks.isEmpty()) {
                break;
            }
            networks.add(candidate.network());
            epochs.add(candidate.epochs());
            trials.add(candidate.config().trial(metric, candidate.score(), candidate.epochs(), true));
        }
        int fromSearch = networks.size();
        if (networks.size() < size) {
            TrainerConfig more = best.seeds(size - networks.size(), best.seed() + 1);
            ModelTrainer.Ensemble extra = new ModelTrainer(more).train(train, validation, classification,
                    more.descriptors() ? block : null, progress);
            for (int i = 0; i < extra.networks().size(); i++) {
                networks.add(extra.networks().get(i));
                epochs.add(extra.epochsKept().get(i));
                double score = validation.size() == 0 ? 0.0 : HyperparameterSearch.validationScore(extra.networks().get(i), validation,
                        more.counts(), more.descriptors() ? block : null, classification);
                trials.add(more.trial(metric, score, extra.epochsKept().get(i), true));
            }
        }
        // "chosen", not "best": settings kept over a narrow winner (the search margin) lead the ensemble alone
        progress.accept("ensemble: " + fromSearch + " of " + size + " networks from the search (the chosen settings and "
                + "candidates within " + (classification ? MEMBER_AUC_MARGIN + " ROC-AUC" : MEMBER_RMSE_MARGIN * 100 + "% RMSE")
                + " of them), " + (size - fromSearch) + " more seeds of the chosen settings");
        return new Members(new ModelTrainer.Ensemble(networks, epochs), trials);
    }

    private static LabelledSet withDecoys(LabelledSet train, List<ModelInput> decoys, float label) {
        List<String> ids = new ArrayList<>(train.ids());
        List<String> smiles = new ArrayList<>(train.smiles());
        List<Fingerprint> fingerprints = new ArrayList<>(train.fingerprints());
        List<org.molscreen.chem.fingerprint.FingerprintCounts> counts = train.counts() == null ? null : new ArrayList<>(train.counts());
        List<org.molscreen.chem.descriptor.MolecularDescriptors> descriptors = new ArrayList<>(train.descriptors());
        float[][] labels = Arrays.copyOf(train.labels(), train.size() + decoys.size());
        for (int i = 0; i < decoys.size(); i++) {
            ids.add("decoy-" + i);
            smiles.add("");
            fingerprints.add(decoys.get(i).fingerprint());
            descriptors.add(decoys.get(i).descriptors());
            if (counts != null) {
                if (decoys.get(i).counts() == null) {
                    counts = null;
                } else {
                    counts.add(decoys.get(i).counts());
                }
            }
            labels[train.size() + i] = new float[] {label};
        }
        return new LabelledSet(train.provenance(), train.fingerprint(), train.endpoints(), ids, smiles, fingerprints,
                counts, descriptors, labels, null, List.of());
    }

    /** What the card records of how the model was made, beside the request. */
    private record Provenance(LabelledSet.Merged merged, TrainerConfig config, DescriptorBlock descriptors,
                              List<ModelCard.SearchTrial> trials, List<ModelCard.SearchTrial> members, long decoys, int actives) {
    }

    /** Bins of the reliability table: ten equal-width bins of calibrated probability. */
    private static final int RELIABILITY_BINS = 10;

    /**
     * Platt scaling per endpoint fitted on the validation part; Brier scores before and after, and the
     * reliability table, measured on the test part (data neither the networks nor the calibration saw).
     */
    private static Calibration calibrate(ScreeningModel raw, LabelledSet validation, LabelledSet test, List<String> endpoints) {
        List<CompoundPrediction> fitOn = raw.predict(validation.inputs(), ScreeningModel.Domain.NONE);
        List<CompoundPrediction> held = test.size() == 0 ? List.of() : raw.predict(test.inputs(), ScreeningModel.Domain.NONE);
        List<Calibration.Endpoint> fitted = new ArrayList<>();
        for (int e = 0; e < endpoints.size(); e++) {
            double[] p = new double[validation.size()];
            double[] y = new double[validation.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = fitOn.get(i).mean(e);
                y[i] = validation.label(i, e);
            }
            double[] ab = PlattFit.fit(p, y);
            double before = 0;
            double after = 0;
            int n = 0;
            int[] count = new int[RELIABILITY_BINS];
            double[] predicted = new double[RELIABILITY_BINS];
            double[] observed = new double[RELIABILITY_BINS];
            for (int i = 0; i < held.size(); i++) {
                double truth = test.label(i, e);
                if (Double.isNaN(truth)) {
                    continue;
                }
                double rawP = held.get(i).mean(e);
                double calibrated = Calibration.platt(ab[0], ab[1], rawP);
                before += (rawP - truth) * (rawP - truth);
                after += (calibrated - truth) * (calibrated - truth);
                n++;
                int bin = Math.min(RELIABILITY_BINS - 1, (int) (calibrated * RELIABILITY_BINS));
                count[bin]++;
                predicted[bin] += calibrated;
                observed[bin] += truth;
            }
            List<Calibration.Bin> bins = new ArrayList<>();
            for (int b = 0; b < RELIABILITY_BINS; b++) {
                if (count[b] > 0) {
                    bins.add(new Calibration.Bin((double) b / RELIABILITY_BINS, (double) (b + 1) / RELIABILITY_BINS, count[b],
                            predicted[b] / count[b], observed[b] / count[b]));
                }
            }
            fitted.add(new Calibration.Endpoint(endpoints.get(e), ab[0], ab[1], n == 0 ? Double.NaN : before / n,
                    n == 0 ? Double.NaN : after / n, bins));
        }
        return new Calibration("platt", "validation", fitted);
    }

    private static ModelCard card(TrainingRequest request, LabelledSet all, DataSplit split, LabelledSet test,
                                  ModelTrainer.Ensemble ensemble, Map<String, Map<String, Double>> metrics,
                                  Provenance provenance, Calibration calibration, long started) {
        DataProvenance data = all.provenance();
        TrainerConfig config = provenance.config();
        double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        return ModelCard.builder(request.name(), request.kind())
                .target(request.target())
                .endpoints(request.labels().stream().map(l -> new ModelCard.Endpoint(l, request.unit(), "")).toList())
                .featurization(new ModelCard.Featurization(request.fingerprint().name(),
                        new Fingerprinter(request.fingerprint()).versionDescription(), true, provenance.descriptors(),
                        FingerprintValues.of(config.counts()).registryName()))
                .trainingData(new ModelCard.TrainingData(data.name(), data.file(), data.rows(), all.size(), data.sha256(),
                        request.labels(), provenance.decoys(),
                        request.decoys() == null ? null : request.decoys().getFileName().toString(),
                        provenance.merged().duplicates(), provenance.merged().conflicts()))
                .split(new ModelCard.SplitInfo(request.split().registryName(), config.seed(), request.fractions().asList(),
                        split.train().length, split.validation().length, test.size()))
                .trainer(config.settings(ensemble.epochsKept(), provenance.trials(), seconds, provenance.members()))
                .metrics(metrics)
                .domain(new ModelCard.ApplicabilityDomain(request.minSimilarity(), split.train().length,
                        request.activeThreshold(), provenance.actives()))
                .versions(SoftwareVersions.current())
                .created(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .command(request.command())
                .calibration(calibration)
                .build();
    }
}
