package org.molscreen.chem.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;

class TopologicalDescriptorsTest {

    private static double value(double[] values, String name) {
        int index = TopologicalDescriptors.names().indexOf(TopologicalDescriptors.PREFIX + name);
        assertThat(index).as(name).isNotNegative();
        return values[index];
    }

    @Test
    void aspirinHasTheCountsAChemistWouldWrite() {
        double[] aspirin = TopologicalDescriptors.forThisThread().calculate("CC(=O)Oc1ccccc1C(=O)O");
        assertThat(aspirin).hasSize(TopologicalDescriptors.names().size());
        assertThat(TopologicalDescriptors.names()).hasSize(180).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith(TopologicalDescriptors.PREFIX));
        assertThat(value(aspirin, "AromaticAtomsCount.naAromAtom")).isEqualTo(6);
        assertThat(value(aspirin, "HBondDonorCount.nHBDon")).isEqualTo(1);
        assertThat(value(aspirin, "AcidicGroupCount.nAcid")).isEqualTo(1);
        assertThat(value(aspirin, "RotatableBondsCount.nRotB")).isBetween(2.0, 4.0);
        assertThat(value(aspirin, "TPSA.TopoPSA")).isCloseTo(63.6, within(0.1));
        assertThat(value(aspirin, "Weight.MW")).isCloseTo(180.16, within(0.1));
        // nearly every descriptor is defined for an ordinary drug
        long defined = java.util.Arrays.stream(aspirin).filter(Double::isFinite).count();
        assertThat(defined).isGreaterThan(160);
    }

    @Test
    void unreadableSmilesGivesNaNRatherThanFailing() {
        double[] values = TopologicalDescriptors.forThisThread().calculate("C1CC(");
        assertThat(values).hasSize(180);
        assertThat(java.util.Arrays.stream(values).allMatch(Double::isNaN)).isTrue();
    }

    /** Every thread gets its own CDK objects, and the values do not depend on which thread computed them. */
    @Test
    void valuesAreTheSameOnEveryThread() throws Exception {
        List<String> smiles = List.of("CC(=O)Oc1ccccc1C(=O)O", "CN1CCC[C@H]1c1cccnc1", "O=C(O)c1ccccc1.[Na+]", "c1ccc2ccccc2c1",
                "CC(C)Cc1ccc(cc1)[C@@H](C)C(=O)O");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> tasks = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    StringBuilder all = new StringBuilder();
                    for (String s : smiles) {
                        all.append(java.util.Arrays.toString(TopologicalDescriptors.forThisThread().calculate(s)));
                    }
                    return all.toString();
                });
            }
            List<Future<String>> results = pool.invokeAll(tasks);
            String first = results.get(0).get();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The featurizer computes the block from the canonical SMILES it wrote, so a compound read back from storage
     * (which keeps the SMILES, not the block) gets the same values.
     */
    @Test
    void featurizerAndStoredCompoundAgree() {
        Featurizer featurizer = new Featurizer(new FeaturizerOptions(FingerprintSpec.ecfp4(), true),
                FeatureSelection.ALL.withTopological(true));
        var record = new RawRecord(new RecordLocation("t.smi", 1, 1), "salt", Notation.SMILES,
                "[Na+].[O-]C(=O)c1ccccc1O", java.util.Map.of());
        FeaturizedMolecule featurized = (FeaturizedMolecule) featurizer.featurize(record);
        assertThat(featurized.descriptors().topological()).isNotNull();
        assertThat(featurized.descriptors().topological())
                .containsExactly(TopologicalDescriptors.forThisThread().calculate(featurized.smiles()));
        FeaturizedMolecule plain = (FeaturizedMolecule) new Featurizer(featurizer.options()).featurize(record);
        assertThat(plain.descriptors().topological()).isNull();
        assertThat(plain.descriptors().withTopological(featurized.descriptors().topological())).isEqualTo(featurized.descriptors());
    }
}
