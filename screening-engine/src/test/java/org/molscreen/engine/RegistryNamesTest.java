package org.molscreen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.RegistryNamed;
import org.molscreen.engine.evaluate.Metric;
import org.molscreen.engine.model.Descriptor;
import org.molscreen.engine.model.ModelKind;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.split.SplitKind;

/**
 * The names model cards, the CLI and the API use for the engine's enums: pinned here, since a changed name
 * makes cards already written unreadable, and read back through each enum's {@code fromName}.
 */
class RegistryNamesTest {

    @Test
    void registryNamesAreThoseCardsAlreadyHold() {
        assertThat(RegistryNamed.names(ModelKind.class)).containsExactly("regression", "classification", "multitask_classification");
        assertThat(RegistryNamed.names(Metric.class)).containsExactly("roc_auc", "pr_auc", "rmse", "mae", "r2", "spearman");
        assertThat(RegistryNamed.names(SplitKind.class)).containsExactly("random", "scaffold", "column");
        assertThat(RegistryNamed.names(HitFilter.class)).containsExactly("ro5", "veber", "pains");
        assertThat(RegistryNamed.names(Descriptor.class)).containsExactly("mw", "exact_mass", "clogp", "tpsa", "hbd", "hba",
                "rotb", "heavy_atoms", "rings", "aromatic_rings", "fsp3", "formal_charge", "qed");
    }

    @Test
    void everyNameReadsBackToItsConstant() {
        for (ModelKind kind : ModelKind.values()) {
            assertThat(ModelKind.fromName(kind.registryName().toUpperCase())).isEqualTo(kind);
        }
        for (Descriptor descriptor : Descriptor.values()) {
            assertThat(Descriptor.fromName(descriptor.registryName())).isEqualTo(descriptor);
        }
        for (HitFilter filter : HitFilter.values()) {
            assertThat(HitFilter.fromName(" " + filter.registryName() + " ")).isEqualTo(filter);
        }
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        assertThatThrownBy(() -> ModelKind.fromName("ranking"))
                .hasMessage("unknown model kind 'ranking'; expected regression, classification or multitask_classification");
        assertThatThrownBy(() -> HitFilter.fromName("lead-like")).hasMessage("unknown filter 'lead-like'; expected ro5, veber or pains");
        assertThatThrownBy(() -> Descriptor.fromName("logp")).hasMessageContaining("unknown descriptor 'logp'")
                .hasMessageContaining("clogp").hasMessageContaining("qed");
        assertThatThrownBy(() -> Metric.fromName("auc")).hasMessageContaining("roc_auc, pr_auc, rmse, mae, r2 or spearman");
        assertThat(List.of(SplitKind.values())).allSatisfy(k -> assertThat(SplitKind.fromName(k.registryName())).isEqualTo(k));
    }
}
