package org.molscreen.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;
import org.molscreen.engine.data.DataProvenance;
import org.molscreen.engine.data.LabelledSet;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelFile;
import org.molscreen.engine.model.ModelKind;
import org.molscreen.engine.model.ScreeningModel;

/** Tiny real models that must learn what they are shown, and survive a round trip through a model file. */
class ModelTrainerTest {

    @TempDir
    Path dir;

    private static final String[] AMINES = {"CCN", "CCCN", "CCCCN", "NCCO", "NCC(C)C", "CN(C)CC", "NCc1ccccc1", "NC1CCCCC1",
        "CCNCC", "NCCCCN", "CC(N)CC", "NC(C)(C)C", "NCCc1ccccc1", "CNCCO", "NCC=C", "CCCCCN"};
    private static final String[] OTHERS = {"CCO", "CCCO", "CCCC", "OCCO", "CC(C)C", "COC", "Oc1ccccc1", "C1CCCCC1",
        "CCOCC", "OCCCCO", "CC(O)CC", "CC(C)(C)O", "OCCc1ccccc1", "COCCO", "C=CCO", "CCCCCC"};

    /** Featurised toy data with the given labels: what the trainer tests learn from. */
    static LabelledSet set(List<String> smiles, float[][] labels, List<String> endpoints) {
        return set(smiles, labels, endpoints, org.molscreen.chem.featurize.FeatureSelection.ALL);
    }

