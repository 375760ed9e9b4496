package org.molscreen.chem.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Standardizer;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Counted circular fingerprints: the same bits as the bit fingerprint, and the counts RDKit's count Morgan
 * fingerprint gives (its multiset of counts per molecule, printed by
 * {@code AllChem.GetMorganFingerprint(mol, 2).GetNonzeroElements()}; the bit positions differ by toolkit).
 */
class FingerprintCountsTest {

    private final Standardizer standardizer = new Standardizer();
    private final StructureParser parser = new StructureParser();

    private IAtomContainer mol(String smiles) {
        return standardizer.standardize(parser.parseSmiles(smiles));
    }

    @Test
    void countsAreRdkitsForSimpleMolecules() {
        Fingerprinter ecfp4 = new Fingerprinter(FingerprintSpec.ecfp4());
        assertThat(sortedCounts(ecfp4.computeCounted(mol("c1ccccc1")))).containsExactly(6, 6, 6);
        assertThat(sortedCounts(ecfp4.computeCounted(mol("CCCCCC")))).containsExactly(2, 2, 2, 2, 2, 2, 4);
        assertThat(sortedCounts(ecfp4.computeCounted(mol("CCCCCCCCCC")))).containsExactly(2, 2, 2, 2, 2, 4, 6, 8);
    }

    @Test
    void countedBitsAreTheBitFingerprint() {
        List<String> smiles = List.of("CC(=O)Oc1ccccc1C(=O)O", "CCN(CC)CCCC(C)Nc1ccnc2cc(Cl)ccc12",
                "COc1cc2ncnc(Nc3ccc(F)c(Cl)c3)c2cc1OCCCN1CCOCC1", "C[N+](C)(C)CC(=O)[O-]", "O=C(O)C1=CC=CC=C1",
                "c1ccc2c(c1)ccc1ccccc12", "C1CC2CCC1C2", "FC(F)(F)c1ccc(cc1)S(=O)(=O)N", "[Na+].[Cl-]", "C");
        for (FingerprintSpec spec : List.of(FingerprintSpec.ecfp4(), FingerprintSpec.parse("ecfp6_1024"),
                FingerprintSpec.parse("fcfp4_4096"))) {
            Fingerprinter fingerprinter = new Fingerprinter(spec);
            for (String s : smiles) {
                CountedFingerprint counted = fingerprinter.computeCounted(mol(s));
                assertThat(counted.fingerprint()).as(spec + " " + s).isEqualTo(fingerprinter.compute(mol(s)));
                assertThat(counted.counts().size()).isEqualTo(counted.fingerprint().cardinality());
            }
        }
    }

    @Test
    void maccsKeysHaveNoCounts() {
        CountedFingerprint maccs = new Fingerprinter(FingerprintSpec.parse("maccs_166")).computeCounted(mol("CCO"));
        assertThat(maccs.counts()).isNull();
        assertThat(maccs.fingerprint().cardinality()).isPositive();
    }

    @Test
    void countsAreCappedAndLogScaled() {
        FingerprintCounts counts = FingerprintCounts.of(new int[] {1, 3, 255, 1000});
        assertThat(counts.count(0)).isEqualTo(1);
        assertThat(counts.count(2)).isEqualTo(255);
        assertThat(counts.count(3)).isEqualTo(255);
        assertThat(counts.logCount(1)).isCloseTo((float) Math.log(4), within(1e-6f));
        assertThat(counts).isEqualTo(FingerprintCounts.of(new int[] {1, 3, 255, 255}));
        assertThatThrownBy(() -> FingerprintCounts.of(new int[] {1, 0})).hasMessageContaining("count of 0");
        assertThatThrownBy(() -> new CountedFingerprint(Fingerprint.ofOnBits(2048, 1, 2), FingerprintCounts.of(new int[] {1})))
                .hasMessageContaining("2 set bits but 1 counts");
    }

    private static int[] sortedCounts(CountedFingerprint counted) {
        int[] counts = new int[counted.counts().size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = counted.counts().count(i);
        }
        Arrays.sort(counts);
        return counts;
    }
}
