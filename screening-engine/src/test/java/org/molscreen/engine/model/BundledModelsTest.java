package org.molscreen.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;

import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;

/**
 * The four models that ship: they load from the jar's resources, their cards carry test metrics, and they
 * tell well-known drugs apart the way pharmacology does (none of these drugs needs to be in the training data).
 */
class BundledModelsTest {

    private static final ModelRegistry REGISTRY = ModelRegistry.open(null);
    private static final Featurizer FEATURIZER = new Featurizer(FeaturizerOptions.defaults());

    private static final String ASPIRIN = "CC(=O)Oc1ccccc1C(=O)O";
    private static final String GEFITINIB = "COc1cc2ncnc(Nc3ccc(F)c(Cl)c3)c2cc1OCCCN1CCOCC1";
    private static final String ERLOTINIB = "COCCOc1cc2ncnc(Nc3cccc(c3)C#C)c2cc1OCCOC";
    private static final String TERFENADINE = "CC(C)(C)c1ccc(cc1)C(O)CCCN1CCC(CC1)C(O)(c1ccccc1)c1ccccc1";
    private static final String ASTEMIZOLE = "COc1ccc(CCN2CCC(CC2)Nc2nc3ccccc3n2Cc2ccc(F)cc2)cc1";

    private static double predict(String model, String smiles, int endpoint) {
        FeaturizedMolecule molecule = (FeaturizedMolecule) FEATURIZER.featurize(
                new RawRecord(new RecordLocation("test", 1, 1), "x", Notation.SMILES, smiles, Map.of()));
        List<ModelInput> one = List.of(ModelInput.of(molecule));
        return REGISTRY.load(model).predict(one).get(0).mean(endpoint);
    }

    @Test
    void fourModelsShipWithTestMetricsAndOneFeaturisation() {
        assertThat(REGISTRY.entries()).extracting(ModelRegistry.Entry::name).contains("tox21", "bace1", "herg", "egfr");
        for (String name : List.of("tox21", "bace1", "herg", "egfr")) {
            ModelCard card = REGISTRY.load(name).card();
            assertThat(card.featurization().fingerprint()).isEqualTo("ecfp4_2048");
            assertThat(card.metrics()).containsKey("test");
            assertThat(card.trainingData().sha256()).hasSize(64);
            assertThat(card.command()).startsWith("molscreen train ").doesNotContain("train train");
            assertThat(card.trainer().ensembleSize()).isEqualTo(5);
        }
        assertThat(REGISTRY.load("tox21").card().endpoints()).hasSize(12);
        // a target with blanks is one quoted argument, so the command can be pasted into a shell
        assertThat(REGISTRY.load("tox21").card().command()).contains("--target 'Tox21 (12 assays)' ");
        // tox21 was chosen by the search's best score, however narrow: its card says so, and its command reproduces it
        assertThat(REGISTRY.load("tox21").card().trainer().searchMargin()).isEqualTo(0.0);
        assertThat(REGISTRY.load("tox21").card().command()).contains(" --search-margin 0 ");
        assertThat(REGISTRY.load("tox21").card().metrics().get("test").get("roc_auc")).isGreaterThan(0.65);
        assertThat(REGISTRY.load("bace1").card().metrics().get("test").get("Class/roc_auc")).isGreaterThan(0.75);
    }

    @Test
    void egfrInhibitorsOutscoreAspirin() {
        assertThat(predict("egfr", GEFITINIB, 0)).isGreaterThan(7.0).isGreaterThan(predict("egfr", ASPIRIN, 0) + 1.5);
        assertThat(predict("egfr", ERLOTINIB, 0)).isGreaterThan(7.0);
    }

    @Test
    void knownHergBlockersAreFlagged() {
        assertThat(predict("herg", TERFENADINE, 0)).isGreaterThan(0.5);
        assertThat(predict("herg", ASTEMIZOLE, 0)).isGreaterThan(0.5);
        assertThat(predict("herg", ASPIRIN, 0)).isLessThan(0.5);
    }
}
