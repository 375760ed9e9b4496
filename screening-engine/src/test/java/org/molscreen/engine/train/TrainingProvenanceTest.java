package org.molscreen.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.molscreen.engine.model.ModelCard;

/** What a card records of its training comes from the settings and the class path, not from literals. */
class TrainingProvenanceTest {

    @Test
    void trainerSettingsDescribeThemselves() {
        TrainerConfig config = new TrainerConfig(List.of(64, 32), 0.2, 3e-4, 1e-6, 16, 40, 5, 3, 11, 2.5, true, true, 4, 1.5);
        ModelCard.TrainerSettings settings = config.settings(List.of(7, 9, 8), List.of(), 12.5, null);
        assertThat(settings).isEqualTo(new ModelCard.TrainerSettings(List.of(64, 32), 0.2, 3e-4, 1e-6, 16, 40, 5, 3, 11, 2.5,
                List.of(7, 9, 8), List.of(), 12.5, null, 1.5));
        // no search ran: no margin to record
        assertThat(config.settings(List.of(7, 9, 8), null, 12.5, null).searchMargin()).isNull();
        assertThat(new TrainerConfig(List.of(64), 0.2, 3e-4, 1e-6, 16, 40, 5, 3, 11, 2.5, true, true, 4).searchMargin())
                .isEqualTo(TrainerConfig.DEFAULT_SEARCH_MARGIN);
        ModelCard.SearchTrial trial = config.trial("rmse", 0.61, 9, true);
        assertThat(trial).isEqualTo(new ModelCard.SearchTrial(List.of(64, 32), 0.2, 3e-4, 2.5, true, true, "rmse", 0.61, 9, true));
    }

    @Test
    void libraryVersionsAreReadFromTheClassPath() {
        Map<String, String> versions = SoftwareVersions.current();
        assertThat(versions).containsOnlyKeys("molscreen", "cdk", "deeplearning4j", "java", "os");
        // the version of the deeplearning4j-nn jar this test runs with, whatever the build pins
        assertThat(versions.get("deeplearning4j")).matches("\\d+\\.\\d+\\.\\d+.*").isNotEqualTo(SoftwareVersions.UNKNOWN);
        assertThat(versions.get("cdk")).matches("\\d+\\.\\d+.*");
        assertThat(SoftwareVersions.ofArtifact(TrainingProvenanceTest.class, "org.example", "absent")).isEqualTo(SoftwareVersions.UNKNOWN);
    }

    @Test
    void theProgressLineShowsTheRequestsClassColumnWhateverItIsCalled() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rmse", 0.9);
        values.put("pIC50/rmse", 0.9);
        values.put("Active/roc_auc", 0.81);
        values.put("Class/roc_auc", 0.5);
        assertThat(TrainingRun.summary(values, "Active")).isEqualTo("rmse 0.9000  Active/roc_auc 0.8100");
        assertThat(TrainingRun.summary(values, null)).isEqualTo("rmse 0.9000");
    }
}
