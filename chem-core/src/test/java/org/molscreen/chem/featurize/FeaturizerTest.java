package org.molscreen.chem.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.RecordLocation;

class FeaturizerTest {

    @TempDir
    Path dir;

    private static RawRecord smiles(String text) {
        return new RawRecord(new RecordLocation("test.smi", 1, 1), "x", Notation.SMILES, text, null);
    }

    @Test
    void aspirinHasItsTextbookValues() {
        FeaturizedMolecule aspirin = (FeaturizedMolecule) new Featurizer(FeaturizerOptions.defaults())
                .featurize(smiles("CC(=O)Oc1ccccc1C(=O)O"));
        var d = aspirin.descriptors();
        assertThat(d.mw()).isCloseTo(180.159, within(0.01));
        assertThat(d.exactMass()).isCloseTo(180.0423, within(0.001));
        assertThat(d.tpsa()).isCloseTo(63.6, within(0.01));
        assertThat(d.hbd()).isEqualTo(1);
        assertThat(d.hba()).isEqualTo(4);
        assertThat(d.rotb()).isEqualTo(2);
        assertThat(d.heavyAtoms()).isEqualTo(13);
        assertThat(d.rings()).isEqualTo(1);
        assertThat(d.aromaticRings()).isEqualTo(1);
        assertThat(d.fsp3()).isCloseTo(1.0 / 9.0, within(1e-9));
        assertThat(d.formalCharge()).isZero();
        assertThat(d.clogp()).isCloseTo(1.31, within(0.01)); // RDKit MolLogP 1.3101
        assertThat(d.qed()).isCloseTo(0.55, within(0.01)); // RDKit QED 0.5501
        assertThat(d.ruleOfFiveViolations()).isZero();
        assertThat(d.veberPass()).isTrue();
        assertThat(aspirin.alerts()).isEmpty();
        assertThat(aspirin.fingerprint().bits()).isEqualTo(2048);
    }

    @Test
    void ruleOfFiveCountsEachViolation() {
        // cyclosporin-like bulk: a long lipophilic peptide breaks MW, logP and HBA at once
        FeaturizedMolecule big = (FeaturizedMolecule) new Featurizer(FeaturizerOptions.defaults())
                .featurize(smiles("CCCCCCCCCCCCCCCCCC(=O)NC(CC(C)C)C(=O)NC(CC(C)C)C(=O)NC(CC(C)C)C(=O)NC(CCCCCCCCCC)C(=O)OCCCCCCCCCC"));
        assertThat(big.descriptors().mw()).isGreaterThan(500);
        assertThat(big.descriptors().clogp()).isGreaterThan(5);
        assertThat(big.descriptors().ruleOfFiveViolations()).isGreaterThanOrEqualTo(2);
        assertThat(big.descriptors().veberPass()).isFalse();
    }

    @Test
    void badChemistryBecomesARejectedRecordWithItsLocation() {
        FeaturizedRecord result = new Featurizer(FeaturizerOptions.defaults()).featurize(
                new RawRecord(new RecordLocation("lib.smi", 7, 9), "broken", Notation.SMILES, "C1CC(", null));
        assertThat(result).isInstanceOf(RejectedRecord.class);
        assertThat(((RejectedRecord) result).error().message()).startsWith("lib.smi line 9 (record 7), id broken, field smiles:");
    }

    @Test
    void featurisationDoesNotDependOnHowTheRecordWasWritten() {
        Featurizer featurizer = new Featurizer(FeaturizerOptions.defaults());
        FeaturizedMolecule salt = (FeaturizedMolecule) featurizer.featurize(smiles("[Na+].[O-]C(=O)C1=CC=CC=C1"));
        FeaturizedMolecule acid = (FeaturizedMolecule) featurizer.featurize(smiles("OC(=O)c1ccccc1"));
        assertThat(salt.smiles()).isEqualTo(acid.smiles());
        assertThat(salt.fingerprint()).isEqualTo(acid.fingerprint());
        assertThat(salt.descriptors()).isEqualTo(acid.descriptors());
    }

    @Test
    void libraryRunKeepsOrderAndCountsErrorsAndTheTableHasOneRowPerRecord() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            text.append(i % 97 == 0 ? "C1CC" : "CC(=O)N" + "C".repeat(i % 5)).append(" m").append(i).append('\n');
        }
        Path file = dir.resolve("lib.smi");
        Files.writeString(file, text);
        List<String> ids = new ArrayList<>();
        StringWriter csv = new StringWriter();
        FeaturizationSummary summary;
        try (LibraryReader reader = LibraryReader.open(file, ReadOptions.defaults());
             FeatureTableWriter table = new FeatureTableWriter(csv, FingerprintSpec.ecfp4())) {
            summary = new LibraryFeaturizer(FeaturizerOptions.defaults(), 3).run(reader, record -> {
                ids.add(record.id());
                table.write(record);
            }, done -> { });
        }
        assertThat(summary.records()).isEqualTo(1_000);
        assertThat(summary.errors()).isEqualTo(11);
        assertThat(ids).hasSize(1_000).startsWith("m0", "m1", "m2").endsWith("m999");
        assertThat(csv.toString().lines()).hasSize(1_001);
    }
}
