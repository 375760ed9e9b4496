package org.molscreen.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizationSummary;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.RejectedRecord;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelInput;
import org.molscreen.engine.model.ModelMismatchException;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;

/**
 * Predicting a library with the bundled models: every record comes out once, in input order, across batch
 * boundaries; rejected records carry no predictions; the numbers are the models' own.
 */
class LibraryPredictorTest {

    private static final ModelRegistry REGISTRY = ModelRegistry.open(null);

    @TempDir
    Path dir;

    @Test
    void everyRecordComesOutInInputOrderAcrossBatches() throws Exception {
        String[] smiles = {"CC(=O)Oc1ccccc1C(=O)O", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", "c1ccncc1", "CCO"};
        int records = LibraryPredictor.BATCH + 77;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            lines.add((i % 250 == 3 ? "C1CC" : smiles[i % smiles.length]) + " r" + i);
        }
        Path library = Files.write(dir.resolve("library.smi"), lines);
        ScreeningModel herg = REGISTRY.load("herg");
        ScreeningModel tox21 = REGISTRY.load("tox21");
        LibraryPredictor predictor = new LibraryPredictor(List.of(herg, tox21), 2);
        assertThat(predictor.featurization().fingerprint()).isEqualTo(FingerprintSpec.ecfp4());

        List<PredictedRecord> out = new ArrayList<>();
        AtomicLong progress = new AtomicLong();
        FeaturizationSummary summary;
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            summary = predictor.run(reader, out::add, progress::set);
        }
        assertThat(summary.records()).isEqualTo(records);
        assertThat(summary.errors()).isEqualTo(5);
        assertThat(out).extracting(p -> p.record().id()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, records).mapToObj(i -> "r" + i).toList());
        for (int i = 0; i < records; i++) {
            PredictedRecord predicted = out.get(i);
            if (i % 250 == 3) {
                assertThat(predicted.record()).isInstanceOf(RejectedRecord.class);
                assertThat(predicted.predictions()).isEmpty();
            } else {
                assertThat(predicted.record()).isInstanceOf(FeaturizedMolecule.class);
                assertThat(predicted.predictions()).containsOnlyKeys("herg", "tox21");
                assertThat(predicted.predictions().get("tox21").mean()).hasSize(tox21.card().endpoints().size());
            }
        }
        // the same compound gets the same numbers wherever it sits, and they are the model's own
        FeaturizedMolecule aspirin = (FeaturizedMolecule) out.get(0).record();
        CompoundPrediction direct = herg.predict(List.of(ModelInput.of(aspirin))).get(0);
        CompoundPrediction first = out.get(0).predictions().get("herg");
        CompoundPrediction later = out.get(LibraryPredictor.BATCH + 4).predictions().get("herg");
        assertThat(first.mean()).isEqualTo(direct.mean()).isEqualTo(later.mean());
        assertThat(first.nearestTraining()).isEqualTo(direct.nearestTraining());
        assertThat(first.inDomain()).isEqualTo(direct.inDomain());
    }

    @Test
    void modelsThatFeaturiseDifferentlyAreRefusedBeforeAnythingIsRead() {
        ScreeningModel herg = REGISTRY.load("herg");
        ModelCard ecfp6Card = herg.card().toBuilder().name("herg-ecfp6")
                .featurization(new ModelCard.Featurization("ecfp6_2048", "CDK", true, herg.card().featurization().descriptors(), herg.card().featurization().fingerprintValues()))
                .build();
        ScreeningModel ecfp6 = new ScreeningModel(ecfp6Card, herg.networks(), herg.trainingFingerprints(), herg.actives());
        assertThatThrownBy(() -> new LibraryPredictor(List.of(herg, ecfp6), 1)).isInstanceOf(ModelMismatchException.class)
                .hasMessageContaining("ecfp6_2048").hasMessageContaining("ecfp4_2048");
        assertThatThrownBy(() -> new LibraryPredictor(List.of(), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one model");
    }

    @Test
    void predictEachGivesOneMapPerCompoundInModelOrder() {
        ScreeningModel herg = REGISTRY.load("herg");
        ScreeningModel egfr = REGISTRY.load("egfr");
        assertThat(LibraryPredictor.predictEach(List.of(herg, egfr), List.of(), m -> ScreeningModel.Domain.NONE)).isEmpty();
        FeaturizedMolecule molecule = (FeaturizedMolecule) new org.molscreen.chem.featurize.Featurizer(new LibraryPredictor(List.of(herg), 1)
                .featurization()).featurize(new org.molscreen.chem.io.RawRecord(new org.molscreen.chem.io.RecordLocation("test", 1, 1), "x",
                org.molscreen.chem.io.Notation.SMILES, "c1ccccc1O", java.util.Map.of()));
        var maps = LibraryPredictor.predictEach(List.of(egfr, herg), List.of(ModelInput.of(molecule)), m -> ScreeningModel.Domain.NONE);
        assertThat(maps).hasSize(1);
        assertThat(maps.get(0).keySet()).containsExactly("egfr", "herg");
    }
}
