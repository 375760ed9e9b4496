package org.molscreen.chem.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Standardizer;

class FingerprintTest {

    @Test
    void tanimotoOfKnownBitSets() {
        Fingerprint a = Fingerprint.ofOnBits(2048, 1, 2, 3, 4);
        Fingerprint b = Fingerprint.ofOnBits(2048, 3, 4, 5, 6, 2047);
        assertThat(a.tanimoto(b)).isCloseTo(2.0 / 7.0, within(1e-12));
        assertThat(a.tanimoto(a)).isEqualTo(1.0);
        assertThat(a.tanimoto(Fingerprint.ofOnBits(2048, 100))).isEqualTo(0.0);
        assertThat(Fingerprint.ofOnBits(2048).tanimoto(Fingerprint.ofOnBits(2048))).isEqualTo(0.0);
        assertThat(b.tanimoto(a)).isEqualTo(a.tanimoto(b));
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        long[] words = new long[32];
        words[0] = 0b1011;
        Fingerprint fp = new Fingerprint(2048, words);
        words[0] = 0;
        assertThat(fp.cardinality()).isEqualTo(3);
        fp.words()[0] = 0;
        assertThat(fp.onBits()).containsExactly(0, 1, 3);
        assertThat(fp).isEqualTo(Fingerprint.ofOnBits(2048, 0, 1, 3)).hasSameHashCodeAs(Fingerprint.ofOnBits(2048, 3, 1, 0));
        BitSet set = new BitSet();
        set.set(3);
        set.set(165);
        assertThat(Fingerprint.of(166, set).onBits()).containsExactly(3, 165);
    }

    @Test
    void invalidFingerprintsAreRefused() {
        assertThatThrownBy(() -> new Fingerprint(2048, new long[31])).hasMessageContaining("needs 32 words");
        assertThatThrownBy(() -> new Fingerprint(166, new long[] {0, 0, 1L << 40})).hasMessageContaining("beyond 166");
        assertThatThrownBy(() -> Fingerprint.ofOnBits(1024, 1024)).hasMessageContaining("outside");
        assertThatThrownBy(() -> Fingerprint.ofOnBits(1024, 1).tanimoto(Fingerprint.ofOnBits(2048, 1)))
                .hasMessageContaining("1024-bit").hasMessageContaining("2048-bit");
    }

    @Test
    void specNamesRoundTrip() {
        assertThat(FingerprintSpec.parse("ecfp4_2048")).isEqualTo(FingerprintSpec.ecfp4());
        assertThat(FingerprintSpec.parse("fcfp4_1024").name()).isEqualTo("fcfp4_1024");
        assertThat(FingerprintSpec.of(FingerprintType.MACCS, 2048).name()).isEqualTo("maccs_166");
        assertThatThrownBy(() -> FingerprintSpec.parse("ecfp4_1000")).hasMessageContaining("1024, 2048 or 4096");
        assertThatThrownBy(() -> FingerprintSpec.parse("morgan_2048")).hasMessageContaining("unknown fingerprint");
    }

    private Fingerprint compute(FingerprintSpec spec, String smiles) {
        Standardizer standardizer = new Standardizer();
        return new Fingerprinter(spec).compute(standardizer.standardize(new StructureParser().parseSmiles(smiles)));
    }

    @Test
    void fingerprintsDependOnTheStructureNotOnHowItIsWritten() {
        for (FingerprintType type : FingerprintType.values()) {
            FingerprintSpec spec = FingerprintSpec.of(type, 2048);
            Fingerprint kekule = compute(spec, "OC(=O)C1=CC=CC=C1");
            Fingerprint aromatic = compute(spec, "c1ccc(cc1)C(O)=O");
            assertThat(kekule).as(spec.name()).isEqualTo(aromatic);
            assertThat(kekule.bits()).isEqualTo(type == FingerprintType.MACCS ? 166 : 2048);
            assertThat(kekule.cardinality()).as(spec.name()).isGreaterThan(3);
        }
    }

    @Test
    void similarMoleculesAreMoreSimilarThanUnrelatedOnes() {
        FingerprintSpec spec = FingerprintSpec.ecfp4();
        Fingerprint aspirin = compute(spec, "CC(=O)Oc1ccccc1C(=O)O");
        Fingerprint salicylicAcid = compute(spec, "Oc1ccccc1C(=O)O");
        Fingerprint hexane = compute(spec, "CCCCCC");
        assertThat(aspirin.tanimoto(salicylicAcid)).isGreaterThan(0.3).isGreaterThan(aspirin.tanimoto(hexane));
    }

    @Test
    void ecfp6SeesFurtherThanEcfp4AndFoldingKeepsBitsInRange() {
        Fingerprint ecfp4 = compute(FingerprintSpec.parse("ecfp4_4096"), "CCN(CC)CCOC(=O)c1ccc(N)cc1");
        Fingerprint ecfp6 = compute(FingerprintSpec.parse("ecfp6_4096"), "CCN(CC)CCOC(=O)c1ccc(N)cc1");
        assertThat(ecfp6.cardinality()).isGreaterThan(ecfp4.cardinality());
        assertThat(compute(FingerprintSpec.parse("ecfp4_1024"), "CCN(CC)CCOC(=O)c1ccc(N)cc1").onBits()).isNotEmpty().doesNotContain(java.util.stream.IntStream.range(1024, 2048).toArray());
    }
}
