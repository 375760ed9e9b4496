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
 */
public record ModelCard(int formatVersion, String name, String version, ModelKind kind, String target,
                        List<Endpoint> endpoints, Featurization featurization, TrainingData trainingData,
                        SplitInfo split, TrainerSettings trainer, Map<String, Map<String, Double>> metrics,
                        ApplicabilityDomain domain, Map<String, String> versions, String created, String command,
                        String notes) {

    /** The card layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

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

    /** One output of the model. */
    public record Endpoint(String name, String unit, String description) {
        public Endpoint {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The featurisation: fingerprint registry name (e.g. {@code ecfp4_2048}), CDK's own description of the
     * fingerprinter, and whether structures were standardised first.
     */
    public record Featurization(String fingerprint, String cdkDescription, boolean standardized) {
    }

    /** Name, file, rows read, rows used, SHA-256 of the file, and the label columns used. */
    public record TrainingData(String name, String file, long rows, long used, String sha256, List<String> labelColumns,
                               long presumedInactives, String presumedInactivesSource) {
    }

    /** Split kind, seed, fractions and the sizes of each part. */
    public record SplitInfo(String kind, long seed, List<Double> fractions, int train, int validation, int test) {
    }

    /** The trainer's settings, enough to train again. */
    public record TrainerSettings(List<Integer> hidden, double dropout, double learningRate, double l2, int batchSize,
                                  int maxEpochs, int patience, int ensembleSize, long seed, double positiveWeight,
                                  List<Integer> epochsTrained) {
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
