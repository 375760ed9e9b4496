package org.molscreen.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DepictionServiceTest {

    @Test
    void aDrawingPastItsTimeBoxIsRefusedWith422AndTheCallerIsFreed() {
        try (DepictionService depictions = new DepictionService(1_000, Duration.ofMillis(100))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> depictions.within(() -> {
                Thread.sleep(10_000); // as a layout that does not end
                return "<svg/>";
            })).isInstanceOfSatisfying(RequestRefused.class, refused -> {
                assertThat(refused.reason()).isEqualTo(RequestRefused.Reason.UNPROCESSABLE);
                assertThat(refused.getMessage()).contains("longer than 100 ms");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(depictions.svg("c1ccccc1O")).contains("<svg");
        }
    }

    @Test
    void theCacheIsBoundedByCharactersNotEntries() {
        try (DepictionService depictions = new DepictionService(1_000, Duration.ofSeconds(10), 20_000)) {
            String[] molecules = {"CCO", "c1ccccc1", "CC(=O)Oc1ccccc1C(=O)O", "CN1C=NC2=C1C(=O)N(C(=O)N2C)C", "CCN(CC)CC",
                "OC(=O)CCC(=O)O", "c1ccc2ccccc2c1", "CC(C)Cc1ccc(cc1)C(C)C(=O)O", "C1CCCCC1", "NCCc1ccc(O)c(O)c1"};
            for (String smiles : molecules) {
                depictions.svg(smiles);
                assertThat(depictions.cachedChars()).isLessThanOrEqualTo(20_000);
            }
            assertThat(depictions.cachedChars()).isPositive();
        }
    }
}
