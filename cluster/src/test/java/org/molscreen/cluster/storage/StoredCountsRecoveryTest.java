package org.molscreen.cluster.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.testsupport.ReferenceData;

/**
 * Counts recovered from the stored SMILES of a compound stored without them are the counts the featuriser
 * gives, on real libraries: NCI's first 5,000 (Debian's rdkit-data) and 20,000 MOSES compounds (../shared).
 */
class StoredCountsRecoveryTest {

    @Test
    void countsRecoveredFromStoredSmilesAreTheFeaturisersOnNci() throws IOException {
        check(ReferenceData.rdkitData("NCI/first_5K.smi"), 5_000, FeaturizerOptions.defaults());
    }

    @Test
    void countsRecoveredFromStoredSmilesAreTheFeaturisersOnMosesUnstandardisedToo() throws IOException {
        Path moses = ReferenceData.sharedDataset("screening_library_moses.smi.gz");
        check(moses, 20_000, FeaturizerOptions.defaults());
        check(moses, 2_000, new FeaturizerOptions(FingerprintSpec.parse("ecfp6_1024"), false));
    }

    @Test
    void aStoredFingerprintThatNoLongerMatchesIsReadWithCountsOfOneAndCounted() {
        FeaturizedMolecule stored = new FeaturizedMolecule(new org.molscreen.chem.io.RecordLocation("x.smi", 1, 1), "m1",
                "CCO", Fingerprint.ofOnBits(2048, 5, 9), null,
                new org.molscreen.chem.descriptor.MolecularDescriptors(46, 46, -0.0014, 20.2, 1, 1, 0, 3, 0, 0, 1, 0, 0.4), java.util.List.of());
        StoredCountsRecovery recovery = new StoredCountsRecovery(FingerprintSpec.ecfp4());
        FeaturizedMolecule read = recovery.withCounts(stored);
        assertThat(read.counts().size()).isEqualTo(2);
        assertThat(read.counts().count(0)).isEqualTo(1);
        assertThat(read.counts().count(1)).isEqualTo(1);
        assertThat(recovery.approximated()).isEqualTo(1);
        assertThat(recovery.recovered()).isZero();
    }

    private static void check(Path library, int limit, FeaturizerOptions options) throws IOException {
        Featurizer featurizer = new Featurizer(options);
        StoredCountsRecovery recovery = new StoredCountsRecovery(options.fingerprint());
        int compared = 0;
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            while (reader.hasNext() && compared < limit) {
                if (reader.next() instanceof RawRecord raw && featurizer.featurize(raw) instanceof FeaturizedMolecule fresh) {
                    FeaturizedMolecule formatOne = (FeaturizedMolecule) StoredCompounds.decode(withoutCounts(fresh), "lib");
                    assertThat(formatOne.counts()).isNull();
                    FeaturizedMolecule recovered = recovery.withCounts(formatOne);
                    assertThat(recovered.counts()).as("%s %s", fresh.id(), fresh.smiles()).isEqualTo(fresh.counts());
                    compared++;
                }
            }
        }
        System.out.printf("counts recovered from stored SMILES, %s %s: %d of %d exact, %d read as bits%n", library.getFileName(),
                options.fingerprint(), recovery.recovered(), compared, recovery.approximated());
        assertThat(compared).isGreaterThan(limit / 2);
        assertThat(recovery.approximated()).isZero();
    }

    /** The compound as release 0.2.0 stored it: format 1, no counts. */
    private static byte[] withoutCounts(FeaturizedMolecule molecule) {
        byte[] current = StoredCompounds.encode(molecule);
        FeaturizedMolecule bare = new FeaturizedMolecule(molecule.location(), molecule.id(), molecule.smiles(),
                molecule.fingerprint(), null, molecule.descriptors(), molecule.alerts());
        byte[] bytes = StoredCompounds.encode(bare);
        // format 2 without counts is format 1 plus a zero flag byte after the bits: drop it and mark format 1
        int flagAt = 1 + 8 + 8 + utfLength(molecule.id()) + utfLength(molecule.smiles()) + 2 + 2
                + 2 * molecule.fingerprint().cardinality();
        assertThat(bytes[flagAt]).isZero();
        assertThat(current.length).isGreaterThan(bytes.length);
        byte[] old = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, old, 0, flagAt);
        System.arraycopy(bytes, flagAt + 1, old, flagAt, bytes.length - flagAt - 1);
        old[0] = 1;
        return old;
    }

    private static int utfLength(String s) {
        return 2 + s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
