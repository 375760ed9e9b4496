package org.molscreen.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.engine.data.LabelledSet;
import org.molscreen.engine.model.Calibration;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.DescriptorBlock;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelCardJson;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ModelKind;
import org.molscreen.engine.model.ScreeningModel;

/** The descriptor inputs, the de-duplication before the split, Platt calibration and the search. */
class InputsAndCalibrationTest {

    private static final String[] SMILES = {"CCN", "CCCN", "CCCCN", "NCCO", "NCC(C)C", "CN(C)CC", "NCc1ccccc1", "NC1CCCCC1",
        "CCO", "CCCO", "CCCC", "OCCO", "CC(C)C", "COC", "Oc1ccccc1", "C1CCCCC1", "c1ccc2ccccc2c1", "CC(=O)Oc1ccccc1C(=O)O",
        "CCCCCCCCCCCCCCCC(=O)O", "OC(=O)CCC(=O)O"};

    private static LabelledSet set(List<String> smiles, float[][] labels) {
        List<String> endpoints = new ArrayList<>();
        for (int e = 0; e < labels[0].length; e++) {
            endpoints.add("e" + e);
        }
        return ModelTrainerTest.set(smiles, labels, endpoints);
    }

    private static ModelCard card(DescriptorBlock descriptors, Calibration calibration) {
        ModelCard base = ModelTrainerTest.card(ModelKind.REGRESSION, List.of("e0"));
        return base.toBuilder().featurization(new ModelCard.Featurization("ecfp4_2048", "CDK", true, descriptors, null))
                .calibration(calibration).build();
    }

    @Test
    void aNetworkWithDescriptorsScoresAlikeOnTheSparseScorerAndInDl4jAndReadsTheDescriptors() {
        List<String> smiles = List.of(SMILES);
        float[][] labels = new float[smiles.size()][1];
        LabelledSet data = set(smiles, labels);
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = (float) data.descriptors().get(i).clogp(); // learnable only through the descriptors as well
        }
        data = set(smiles, labels);
        DescriptorBlock block = DescriptorBlock.fit(data.descriptors());
        assertThat(block.names()).contains("clogp", "tpsa", "qed").hasSize(13);
        TrainerConfig config = new TrainerConfig(List.of(16), 0.0, 1e-2, 0.0, 4, 40, 40, 2, 3, 1.0, true, false, 1);
        ModelTrainer.Ensemble ensemble = new ModelTrainer(config).train(data, data.subset(new int[0]), false, block, line -> { });
        assertThat(ensemble.networks().get(0).layerInputSize(0)).isEqualTo(2048 + 13);
        ScreeningModel model = new ScreeningModel(card(block, null), ensemble.networks(), data.fingerprints(), List.of());

