package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.molscreen.engine.screen.TestMolecules.molecule;

import org.junit.jupiter.api.Test;
import org.molscreen.chem.featurize.FeaturizedMolecule;

/** Each filter passes drug-like compounds and rejects the others with a reason that shows the numbers. */
class HitFilterTest {

    /** A long fatty acid: MW over 500 and cLogP over 5 (two Lipinski violations) and over 10 rotatable bonds. */
    private static final String C40_ACID = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC(=O)O";
    /** 5-benzylidene rhodanine, the textbook PAINS (ene_rhod). */
    private static final String BENZYLIDENE_RHODANINE = "S=C1SC(=Cc2ccccc2)C(=O)N1";

    @Test
    void aspirinPassesEveryFilter() {
        FeaturizedMolecule aspirin = molecule("aspirin", TestMolecules.ASPIRIN);
        for (HitFilter filter : HitFilter.values()) {
            assertThat(filter.reject(aspirin)).as(filter.registryName()).isEmpty();
        }
    }

    @Test
    void ruleOfFiveRejectsTwoViolationsAndSaysWhich() {
        FeaturizedMolecule acid = molecule("acid", C40_ACID);
        assertThat(acid.descriptors().ruleOfFiveViolations()).isGreaterThanOrEqualTo(2);
        assertThat(HitFilter.RO5.reject(acid)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("ro5: " + acid.descriptors().ruleOfFiveViolations() + " violations (MW ")
                .contains("cLogP").contains("HBD 1"));
    }

    @Test
    void veberRejectsFlexibleMolecules() {
        FeaturizedMolecule acid = molecule("acid", C40_ACID);
        assertThat(HitFilter.VEBER.reject(acid)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("veber: " + acid.descriptors().rotb() + " rotatable bonds, TPSA "));
        assertThat(HitFilter.VEBER.reject(molecule("caffeine", TestMolecules.CAFFEINE))).isEmpty();
    }

    @Test
    void painsRejectsAnAlertAndNamesIt() {
        FeaturizedMolecule rhodanine = molecule("rhodanine", BENZYLIDENE_RHODANINE);
        assertThat(rhodanine.alerts()).isNotEmpty();
        assertThat(HitFilter.PAINS.reject(rhodanine)).hasValue("pains: " + String.join(";", rhodanine.alerts()));
        // the alert is a PAINS matter only: the compound is small and rigid
        assertThat(HitFilter.RO5.reject(rhodanine)).isEmpty();
        assertThat(HitFilter.VEBER.reject(rhodanine)).isEmpty();
    }
}
