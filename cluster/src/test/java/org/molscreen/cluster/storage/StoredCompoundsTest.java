package org.molscreen.cluster.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;

/** A stored compound keeps everything a model reads, counts included; compounds stored before counts still read. */
class StoredCompoundsTest {

    @Test
    void aFeaturisedCompoundRoundTripsWithItsCounts() {
        FeaturizedMolecule gefitinib = (FeaturizedMolecule) new Featurizer(FeaturizerOptions.defaults()).featurize(
                new RawRecord(new RecordLocation("lib.smi", 7, 9), "gefitinib", Notation.SMILES,
                        "COc1cc2ncnc(Nc3ccc(F)c(Cl)c3)c2cc1OCCCN1CCOCC1", null));
        assertThat(gefitinib.counts()).isNotNull();
        assertThat(gefitinib.counts().size()).isEqualTo(gefitinib.fingerprint().cardinality());

        FeaturizedMolecule read = (FeaturizedMolecule) StoredCompounds.decode(StoredCompounds.encode(gefitinib), "lib.smi");

        assertThat(read).isEqualTo(gefitinib);
        assertThat(read.counts()).isEqualTo(gefitinib.counts());
    }

    /** Format 3: a SMILES record featurised in part keeps its fingerprint, counts, own text and standardisation. */
    @Test
    void aCompoundFeaturisedInPartRoundTripsWithItsRecord() {
        RawRecord record = new RawRecord(new RecordLocation("lib.smi", 12, 14), "géfitinib 2", Notation.SMILES,
                "COc1cc2ncnc(Nc3ccc(F)c(Cl)c3)c2cc1OCCCN1CCOCC1.Cl", null);
        for (boolean standardize : new boolean[] {true, false}) {
            PartialMolecule inPart = (PartialMolecule) new Featurizer(
                    new FeaturizerOptions(FingerprintSpec.ecfp4(), standardize), new FeatureSelection(false, false, false)).featurize(record);

            byte[] stored = StoredCompounds.encode(inPart, standardize);
            PartialMolecule read = (PartialMolecule) StoredCompounds.decode(stored, "lib.smi");

            assertThat(StoredCompounds.partial(stored)).isTrue();
            assertThat(StoredCompounds.standardized(stored)).isEqualTo(standardize);
            assertThat(read).isEqualTo(inPart);
            assertThat(read.features().counts()).isEqualTo(inPart.features().counts()).isNotNull();
            assertThat(read.features().descriptors()).isEqualTo(MolecularDescriptors.NOT_COMPUTED);
            assertThat(read.source().text()).isEqualTo(record.text());
            assertThat(stored.length).as("smaller than the whole compound").isLessThan(StoredCompounds.encode(
                    (FeaturizedMolecule) new Featurizer(FeaturizerOptions.defaults()).featurize(record)).length);
        }
        assertThat(StoredCompounds.partial(StoredCompounds.encode((FeaturizedMolecule) new Featurizer(FeaturizerOptions.defaults())
                .featurize(record)))).isFalse();
        RawRecord molfile = new RawRecord(record.location(), "m", Notation.MOLFILE, "\n  x\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n", null);
        PartialMolecule notSmiles = new PartialMolecule(((PartialMolecule) new Featurizer(FeaturizerOptions.defaults(),
                new FeatureSelection(false, false, false)).featurize(record)).features(), molfile);
        assertThatThrownBy(() -> StoredCompounds.encode(notSmiles, true)).hasMessageContaining("only a SMILES record");
    }

    /** Format 1, as releases 0.1.0 and 0.2.0 wrote it (byte for byte the old encoder): read, without counts. */
    @Test
    void aCompoundOfFormatOneReadsWithoutCounts() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(3);
            out.writeLong(4);
            out.writeUTF("aspirin");
            out.writeUTF("CC(=O)Oc1ccccc1C(=O)O");
            out.writeShort(2048);
            out.writeShort(2);
            out.writeShort(67);
            out.writeShort(2047);
            for (double d : new double[] {180.16, 180.04, 1.31, 63.6}) {
                out.writeDouble(d);
            }
            for (int n : new int[] {1, 4, 3, 13, 1, 1}) {
                out.writeShort(n);
            }
            out.writeDouble(0.11);
            out.writeShort(0);
            out.writeDouble(0.55);
            out.writeShort(0);
        }

        FeaturizedMolecule read = (FeaturizedMolecule) StoredCompounds.decode(bytes.toByteArray(), "old.smi");

        assertThat(read.id()).isEqualTo("aspirin");
        assertThat(read.fingerprint().onBits()).containsExactly(67, 2047);
        assertThat(read.counts()).isNull();
        assertThat(read.descriptors()).isEqualTo(new MolecularDescriptors(180.16, 180.04, 1.31, 63.6, 1, 4, 3, 13, 1, 1, 0.11, 0, 0.55));
        assertThat(read.location()).isEqualTo(new RecordLocation("old.smi", 3, 4));
    }
}