    static LabelledSet set(List<String> smiles, float[][] labels, List<String> endpoints,
                           org.molscreen.chem.featurize.FeatureSelection selection) {
        Featurizer featurizer = new Featurizer(FeaturizerOptions.defaults(), selection);
        List<Fingerprint> fingerprints = new ArrayList<>();
        List<org.molscreen.chem.fingerprint.FingerprintCounts> counts = new ArrayList<>();
        List<org.molscreen.chem.descriptor.MolecularDescriptors> descriptors = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < smiles.size(); i++) {
            FeaturizedMolecule molecule = (FeaturizedMolecule) featurizer.featurize(
                    new RawRecord(new RecordLocation("test", i + 1, i + 1), "m" + i, Notation.SMILES, smiles.get(i), null));
            fingerprints.add(molecule.fingerprint());
            counts.add(molecule.counts());
            descriptors.add(molecule.descriptors());
            canonical.add(molecule.smiles());
            ids.add("m" + i);
        }
        return new LabelledSet(new DataProvenance("test", "test.csv", smiles.size(), "0"), FingerprintSpec.ecfp4(),
                endpoints, ids, canonical, fingerprints, counts, descriptors, labels, null, List.of());
    }

    private static TrainerConfig small(int ensemble) {
        return new TrainerConfig(List.of(32), 0.0, 1e-2, 0.0, 8, 60, 60, ensemble, 7, 1.0, false, false, 1);
    }

    @Test
    void multitaskClassifierLearnsAndMasksMissingLabels() {
        List<String> smiles = new ArrayList<>(List.of(AMINES));
        smiles.addAll(List.of(OTHERS));
        float[][] labels = new float[smiles.size()][2];
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = i < AMINES.length ? 1f : 0f;
            // endpoint 1 is labelled 1 on every other row and missing elsewhere: read as 0, the missing rows
            // would be learnt as negatives; masked, nothing pulls them below 0.5
            labels[i][1] = i % 2 == 0 ? 1f : Float.NaN;
        }
        LabelledSet data = set(smiles, labels, List.of("amine", "always"));
        ModelTrainer.Ensemble ensemble = new ModelTrainer(small(1)).train(data, data.subset(new int[0]), true, null, line -> { });
        ScreeningModel model = new ScreeningModel(card(ModelKind.MULTITASK_CLASSIFICATION, List.of("amine", "always")),
                ensemble.networks(), data.fingerprints(), List.of());
        List<CompoundPrediction> predictions = model.predict(data.inputs());
        for (int i = 0; i < smiles.size(); i++) {
            double amine = predictions.get(i).mean(0);
            assertThat(amine).as("a probability, for %s", smiles.get(i)).isBetween(0.0, 1.0);
            if (i < AMINES.length) {
                assertThat(amine).as("amine %s", smiles.get(i)).isGreaterThan(0.8);
            } else {
                assertThat(amine).as("non-amine %s", smiles.get(i)).isLessThan(0.2);
            }
            assertThat(predictions.get(i).mean(1)).as("masked rows of %s", smiles.get(i)).isGreaterThan(0.5);
            assertThat(predictions.get(i).inDomain()).isTrue();
            assertThat(predictions.get(i).nearestTraining()).isEqualTo(1.0);
        }
    }

    @Test
    void regressionPredictsInTheEndpointsUnitAndTheEnsembleRoundTripsThroughAFile() throws Exception {
        List<String> smiles = new ArrayList<>(List.of(AMINES));
        smiles.addAll(List.of(OTHERS));
        float[][] labels = new float[smiles.size()][1];
        for (int i = 0; i < smiles.size(); i++) {
            labels[i][0] = i < AMINES.length ? 8.5f : 5.0f; // pIC50-like values far from 0: the scale must be folded back
        }
        LabelledSet data = set(smiles, labels, List.of("pIC50"));
        ModelTrainer.Ensemble ensemble = new ModelTrainer(small(3)).train(data, data.subset(new int[0]), false, null, line -> { });
        assertThat(ensemble.networks()).hasSize(3);
        ScreeningModel model = new ScreeningModel(card(ModelKind.REGRESSION, List.of("pIC50")), ensemble.networks(),
                data.fingerprints(), data.fingerprints().subList(0, AMINES.length));
        List<CompoundPrediction> predictions = model.predict(data.inputs());
        for (int i = 0; i < smiles.size(); i++) {
            assertThat(predictions.get(i).mean(0)).as(smiles.get(i)).isCloseTo(labels[i][0], org.assertj.core.data.Offset.offset(0.5));
            assertThat(predictions.get(i).std(0)).isGreaterThanOrEqualTo(0.0);
        }

        Path file = dir.resolve("toy.zip");
        ModelFile.write(model, file);
        ScreeningModel loaded = ModelFile.read(file);
        assertThat(ModelFile.read(file).predict(data.inputs()).get(3).mean())
                .as("a model file predicts the same every time it is read").containsExactly(loaded.predict(data.inputs()).get(3).mean());
        assertThat(loaded.card()).isEqualTo(model.card());
        List<CompoundPrediction> again = loaded.predict(data.inputs());
        for (int i = 0; i < smiles.size(); i++) {
            // parameters are stored in half precision: a pIC50 moves by far less than 0.01
            assertThat(again.get(i).mean(0)).isCloseTo(predictions.get(i).mean(0), org.assertj.core.data.Offset.offset(0.01));
            assertThat(again.get(i).nearestActive()).isEqualTo(predictions.get(i).nearestActive());
        }
    }

    static ModelCard card(ModelKind kind, List<String> endpoints) {
        return ModelCard.builder("toy", kind)
                .target("test")
                .endpoints(endpoints.stream().map(e -> new ModelCard.Endpoint(e, kind.classification() ? "probability" : "pIC50", "")).toList())
                .featurization(new ModelCard.Featurization("ecfp4_2048", "CDK", true, null, null))
                .trainingData(new ModelCard.TrainingData("test", "test.csv", 32, 32, "0", endpoints, 0, null, 0L, 0L))
                .split(new ModelCard.SplitInfo("random", 1, List.of(0.8, 0.1, 0.1), 32, 0, 0))
                .trainer(new ModelCard.TrainerSettings(List.of(32), 0, 0.01, 0, 8, 60, 60, 1, 7, 1, List.of(60), List.of(), 1.0, null, null))
                .metrics(Map.of("test", Map.of("rmse", 0.1)))
                .domain(new ModelCard.ApplicabilityDomain(0.3, 32, 7.0, 16))
                .versions(Map.of("molscreen", "test"))
                .created("2026-11-29T00:00:00Z")
                .command("molscreen train ...")
                .build();
    }
}
