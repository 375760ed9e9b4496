package org.molscreen.chem.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.molscreen.chem.io.StructureParser;

class StandardizerTest {

    private final StructureParser parser = new StructureParser();
    private final Standardizer standardizer = new Standardizer();

    private String standardized(String smiles) {
        return standardizer.canonicalSmiles(standardizer.standardize(parser.parseSmiles(smiles)));
    }

    private String canonical(String smiles) {
        return standardizer.canonicalSmiles(standardizer.asGiven(parser.parseSmiles(smiles)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        // salts and solvents go, the parent stays; carboxylates, ammoniums, phenolates are neutralised
        "CC(=O)[O-].[Na+] CC(=O)O",
        "[Na+].CC(=O)[O-] CC(=O)O",
        "C[NH3+].[Cl-] CN",
        "O.O.CCO CCO",
        "[O-]c1ccccc1.[K+] Oc1ccccc1",
        "CC[NH+](CC)CC.OC(=O)C(F)(F)F CCN(CC)CC",
        // charge-separated groups without a neutral form stay as written
        "C[N+](=O)[O-] C[N+](=O)[O-]",
        "C[N+](C)(C)C.[Cl-] C[N+](C)(C)C",
        // a betaine stays a zwitterion: its quaternary nitrogen cannot lose a proton
        "C[N+](C)(C)CC(=O)[O-] C[N+](C)(C)CC(=O)[O-]",
        // a salt of two organic ions keeps the larger
        "CCCCCCCCCCCCCCCC[n+]1ccccc1.[O-]C(=O)C CCCCCCCCCCCCCCCC[n+]1ccccc1",
    })
    void standardisationRules(String input, String expectedSmiles) {
        assertThat(standardized(input)).isEqualTo(canonical(expectedSmiles));
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = ' ', value = {
        "C1=CC=CC=C1 c1ccccc1",
        "OC(=O)c1ccccc1 c1ccc(cc1)C(O)=O",
        "N1C=CC=C1 c1cc[nH]c1",
        "CCO.CCN CCN.CCO",
        "[H]C([H])([H])O CO",
    })
    void sameCompoundWrittenDifferentlyGivesOneCanonicalSmiles(String one, String other) {
        assertThat(standardized(one)).isEqualTo(standardized(other));
    }

    @org.junit.jupiter.api.Test
    void fragmentChoiceDoesNotDependOnOrder() {
        // ethylamine has more atoms with hydrogens (10 vs 9): it wins whichever comes first
        assertThat(standardized("CCO.CCN")).isEqualTo(canonical("CCN"));
        assertThat(standardized("CCN.CCO")).isEqualTo(canonical("CCN"));
        // methanol vs methanethiol: same atom count; the heavier (CH3SH 48.1) wins either way
        assertThat(standardized("CO.CS")).isEqualTo(canonical("CS"));
        assertThat(standardized("CS.CO")).isEqualTo(canonical("CS"));
    }

    @org.junit.jupiter.api.Test
    void inorganicRecordKeepsItsLargestFragment() {
        assertThat(standardized("[Na+].[Cl-]")).isIn("[Na+]", "[Cl-]");
        assertThat(standardized("O=S(=O)([O-])[O-].[Na+].[Na+]")).isEqualTo(canonical("OS(O)(=O)=O"));
    }

    @org.junit.jupiter.api.Test
    void noStandardizeKeepsSaltsAndCharges() {
        assertThat(canonical("CC(=O)[O-].[Na+]")).contains(".").contains("[O-]");
    }

    @org.junit.jupiter.api.Test
    void stereoAndIsotopesSurvive() {
        assertThat(standardized("C[C@H](N)C(=O)O")).contains("@");
        assertThat(standardized("[13CH3]O")).contains("13C");
    }
}
