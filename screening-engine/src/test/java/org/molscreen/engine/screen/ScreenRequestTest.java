package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.molscreen.engine.model.ModelCard;
import org.molscreen.engine.model.ModelRegistry;

/** A screen as a user words it is checked against the real model cards and refused in words naming the field. */
class ScreenRequestTest {

    private static final ModelRegistry REGISTRY = ModelRegistry.open(null);

    private static ScreenSettings resolve(List<String> models, String rankBy, List<String> filters, String similarTo) {
        return new ScreenRequest(models, rankBy, 50, filters, 0.5, similarTo, 0.2, false).resolve(n -> REGISTRY.load(n).card());
    }

    @Test
    void rankByNamesAModelAndOptionallyItsEndpoint() {
        ModelCard tox21 = REGISTRY.load("tox21").card();
        String third = tox21.endpoints().get(2).name();
        ScreenSettings settings = resolve(List.of("egfr", "tox21"), "tox21:" + third, List.of(" RO5", "pains"), null);
        assertThat(settings.rankModel()).isEqualTo("tox21");
        assertThat(settings.rankEndpoint()).isEqualTo(2);
        assertThat(settings.filters()).isEqualTo(Set.of(HitFilter.RO5, HitFilter.PAINS));
        assertThat(settings.maxTox()).isEqualTo(0.5);
        ScreenSettings defaults = resolve(List.of("egfr", "tox21"), null, null, null);
        assertThat(defaults.rankModel()).isEqualTo("egfr");
        assertThat(defaults.rankEndpoint()).isZero();
        assertThat(defaults.filters()).isEmpty();
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ScreenField field) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(InvalidScreenException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void whatCannotBeScreenedIsRefusedNamingTheField() {
        refused(() -> resolve(List.of(), null, null, null), ScreenField.MODELS).hasMessageStartingWith("models:");
        refused(() -> resolve(List.of("herg", "herg"), null, null, null), ScreenField.MODELS).hasMessageContaining("named twice");
        refused(() -> resolve(List.of("herg"), "egfr", null, null), ScreenField.RANK_BY)
                .hasMessageContaining("rank by egfr").hasMessageContaining("not among the models [herg]");
        refused(() -> resolve(List.of("tox21"), "tox21:hERG", null, null), ScreenField.RANK_BY)
                .hasMessageContaining("no endpoint hERG").hasMessageContaining(REGISTRY.load("tox21").card().endpoints().get(0).name());
        refused(() -> resolve(List.of("herg"), null, List.of("lead-like"), null), ScreenField.FILTERS)
                .hasMessageContaining("unknown filter 'lead-like'").hasMessageContaining("ro5, veber or pains");
        refused(() -> resolve(List.of("herg"), null, null, " "), ScreenField.SIMILAR_TO).hasMessage("similar to: empty SMILES");
        refused(() -> resolve(List.of("herg"), null, null, "C1CC"), ScreenField.SIMILAR_TO).hasMessageStartingWith("similar to: ");
        refused(() -> new ScreenRequest(List.of("herg"), null, 0, null, null, null, 0, false)
                .resolve(n -> REGISTRY.load(n).card()), ScreenField.TOP).hasMessageContaining("top must be 1..");
        refused(() -> new ScreenRequest(List.of("herg"), null, 5, null, 1.5, null, 0, false)
                .resolve(n -> REGISTRY.load(n).card()), ScreenField.MAX_TOX).hasMessageContaining("max tox");
        refused(() -> new ScreenRequest(List.of("herg"), null, 5, null, null, "CCO", -0.1, false)
                .resolve(n -> REGISTRY.load(n).card()), ScreenField.MIN_SIMILARITY).hasMessageContaining("min similarity");
    }
}
