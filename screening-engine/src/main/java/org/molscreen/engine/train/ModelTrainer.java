package org.molscreen.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.molscreen.engine.data.LabelledSet;
import org.molscreen.engine.model.DescriptorBlock;
import org.molscreen.engine.model.FingerprintValues;
import org.molscreen.engine.model.InputEncoder;
import org.molscreen.engine.model.ModelInput;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains an ensemble of fingerprint MLPs with Deeplearning4j: the fingerprint as bits or log counts (optionally
 * followed by a standardised descriptor block, as {@code InputEncoder} writes them) in, one or more
 * endpoints out (sigmoid + binary cross-entropy for classification, identity + MSE for regression).
 *
 * <p>Missing labels are masked out of the loss through DL4J's per-output label mask, never read as 0; the
 * same mask carries the positive-class weight. Regression targets are standardised for training and the
 * scale is folded back into the output layer afterwards, so the saved network predicts in the endpoint's
 * own unit. Each network stops early on the validation loss and keeps its best epoch.
 *
 * <p>Deterministic for a given seed on one thread (ND4J's CPU backend with {@code OMP_NUM_THREADS=1}).
 */
public final class ModelTrainer {

    private final TrainerConfig config;

    public ModelTrainer(TrainerConfig config) {
        this.config = config;
    }

    /** The trained ensemble and the number of epochs each network kept. */
    public record Ensemble(List<MultiLayerNetwork> networks, List<Integer> epochsKept) {
    }

    /**
     * @param train          rows to learn from
     * @param validation     rows for early stopping (may be empty: then every epoch is kept, up to maxEpochs)
     * @param classification sigmoid/cross-entropy, else identity/MSE
     * @param descriptors    the descriptor block the networks read after the fingerprint, or null for none
     * @param progress       receives one line per epoch (may be a no-op)
     */
    public Ensemble train(LabelledSet train, LabelledSet validation, boolean classification, DescriptorBlock descriptors,
                          java.util.function.Consumer<String> progress) {
        int bits = train.fingerprint().bits() + (descriptors == null ? 0 : descriptors.size());
        int endpoints = train.endpoints().size();
        float[] scaleMean = new float[endpoints];
        float[] scaleStd = new float[endpoints];
        if (!classification) {
            standardisation(train, scaleMean, scaleStd);
        } else {
            java.util.Arrays.fill(scaleStd, 1f);
        }
        DataSet trainSet = toDataSet(train, config.counts(), descriptors, classification, scaleMean, scaleStd, config.positiveWeight());
        DataSet validationSet = validation.size() == 0 ? null
                : toDataSet(validation, config.counts(), descriptors, classification, scaleMean, scaleStd, 1.0);
        List<MultiLayerNetwork> networks = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int member = 0; member < config.ensembleSize(); member++) {
            long seed = config.seed() + member;
            MultiLayerNetwork network = new MultiLayerNetwork(configuration(bits, endpoints, classification, seed));
            network.init();
            int bestEpoch = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            INDArray bestParams = network.params().dup();
            Random shuffle = new Random(seed);
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                fitOneEpoch(network, trainSet, shuffle);
                double loss = validationSet == null ? -epoch : network.score(validationSet, false);
                if (loss < bestLoss - 1e-6) {
                    bestLoss = loss;
                    bestEpoch = epoch;
                    bestParams = network.params().dup();
                }
                progress.accept(String.format(java.util.Locale.ROOT, "network %d/%d epoch %d: validation loss %.4f%s",
                        member + 1, config.ensembleSize(), epoch, loss, epoch == bestEpoch ? " (best)" : ""));
                if (epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
            network.setParams(bestParams);
            if (!classification) {
                foldScaleIntoOutput(network, scaleMean, scaleStd);
            }
            networks.add(network);
            kept.add(bestEpoch);
        }
        return new Ensemble(networks, kept);
    }

    private MultiLayerConfiguration configuration(int bits, int endpoints, boolean classification, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .l2(config.l2())
                .weightInit(WeightInit.RELU)
                .list();
        int in = bits;
        for (int size : config.hidden()) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(in).nOut(size).activation(Activation.RELU);
            if (config.dropout() > 0) {
                dense.dropOut(1.0 - config.dropout()); // DL4J keeps each of this layer's INPUTS with probability p
            }
            list.layer(dense.build());
            in = size;
        }
        list.layer(new OutputLayer.Builder(classification ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MSE)
                .nIn(in).nOut(endpoints)
                .activation(classification ? Activation.SIGMOID : Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER)
                .build());
        return list.build();
    }

    private void fitOneEpoch(MultiLayerNetwork network, DataSet all, Random shuffle) {
        int n = all.numExamples();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int start = 0; start < n; start += config.batchSize()) {
            int end = Math.min(n, start + config.batchSize());
            int[] rows = java.util.Arrays.copyOfRange(order, start, end);
            INDArray features = all.getFeatures().getRows(rows);
            INDArray labels = all.getLabels().getRows(rows);
            INDArray mask = all.getLabelsMaskArray().getRows(rows);
            network.fit(new DataSet(features, labels, null, mask));
        }
    }

    /** Dense features, labels with missing set to 0, and a mask that is 0 for missing, else the row's weight. */
    static DataSet toDataSet(LabelledSet data, boolean counts, DescriptorBlock descriptors, boolean classification,
                             float[] mean, float[] std, double positiveWeight) {
        int n = data.size();
        InputEncoder encoder = new InputEncoder("in training", data.fingerprint().bits(),
                FingerprintValues.of(counts), descriptors);
        List<ModelInput> inputs = data.inputs();
        int endpoints = data.endpoints().size();
        float[][] features = new float[n][encoder.width()];
        float[][] labels = new float[n][endpoints];
        float[][] mask = new float[n][endpoints];
        for (int i = 0; i < n; i++) {
            encoder.writeRow(inputs.get(i), i, features[i]);
            for (int e = 0; e < endpoints; e++) {
                float value = data.label(i, e);
                if (Float.isNaN(value)) {
                    continue;
                }
                labels[i][e] = classification ? value : (value - mean[e]) / std[e];
                mask[i][e] = classification && value > 0.5f ? (float) positiveWeight : 1f;
            }
        }
        return new DataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels), null, Nd4j.createFromArray(mask));
    }

    private static void standardisation(LabelledSet data, float[] mean, float[] std) {
        for (int e = 0; e < mean.length; e++) {
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (int i = 0; i < data.size(); i++) {
                float value = data.label(i, e);
                if (!Float.isNaN(value)) {
                    sum += value;
                    squares += (double) value * value;
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("endpoint " + data.endpoints().get(e) + " has no labels to learn from");
            }
            mean[e] = (float) (sum / count);
            double variance = squares / count - (sum / count) * (sum / count);
            std[e] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, variance)));
        }
    }

    /** y = W h + b learnt on standardised targets; y' = std * y + mean = (std W) h + (std b + mean). */
    private static void foldScaleIntoOutput(MultiLayerNetwork network, float[] mean, float[] std) {
        int last = network.getnLayers() - 1;
        INDArray w = network.getLayer(last).getParam("W");
        INDArray b = network.getLayer(last).getParam("b");
        INDArray scale = Nd4j.createFromArray(std).reshape(1, std.length);
        w.muliRowVector(scale);
        b.muliRowVector(scale);
        b.addiRowVector(Nd4j.createFromArray(mean).reshape(1, mean.length));
    }
}
