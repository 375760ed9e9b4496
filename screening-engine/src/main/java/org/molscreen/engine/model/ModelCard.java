package org.molscreen.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to use, trust and reproduce a model, stored as {@code card.json} in the model file.
 * Names are registry names (never Java class names), so a card stays readable when code moves.
 *
 * @param formatVersion     version of this card's layout ({@link #FORMAT_VERSION})
 * @param name              registry name, e.g. {@code tox21}
 * @param version           the model's own version
 * @param kind              what it predicts
 * @param target            the biological target or assay panel, e.g. {@code BACE-1}
 * @param endpoints         what each output is, in output order
 * @param featurization     the featurisation the networks expect; a library must match it
 * @param trainingData      the data the model learnt from
 * @param split             how the data was split
 * @param trainer           the training settings
 * @param metrics           metrics by data part ({@code validation}, {@code test}, ...) then metric id
 * @param domain            what the applicability-domain check needs
 * @param versions          library and runtime versions at training time
 * @param created           ISO-8601 UTC time of training
 * @param command           the {@code molscreen train} command that rebuilds the model
 * @param notes             free text: caveats a user should read
 * @param calibration       how classification outputs are turned into probabilities (null: raw outputs,
 *                          as in cards of format 1)
 */
public record ModelCard(int formatVersion, String name, String version, ModelKind kind, String target,
                        List<Endpoint> endpoints, Featurization featurization, TrainingData trainingData,
                        SplitInfo split, TrainerSettings trainer, Map<String, Map<String, Double>> metrics,
                        ApplicabilityDomain domain, Map<String, String> versions, String created, String command,
                        String notes, Calibration calibration) {

    /**
     * The card layout this code writes. It reads every earlier one: format 2 added the descriptor block, the
     * calibration, the de-duplication counts and the search trials, all absent (null) in format 1.
     */
    public static final int FORMAT_VERSION = 3;

    public ModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(featurization, "featurization");
        endpoints = List.copyOf(endpoints);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a model has at least one endpoint");
        }
        if (!name.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("model name '" + name + "' must be lower-case letters, digits, '_', '.', '-'");
        }
    }

    /**
     * A card to fill in by name: {@code formatVersion} is {@link #FORMAT_VERSION}, {@code version} "1",
     * {@code command} and {@code notes} empty unless set. Name, kind, endpoints and featurisation are required.
     */
    public static Builder builder(String name, ModelKind kind) {
        return new Builder().name(name).kind(kind);
    }

    /** A builder holding this card's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().formatVersion(formatVersion).name(name).version(version).kind(kind).target(target)
                .endpoints(endpoints).featurization(featurization).trainingData(trainingData).split(split).trainer(trainer)
                .metrics(metrics).domain(domain).versions(versions).created(created).command(command).notes(notes)
                .calibration(calibration);
    }

    /** Builds a {@link ModelCard} field by field; {@link #build} checks it as the constructor does. Not thread-safe. */
    public static final class Builder {
        private int formatVersion = FORMAT_VERSION;
        private String name;
        private String version = "1";
        private ModelKind kind;
        private String target;
        private List<Endpoint> endpoints = List.of();
        private Featurization featurization;
        private TrainingData trainingData;
        private SplitInfo split;
        private TrainerSettings trainer;
        private Map<String, Map<String, Double>> metrics = Map.of();
        private ApplicabilityDomain domain;
        private Map<String, String> versions = Map.of();
        private String created;
        private String command = "";
        private String notes = "";
        private Calibration calibration;

        private Builder() {
        }

        public Builder formatVersion(int formatVersion) {
            this.formatVersion = formatVersion;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder kind(ModelKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder endpoints(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        public Builder featurization(Featurization featurization) {
            this.featurization = featurization;
            return this;
        }

        public Builder trainingData(TrainingData trainingData) {
            this.trainingData = trainingData;
            return this;
        }

        public Builder split(SplitInfo split) {
            this.split = split;
            return this;
        }

        public Builder trainer(TrainerSettings trainer) {
            this.trainer = trainer;
            return this;
        }

        public Builder metrics(Map<String, Map<String, Double>> metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder domain(ApplicabilityDomain domain) {
            this.domain = domain;
            return this;
        }

        public Builder versions(Map<String, String> versions) {
            this.versions = versions;
            return this;
        }

        public Builder created(String created) {
            this.created = created;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public Builder calibration(Calibration calibration) {
            this.calibration = calibration;
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException as {@link ModelCard}'s constructor does */
        public ModelCard build() {
            return new ModelCard(formatVersion, name, version, kind, target, endpoints, featurization, trainingData, split,
                    trainer, metrics, domain, versions, created, command, notes, calibration);
        }
    }

    /** One output of the model. */
    public record Endpoint(String name, String unit, String description) {
        public Endpoint {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The featurisation: fingerprint registry name (e.g. {@code ecfp4_2048}), CDK's own description of the
     * fingerprinter, whether structures were standardised first, and the standardised descriptors the
     * networks take after the fingerprint bits (null: fingerprint only); {@code fingerprintValues} is what the
     * networks read for a set bit ({@link FingerprintValues}'s name; null in cards of format 1 and 2: bits).
     */
    public record Featurization(String fingerprint, String cdkDescription, boolean standardized, DescriptorBlock descriptors,
                                String fingerprintValues) {

        public Featurization {
            FingerprintValues.fromName(fingerprintValues);
        }

        /** What the networks read for each set bit. */
        public FingerprintValues values() {
            return FingerprintValues.fromName(fingerprintValues);
        }

        /** Inputs per compound: fingerprint bits, then descriptors. */
        public int inputs(int fingerprintBits) {
            return fingerprintBits + (descriptors == null ? 0 : descriptors.size());
        }
    }

    /**
     * Name, file, rows read, rows used, SHA-256 of the file, and the label columns used; {@code duplicates}
     * rows merged into another of the same standardised structure before the split (so no structure sits on
     * both sides of it) and {@code conflicts} labels dropped because the copies disagreed (null in format 1).
     */
    public record TrainingData(String name, String file, long rows, long used, String sha256, List<String> labelColumns,
                               long presumedInactives, String presumedInactivesSource, Long duplicates, Long conflicts) {
    }

    /** Split kind, seed, fractions and the sizes of each part. */
    public record SplitInfo(String kind, long seed, List<Double> fractions, int train, int validation, int test) {
    }

    /**
     * The trainer's settings, enough to train again. {@code members}, when present (format 3), gives each
     * network's own settings and inputs, in network order: an ensemble drawn from the search's best candidates
     * mixes widths and inputs, and each network is scored with the inputs it was trained on. Null: every network
     * has the settings above and the card's featurisation. {@code searchMargin}: how many standard errors of its
     * validation score a candidate had to beat the settings asked for by to replace them (recorded also for
     * {@code --search 1}, where no candidate was tried); null in cards written before it existed (there the best
     * score won, however narrowly).
     */
    public record TrainerSettings(List<Integer> hidden, double dropout, double learningRate, double l2, int batchSize,
                                  int maxEpochs, int patience, int ensembleSize, long seed, double positiveWeight,
                                  List<Integer> epochsTrained, List<SearchTrial> search, Double trainingSeconds,
                                  List<SearchTrial> members, Double searchMargin) {
    }

    /**
     * One candidate of {@code train}'s search: its settings, inputs, the validation score of one network
     * trained with them ({@code metric}: mean ROC-AUC, higher is better, or RMSE, lower is better), and
     * whether it was kept; {@code counts} (whether it read fingerprint counts) is null in cards before format 3.
     */
    public record SearchTrial(List<Integer> hidden, double dropout, double learningRate, double positiveWeight,
                              boolean descriptors, Boolean counts, String metric, double score, int epochs, boolean chosen) {
    }

    /**
     * The applicability domain: a compound whose most similar training compound (Tanimoto on the model's
     * fingerprint) is below {@code minSimilarity} is out of domain. For affinity models,
     * {@code activeThreshold} is the label value above which a training compound counts as an active for
     * similarity-to-actives.
     */
    public record ApplicabilityDomain(double minSimilarity, int trainingCompounds, Double activeThreshold, int actives) {
    }
}
