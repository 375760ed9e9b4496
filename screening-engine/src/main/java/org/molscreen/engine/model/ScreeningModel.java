package org.molscreen.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintIndex;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.SimilarityHit;
import org.molscreen.engine.score.SparseNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loaded model: its card, its ensemble of networks, and the fingerprints behind the applicability
 * domain (all training compounds) and, for affinity models, the training actives.
 *
 * <p>Prediction runs on the plain-Java sparse scorer ({@link SparseNetwork}: the first layer sums the weight
 * rows of the set bits), which gives DL4J's numbers on the CPU several times faster; on a GPU build
 * ({@code -Pcuda}) or with {@code -Dmolscreen.scoring=dl4j} it runs through DL4J instead.
 *
 * <p>A model read from a file on the CPU holds only the sparse scorer's copy of its networks
 * ({@link org.molscreen.engine.score.StoredNetworkReader}); the DL4J networks are restored from the file's bytes the
 * first time something asks for them ({@link #networks()}), so a screen never starts ND4J.
 *
 * <p>Thread-safe for prediction: DL4J networks are not, so their use is serialised here; the sparse scorer
 * needs no lock.
 */
public final class ScreeningModel {

    private final ModelCard card;
    /** Null until first asked for when the model was read without DL4J. */
    private List<MultiLayerNetwork> networks;
    private final Supplier<List<MultiLayerNetwork>> networkLoader;
    private final Object networkLock = new Object();
    private final List<Fingerprint> trainingFingerprints;
    private final List<Fingerprint> actives;
    private final FingerprintSpec fingerprint;
    /** The descriptors after the fingerprint bits, or null for a fingerprint-only model. */
    private final DescriptorBlock descriptors;
    /** One per network, in network order: an ensemble drawn from a search mixes inputs. */
    private final List<InputEncoder> encoders;
    /** Null: the raw ensemble mean is the output (regression, and classification cards of format 1). */
    private final Calibration calibration;
    private final FingerprintIndex domainIndex;
    private final FingerprintIndex activesIndex;
    private final List<SparseNetwork> sparse;
    private final boolean useDl4j;

    /** How much of the applicability domain to compute: the nearest-neighbour searches cost more than the networks. */
    public enum Domain {
        /** Neither nearest training compound nor nearest active (NaN, and in domain unknown = false). */
        NONE,
        /** Only the nearest training active (for rankings that need it). */
        ACTIVES,
        /** Both. */
        FULL
    }

    public ScreeningModel(ModelCard card, List<MultiLayerNetwork> networks, List<Fingerprint> trainingFingerprints,
                          List<Fingerprint> actives) {
        this(card, List.copyOf(networks), null, sparseCopies(card, networks), trainingFingerprints, actives);
    }

    /**
     * A model whose DL4J networks are restored only when asked for: {@code sparse} are their scoring copies, in the
     * same order, and {@code networks} restores them.
     */
    ScreeningModel(ModelCard card, List<SparseNetwork> sparse, Supplier<List<MultiLayerNetwork>> networks,
                   List<Fingerprint> trainingFingerprints, List<Fingerprint> actives) {
        this(card, null, Objects.requireNonNull(networks, "networks"), sparse, trainingFingerprints, actives);
    }

    private static List<SparseNetwork> sparseCopies(ModelCard card, List<MultiLayerNetwork> networks) {
        int bits = FingerprintSpec.parse(card.featurization().fingerprint()).bits();
        return networks.stream().map(network -> SparseNetwork.of(network, bits)).toList();
    }

    private ScreeningModel(ModelCard card, List<MultiLayerNetwork> networks, Supplier<List<MultiLayerNetwork>> loader,
                           List<SparseNetwork> sparse, List<Fingerprint> trainingFingerprints, List<Fingerprint> actives) {
        this.card = Objects.requireNonNull(card, "card");
        this.networks = networks;
        this.networkLoader = loader;
        this.sparse = List.copyOf(sparse);
        this.trainingFingerprints = List.copyOf(trainingFingerprints);
        this.actives = List.copyOf(actives);
        this.fingerprint = FingerprintSpec.parse(card.featurization().fingerprint());
        this.descriptors = card.featurization().descriptors();
        List<ModelCard.SearchTrial> members = card.trainer() == null ? null : card.trainer().members();
        if (members != null && members.size() != this.sparse.size()) {
            throw new IllegalArgumentException("model " + card.name() + ": the card describes " + members.size()
                    + " networks, the file holds " + this.sparse.size());
        }
        List<InputEncoder> perNetwork = new ArrayList<>();
        for (int n = 0; n < this.sparse.size(); n++) {
            ModelCard.SearchTrial member = members == null ? null : members.get(n);
            if (member != null && member.descriptors() && descriptors == null) {
                throw new IllegalArgumentException("model " + card.name() + ": network " + (n + 1)
                        + " reads descriptors, the card has no descriptor block");
            }
            perNetwork.add(member == null
                    ? new InputEncoder(card.name(), fingerprint.bits(), card.featurization().values(), descriptors)
                    : new InputEncoder(card.name(), fingerprint.bits(),
                            FingerprintValues.of(Boolean.TRUE.equals(member.counts())),
                            member.descriptors() ? descriptors : null));
        }
        this.encoders = List.copyOf(perNetwork);
        this.calibration = card.kind().classification() ? card.calibration() : null;
        if (calibration != null && calibration.endpoints().size() != card.endpoints().size()) {
            throw new IllegalArgumentException("model " + card.name() + ": the calibration covers " + calibration.endpoints().size()
                    + " endpoints, the card names " + card.endpoints().size());
        }
        if (this.sparse.isEmpty()) {
            throw new IllegalArgumentException("model " + card.name() + " has no networks");
        }
        for (int n = 0; n < this.sparse.size(); n++) {
            SparseNetwork network = this.sparse.get(n);
            int inputs = encoders.get(n).width();
            long nIn = network.inputBits() + network.denseInputs();
            long nOut = network.outputs();
            if (nIn != inputs || nOut != card.endpoints().size()) {
                throw new IllegalArgumentException("model " + card.name() + ": a network maps " + nIn + " inputs to "
                        + nOut + " outputs, the card says " + inputs + " and " + card.endpoints().size());
            }
        }
        this.domainIndex = trainingFingerprints.isEmpty() ? null : FingerprintIndex.of(trainingFingerprints);
        this.activesIndex = actives.isEmpty() ? null : FingerprintIndex.of(actives);
        this.useDl4j = scoresThroughDl4j();
    }

    /**
     * Whether models score through DL4J rather than the sparse scorer: on a CUDA build, or when asked with
     * {@code -Dmolscreen.scoring=dl4j}. Tells a CUDA build by its backend's class, without starting ND4J.
     */
    static boolean scoresThroughDl4j() {
        if ("dl4j".equals(System.getProperty("molscreen.scoring"))) {
            return true;
        }
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, ScreeningModel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public ModelCard card() {
        return card;
    }

    public String name() {
        return card.name();
    }

    public FingerprintSpec fingerprint() {
        return fingerprint;
    }

    /** The ensemble's DL4J networks; for a model read without them, restored (ND4J started) on the first call. */
    public List<MultiLayerNetwork> networks() {
        synchronized (networkLock) {
            if (networks == null) {
                networks = List.copyOf(networkLoader.get());
            }
            return networks;
        }
    }

    /** How many networks the ensemble holds, known without restoring them. */
    public int networkCount() {
        return sparse.size();
    }

    public List<Fingerprint> trainingFingerprints() {
        return trainingFingerprints;
    }

    public List<Fingerprint> actives() {
        return actives;
    }

    /**
     * Refuses a library featurised otherwise than this model expects.
     *
     * @throws ModelMismatchException naming both featurisations
     */
    public void requireFeaturization(FingerprintSpec library, boolean standardized) {
        if (!library.equals(fingerprint)) {
            throw new ModelMismatchException("model " + card.name() + " expects " + fingerprint.name()
                    + " fingerprints, the library has " + library.name());
        }
        if (standardized != card.featurization().standardized()) {
            throw new ModelMismatchException("model " + card.name() + " was trained on "
                    + (card.featurization().standardized() ? "standardised" : "unstandardised")
                    + " structures, the library is " + (standardized ? "standardised" : "not standardised"));
        }
    }

    /** The descriptor block after the fingerprint, or null when the model reads the fingerprint only. */
    public DescriptorBlock descriptors() {
        return descriptors;
    }

    /**
     * Whether the model reads the topological descriptors, which are computed (from the canonical SMILES) only for
     * compounds that such a model scores.
     */
    public boolean readsTopological() {
        return descriptors != null && descriptors.readsTopological();
    }

    /** The batch with the topological descriptors computed where this model reads them and a compound lacks them. */
    private List<ModelInput> complete(List<ModelInput> batch) {
        return readsTopological() ? ModelInput.withTopological(batch) : batch;
    }

    /** Whether any network reads fingerprint counts (a library stored without them needs them recovered). */
    public boolean readsCounts() {
        return encoders.stream().anyMatch(InputEncoder::readsCounts);
    }

    /** What each network reads of a compound, as it reads it, in network order. */
    public List<InputEncoder> encoders() {
        return encoders;
    }

    /** Raw ensemble outputs, [network][compound][endpoint], through DL4J. */
    public float[][][] networkOutputs(List<ModelInput> given) {
        List<ModelInput> batch = complete(given);
        List<MultiLayerNetwork> networks = networks();
        float[][][] out = new float[networks.size()][][];
        java.util.Map<InputEncoder.Key, INDArray> encoded = new java.util.HashMap<>();
        for (int n = 0; n < networks.size(); n++) {
            InputEncoder encoder = encoders.get(n);
            INDArray input = encoded.computeIfAbsent(encoder.key(), k -> {
                float[][] rows = new float[batch.size()][encoder.width()];
                for (int i = 0; i < batch.size(); i++) {
                    encoder.writeRow(batch.get(i), i, rows[i]);
                }
                return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
            });
            synchronized (networkLock) {
                out[n] = networks.get(n).output(input, false).toFloatMatrix();
            }
        }
        return out;
    }

    /** Raw ensemble outputs, [network][compound][endpoint], through the sparse scorer. */
    public float[][][] sparseOutputs(List<ModelInput> given) {
        List<ModelInput> batch = complete(given);
        int words = Fingerprint.wordsFor(fingerprint.bits());
        long[] packed = new long[batch.size() * words];
        int setBits = 0;
        InputEncoder first = encoders.get(0);
        for (int i = 0; i < batch.size(); i++) {
            Fingerprint fp = first.checked(batch.get(i), i);
            fp.copyWordsTo(packed, i * words);
            setBits += fp.cardinality();
        }
        int endpoints = card.endpoints().size();
        float[][][] out = new float[sparse.size()][batch.size()][endpoints];
        float[] flat = new float[batch.size() * endpoints];
        float[] bitValues = null;
        float[] tail = null;
        for (int n = 0; n < sparse.size(); n++) {
            InputEncoder encoder = encoders.get(n);
            float[] values = null;
            if (encoder.readsCounts()) {
                if (bitValues == null) {
                    bitValues = new float[setBits];
                    int cursor = 0;
                    for (int i = 0; i < batch.size(); i++) {
                        cursor += encoder.writeSetBitValues(batch.get(i), i, bitValues, cursor);
                    }
                }
                values = bitValues;
            }
            int dense = encoder.descriptorCount();
            if (dense > 0 && tail == null) {
                tail = new float[batch.size() * dense];
                for (int i = 0; i < batch.size(); i++) {
                    encoder.writeDescriptors(batch.get(i), tail, i * dense);
                }
            }
            sparse.get(n).predict(packed, 0, batch.size(), words, values, 0, dense > 0 ? tail : null, 0, flat);
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(flat, i * endpoints, out[n][i], 0, endpoints);
            }
        }
        return out;
    }

    /** Predictions with ensemble spread and the full applicability domain. */
    public List<CompoundPrediction> predict(List<ModelInput> batch) {
        return predict(batch, Domain.FULL);
    }

    /**
     * Predictions with ensemble spread and as much of the applicability domain as asked for. A calibrated
     * classification model gives calibrated probabilities, its spread carried through the same map.
     */
    public List<CompoundPrediction> predict(List<ModelInput> given, Domain domain) {
        List<ModelInput> batch = complete(given);
        float[][][] outputs = useDl4j ? networkOutputs(batch) : sparseOutputs(batch);
        int endpoints = card.endpoints().size();
        List<CompoundPrediction> predictions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            double[] mean = new double[endpoints];
            double[] std = new double[endpoints];
            for (int e = 0; e < endpoints; e++) {
                double sum = 0;
                for (float[][] network : outputs) {
                    sum += network[i][e];
                }
                mean[e] = sum / outputs.length;
                double squares = 0;
                for (float[][] network : outputs) {
                    double d = network[i][e] - mean[e];
                    squares += d * d;
                }
                std[e] = outputs.length > 1 ? Math.sqrt(squares / (outputs.length - 1)) : 0.0;
                if (calibration != null) {
                    std[e] *= calibration.slope(e, mean[e]);
                    mean[e] = calibration.apply(e, mean[e]);
                }
            }
            Fingerprint fp = batch.get(i).fingerprint();
            double nearest = domain == Domain.FULL ? nearest(domainIndex, fp) : Double.NaN;
            double nearestActive = activesIndex == null || domain == Domain.NONE ? Double.NaN : nearest(activesIndex, fp);
            predictions.add(new CompoundPrediction(mean, std, nearest, nearest >= card.domain().minSimilarity(), nearestActive));
        }
        return predictions;
    }

    private static double nearest(FingerprintIndex index, Fingerprint query) {
        if (index == null) {
            return Double.NaN;
        }
        List<SimilarityHit> hits = index.topK(query, 1);
        return hits.isEmpty() ? 0.0 : hits.get(0).similarity();
    }
}