        float[][][] sparse = model.sparseOutputs(data.inputs());
        float[][][] dl4j = model.networkOutputs(data.inputs());
        for (int n = 0; n < sparse.length; n++) {
            for (int i = 0; i < smiles.size(); i++) {
                assertThat(sparse[n][i][0]).as("network %d, %s", n, smiles.get(i)).isCloseTo(dl4j[n][i][0], within(1e-4f));
            }
        }
        // the same fingerprint with other descriptors gives another prediction: the tail is read
        ModelInput first = data.inputs().get(0);
        MolecularDescriptors d = first.descriptors();
        MolecularDescriptors greasier = new MolecularDescriptors(d.mw(), d.exactMass(), d.clogp() + 4, d.tpsa(), d.hbd(), d.hba(),
                d.rotb(), d.heavyAtoms(), d.rings(), d.aromaticRings(), d.fsp3(), d.formalCharge(), d.qed());
        double before = model.predict(List.of(first)).get(0).mean(0);
        double after = model.predict(List.of(new ModelInput(first.fingerprint(), first.counts(), greasier))).get(0).mean(0);
        assertThat(after).isNotCloseTo(before, within(0.05));
        // and the descriptor block survives the card's JSON
        assertThat(ModelCardJson.read(ModelCardJson.write(model.card()), "x").featurization().descriptors()).isEqualTo(block);
    }

    /**
     * A model that reads the topological descriptors: the block fitted on compounds that have them holds the 13 and
     * CDK's 180, the sparse scorer and DL4J agree, the card keeps the names, and a compound without the block (one
     * read from a stored library) is scored alike once the predictor computes the block from its SMILES; given
     * straight to the model without it, it is refused rather than scored on zeros.
     */
    @Test
    void aModelReadingTopologicalDescriptorsGetsThemFromTheSmilesWhereverTheCompoundComesFrom() {
        List<String> smiles = List.of(SMILES);
        float[][] labels = new float[smiles.size()][1];
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = smiles.get(i).length() % 3;
        }
        LabelledSet data = ModelTrainerTest.set(smiles, labels, List.of("e0"),
                org.molscreen.chem.featurize.FeatureSelection.ALL.withTopological(true));
        DescriptorBlock block = DescriptorBlock.fit(data.descriptors());
        assertThat(block.names()).hasSize(13 + 180).contains("clogp", "cdk:XLogP.XLogP", "cdk:KappaShapeIndices.Kier1");
        assertThat(block.readsTopological()).isTrue();
        assertThat(DescriptorBlock.fit(set(smiles, labels).descriptors()).readsTopological()).as("without the block").isFalse();
        TrainerConfig config = new TrainerConfig(List.of(16), 0.0, 1e-2, 0.0, 4, 20, 20, 1, 3, 1.0, true, false, 1);
        ModelTrainer.Ensemble ensemble = new ModelTrainer(config).train(data, data.subset(new int[0]), false, block, line -> { });
        assertThat(ensemble.networks().get(0).layerInputSize(0)).isEqualTo(2048 + 193);
        ScreeningModel model = new ScreeningModel(card(block, null), ensemble.networks(), data.fingerprints(), List.of());
        assertThat(model.readsTopological()).isTrue();
        float[][][] sparse = model.sparseOutputs(data.inputs());
        float[][][] dl4j = model.networkOutputs(data.inputs());
        for (int i = 0; i < smiles.size(); i++) {
            assertThat(sparse[0][i][0]).as(smiles.get(i)).isCloseTo(dl4j[0][i][0], within(1e-4f));
        }

        List<org.molscreen.chem.featurize.FeaturizedMolecule> stored = new ArrayList<>();
        org.molscreen.chem.featurize.Featurizer plain = new org.molscreen.chem.featurize.Featurizer(
                org.molscreen.chem.featurize.FeaturizerOptions.defaults());
        for (int i = 0; i < smiles.size(); i++) {
            stored.add((org.molscreen.chem.featurize.FeaturizedMolecule) plain.featurize(new org.molscreen.chem.io.RawRecord(
                    new org.molscreen.chem.io.RecordLocation("t", i + 1, i + 1), "m" + i, org.molscreen.chem.io.Notation.SMILES,
                    smiles.get(i), null)));
        }
        assertThat(stored.get(0).descriptors().topological()).isNull();
        List<ModelInput> completed = org.molscreen.engine.predict.LibraryPredictor.inputs(List.of(model), stored);
        List<org.molscreen.engine.model.CompoundPrediction> fromStored = model.predict(completed);
        List<org.molscreen.engine.model.CompoundPrediction> fromTraining = model.predict(data.inputs());
        for (int i = 0; i < smiles.size(); i++) {
            assertThat(fromStored.get(i).mean(0)).as(smiles.get(i)).isEqualTo(fromTraining.get(i).mean(0));
        }
        // straight to the model: it computes them from the SMILES itself; without a SMILES it cannot, and says so
        assertThat(model.predict(stored.stream().map(ModelInput::of).toList()).get(3).mean(0)).isEqualTo(fromTraining.get(3).mean(0));
        ModelInput noSmiles = ModelInput.of(stored.get(0));
        assertThatThrownBy(() -> model.predict(List.of(new ModelInput(noSmiles.fingerprint(), noSmiles.counts(), noSmiles.descriptors()))))
                .hasMessageContaining("topological descriptors");
        assertThat(ModelCardJson.read(ModelCardJson.write(model.card()), "x").featurization().descriptors()).isEqualTo(block);
        assertThatThrownBy(() -> new DescriptorBlock(List.of("cdk:Nonsense.x"), List.of(0.0), List.of(1.0)))
                .hasMessageContaining("unknown topological descriptor cdk:Nonsense.x");
    }

    /**
     * An ensemble whose networks read different inputs (log counts with descriptors; bits alone), as one drawn
     * from the search: each network is scored with its own inputs, alike on the sparse scorer and in DL4J; the
     * counts are read; a compound stored without counts is refused with the way out, not scored as bits.
     */
    @Test
    void anEnsembleOfMixedInputsScoresEachNetworkWithItsOwnInputs() {
        List<String> smiles = List.of(SMILES);
        float[][] labels = new float[smiles.size()][1];
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = smiles.get(i).length() / 10f; // size: learnable from counts
        }
        LabelledSet data = set(smiles, labels);
        assertThat(data.counts()).hasSize(smiles.size());
        DescriptorBlock block = DescriptorBlock.fit(data.descriptors());
        TrainerConfig countsAndDescriptors = new TrainerConfig(List.of(16), 0.0, 1e-2, 0.0, 4, 30, 30, 1, 3, 1.0, true, true, 1);
        TrainerConfig bits = new TrainerConfig(List.of(8), 0.0, 1e-2, 0.0, 4, 30, 30, 1, 5, 1.0, false, false, 1);
        ModelTrainer.Ensemble first = new ModelTrainer(countsAndDescriptors).train(data, data.subset(new int[0]), false, block, line -> { });
        ModelTrainer.Ensemble second = new ModelTrainer(bits).train(data, data.subset(new int[0]), false, null, line -> { });
        List<ModelCard.SearchTrial> members = List.of(countsAndDescriptors.trial("rmse", 0.1, 30, true), bits.trial("rmse", 0.2, 30, true));
        ModelCard base = card(block, null);
        ModelCard card = base.toBuilder()
                .featurization(new ModelCard.Featurization("ecfp4_2048", "CDK", true, block, "log_counts"))
                .trainer(bits.settings(List.of(30, 30), List.of(), 1.0, members)).build();
        ScreeningModel model = new ScreeningModel(ModelCardJson.read(ModelCardJson.write(card), "mixed"),
                List.of(first.networks().get(0), second.networks().get(0)), data.fingerprints(), List.of());
        assertThat(model.encoders()).extracting(e -> e.width()).containsExactly(2048 + 13, 2048);

        float[][][] sparse = model.sparseOutputs(data.inputs());
        float[][][] dl4j = model.networkOutputs(data.inputs());
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < smiles.size(); i++) {
                assertThat(sparse[n][i][0]).as("network %d, %s", n, smiles.get(i)).isCloseTo(dl4j[n][i][0], within(1e-4f));
            }
        }
        // hexadecanoic acid's CH2 bit counts 13: read as 1, the counts network answers otherwise
        ModelInput palmitic = data.inputs().get(smiles.indexOf("CCCCCCCCCCCCCCCC(=O)O"));
        int[] ones = new int[palmitic.counts().size()];
        java.util.Arrays.fill(ones, 1);
        ModelInput countsOfOne = new ModelInput(palmitic.fingerprint(),
                org.molscreen.chem.fingerprint.FingerprintCounts.of(ones), palmitic.descriptors());
        assertThat(model.sparseOutputs(List.of(countsOfOne))[0][0][0]).isNotCloseTo(model.sparseOutputs(List.of(palmitic))[0][0][0], within(1e-3f));
        ModelInput withoutCounts = new ModelInput(palmitic.fingerprint(), null, palmitic.descriptors());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.predict(List.of(withoutCounts)))
                .isInstanceOf(org.molscreen.engine.model.ModelMismatchException.class)
                .hasMessageContaining("reads fingerprint counts").hasMessageContaining("ingest it again");
    }

    @Test
    void duplicatesMergeIntoOneRowWithMajorityOrMeanLabelsAndTiesDropTheLabel() {
        // CCO, OCC and C(C)O are one structure; ethylamine twice
        List<String> smiles = List.of("CCO", "OCC", "C(C)O", "CCN", "NCC", "c1ccccc1");
        float[][] labels = {{1, 1}, {1, 0}, {0, Float.NaN}, {1, 0}, {0, 0}, {0, 1}};
        LabelledSet data = set(smiles, labels);
        LabelledSet.Merged merged = data.mergeDuplicates(true);
        assertThat(merged.set().size()).isEqualTo(3);
        assertThat(merged.duplicates()).isEqualTo(3);
        assertThat(merged.set().ids()).containsExactly("m0", "m3", "m5");
        assertThat(merged.set().label(0, 0)).isEqualTo(1f); // two of three positive
        assertThat(merged.set().label(1, 0)).isNaN(); // one positive, one negative: dropped
        assertThat(merged.set().label(0, 1)).isNaN(); // 1 and 0; the missing copy does not count
        assertThat(merged.set().label(1, 1)).isEqualTo(0f);
        assertThat(merged.conflicts()).isEqualTo(2);
        LabelledSet.Merged regression = data.mergeDuplicates(false);
        assertThat(regression.set().label(0, 0)).isCloseTo(2f / 3, within(1e-6f));
        assertThat(regression.set().label(0, 1)).isEqualTo(0.5f);
        assertThat(regression.conflicts()).isZero();
        assertThat(set(List.of("CCO", "CCN"), new float[][] {{1}, {0}}).mergeDuplicates(true).duplicates()).isZero();
    }

    @Test
    void plattScalingTurnsOverconfidentScoresIntoHonestProbabilitiesWithoutReorderingThem() {
        Random random = new Random(11);
        int n = 4000;
        double[] raw = new double[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian() * 1.5 - 1;
            truth[i] = random.nextDouble() < Calibration.sigmoid(z) ? 1 : 0;
            raw[i] = Calibration.sigmoid(3 * z + 1); // three times too sure, and shifted
        }
        double[] ab = PlattFit.fit(raw, truth);
        assertThat(ab[0]).isCloseTo(1.0 / 3, within(0.05));
        assertThat(ab[1]).isCloseTo(-1.0 / 3, within(0.1)); // logit(raw) = 3z + 1, so z = logit/3 - 1/3
        Calibration calibration = new Calibration("platt", "validation",
                List.of(new Calibration.Endpoint("e0", ab[0], ab[1], Double.NaN, Double.NaN, List.of())));
        double brierRaw = 0;
        double brierCalibrated = 0;
        for (int i = 0; i < n; i++) {
            brierRaw += Math.pow(raw[i] - truth[i], 2);
            brierCalibrated += Math.pow(calibration.apply(0, raw[i]) - truth[i], 2);
        }
        assertThat(brierCalibrated).isLessThan(brierRaw * 0.95);
        assertThat(calibration.apply(0, 0.2)).isLessThan(calibration.apply(0, 0.3));
        // scores that rank backwards on the fitting data must not reverse the model's ranking: offset only
        double[] backwards = PlattFit.fit(new double[] {0.9, 0.8, 0.2, 0.1}, new double[] {0, 0, 1, 1});
        assertThat(backwards[0]).isEqualTo(1.0);
    }

    @Test
    void aCalibratedClassifierShowsCalibratedProbabilitiesAndSpread() {
        List<String> smiles = List.of(SMILES);
        float[][] labels = new float[smiles.size()][1];
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = smiles.get(i).contains("N") ? 1f : 0f;
        }
        LabelledSet data = set(smiles, labels);
        TrainerConfig config = new TrainerConfig(List.of(16), 0.0, 1e-2, 0.0, 4, 30, 30, 3, 3, 1.0, false, false, 1);
        ModelTrainer.Ensemble ensemble = new ModelTrainer(config).train(data, data.subset(new int[0]), true, null, line -> { });
        ModelCard raw = ModelTrainerTest.card(ModelKind.CLASSIFICATION, List.of("e0"));
        Calibration halve = new Calibration("platt", "validation",
                List.of(new Calibration.Endpoint("e0", 0.5, -0.2, 0.1, 0.09, List.of(new Calibration.Bin(0, 0.1, 3, 0.05, 0.0)))));
        ModelCard calibratedCard = raw.toBuilder().calibration(halve).build();
        ScreeningModel plain = new ScreeningModel(raw, ensemble.networks(), data.fingerprints(), List.of());
        ScreeningModel calibrated = new ScreeningModel(calibratedCard, ensemble.networks(), data.fingerprints(), List.of());
        List<CompoundPrediction> before = plain.predict(data.inputs());
        List<CompoundPrediction> after = calibrated.predict(data.inputs());
        for (int i = 0; i < smiles.size(); i++) {
            double p = before.get(i).mean(0);
            assertThat(after.get(i).mean(0)).isCloseTo(Calibration.sigmoid(0.5 * Calibration.logit(p) - 0.2), within(1e-9));
            assertThat(after.get(i).std(0)).isCloseTo(before.get(i).std(0) * halve.slope(0, p), within(1e-9));
        }
        assertThat(ModelCardJson.read(ModelCardJson.write(calibratedCard), "x").calibration()).isEqualTo(halve);
    }

    @Test
    void theSearchIsDeterministicStartsWithTheSettingsAskedForAndWeighsRarePositives() {
        List<String> smiles = List.of(SMILES);
        float[][] labels = new float[smiles.size()][1];
        labels[0][0] = 1f; // 1 positive, 19 negatives
        LabelledSet data = set(smiles, labels);
        TrainerConfig asked = new TrainerConfig(List.of(64), 0.3, 1e-3, 1e-5, 8, 5, 2, 5, 42, 1.0, true, false, 6);
        List<TrainerConfig> candidates = HyperparameterSearch.candidates(asked, data, true, true);
        assertThat(candidates).hasSize(6).doesNotHaveDuplicates();
        assertThat(candidates.get(0).hidden()).isEqualTo(List.of(64));
        assertThat(candidates).allMatch(c -> c.ensembleSize() == 1);
        assertThat(HyperparameterSearch.candidates(asked, data, true, true)).isEqualTo(candidates);
        assertThat(HyperparameterSearch.balancedWeight(data)).isEqualTo(4.4); // sqrt(19), to one decimal
        HyperparameterSearch.Outcome outcome = HyperparameterSearch.run(asked, data, data, true, DescriptorBlock.fit(data.descriptors()), true, line -> { });
        assertThat(outcome.trials()).hasSize(6);
        assertThat(outcome.trials().stream().filter(ModelCard.SearchTrial::chosen)).hasSize(1);
        assertThat(outcome.chosen().ensembleSize()).isEqualTo(1);
        // with presumed inactives the descriptors stay off, whatever was asked
        assertThat(HyperparameterSearch.candidates(asked.with(List.of(64), 0.3, 1e-3, 1.0, false, false, 5), data, true, false))
                .noneMatch(TrainerConfig::descriptors);
        assertThat(HyperparameterSearch.run(asked, data, data.subset(new int[0]), true, DescriptorBlock.fit(data.descriptors()), false, line -> { }).chosen().descriptors()).isFalse();
    }

    @Test
    void theSearchKeepsTheSettingsAskedForUnlessACandidateBeatsThemBeyondTheValidationNoise() {
        List<String> smiles = List.of(SMILES);
        float[][] labels = new float[smiles.size()][1];
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = smiles.get(i).length() / 10f;
        }
        LabelledSet data = set(smiles, labels);
        DescriptorBlock block = DescriptorBlock.fit(data.descriptors());
        TrainerConfig greedy = new TrainerConfig(List.of(16), 0.0, 1e-3, 0.0, 4, 8, 8, 3, 42, 1.0, true, false, 5, 0.0);
        HyperparameterSearch.Outcome best = HyperparameterSearch.run(greedy, data, data, false, block, true, line -> { });
        int bestTrial = 0;
        for (int i = 1; i < best.trials().size(); i++) {
            if (best.trials().get(i).score() < best.trials().get(bestTrial).score()) {
                bestTrial = i;
            }
        }
        // the fixture must give the search something to choose: a candidate better than the settings asked for
        assertThat(bestTrial).isNotZero();
        assertThat(best.trials().get(bestTrial).chosen()).isTrue();
        assertThat(best.ranked()).hasSize(5);

        TrainerConfig cautious = new TrainerConfig(List.of(16), 0.0, 1e-3, 0.0, 4, 8, 8, 3, 42, 1.0, true, false, 5, 100.0);
        List<String> lines = new ArrayList<>();
        HyperparameterSearch.Outcome kept = HyperparameterSearch.run(cautious, data, data, false, block, true, lines::add);
        // the same candidates and scores; only the choice differs
        assertThat(kept.trials()).extracting(ModelCard.SearchTrial::score).isEqualTo(best.trials().stream().map(ModelCard.SearchTrial::score).toList());
        assertThat(kept.trials().get(0).chosen()).isTrue();
        assertThat(kept.trials().stream().filter(ModelCard.SearchTrial::chosen)).hasSize(1);
        assertThat(kept.chosen().hidden()).isEqualTo(List.of(16));
        assertThat(kept.chosen().learningRate()).isEqualTo(1e-3);
        // the ensemble will be seeds of the asked settings: no other candidate is offered to it
        assertThat(kept.ranked()).hasSize(1).first().extracting(HyperparameterSearch.Candidate::config).isEqualTo(kept.chosen());
        String keptLine = "search: the settings asked for are kept: candidate " + (bestTrial + 1);
        assertThat(lines).anyMatch(line -> line.startsWith(keptLine));

        assertThat(HyperparameterSearch.withinNoise(0.90, 0.88, 0.03, 1.0, true)).isTrue();
        assertThat(HyperparameterSearch.withinNoise(0.92, 0.88, 0.03, 1.0, true)).isFalse();
        assertThat(HyperparameterSearch.withinNoise(0.70, 0.85, 0.06, 1.0, false)).isFalse();
        assertThat(HyperparameterSearch.withinNoise(0.82, 0.85, 0.06, 1.0, false)).isTrue();
        assertThat(HyperparameterSearch.withinNoise(0.90, 0.88, 0.03, 0.0, true)).isFalse();
        assertThat(HyperparameterSearch.withinNoise(0.90, 0.88, Double.NaN, 1.0, true)).isFalse();
        assertThatThrownBy(() -> new TrainerConfig(List.of(16), 0.0, 1e-3, 0.0, 4, 8, 8, 3, 42, 1.0, true, false, 5, -1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("search margin");
    }
}
