package org.molscreen.engine.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.chem.io.StructureParser;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Murcko frameworks against RDKit 2022.09.3's {@code MurckoScaffold.MurckoScaffoldSmiles(smiles)} (the right-hand
 * column was printed by RDKit, not by molscreen). SMILES strings differ between toolkits, so each RDKit scaffold is
 * read back and must give the same key as the whole molecule: a framework is its own framework.
 */
class MurckoScaffoldTest {

    private final StructureParser parser = new StructureParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "O=C1CCCN1Cc1ccccc1 O=C1CCCN1Cc1ccccc1",                                  // lactam oxygen stays (CDK's MurckoFragmenter drops it)
        "CC(=O)Nc1ccccc1C(=O)c1ccccc1 O=C(c1ccccc1)c1ccccc1",                     // linker carbonyl stays, acetamide side chain goes
        "O=S(=O)(c1ccccc1)c1ccccc1 O=S(=O)(c1ccccc1)c1ccccc1",                   // sulfonyl keeps both oxygens
        "C=C(c1ccccc1)c1ccccc1 C=C(c1ccccc1)c1ccccc1",                           // exocyclic C=C on a linker
        "CON=C1CCCC1c1ccccc1 N=C1CCCC1c1ccccc1",                                 // oxime: N stays, gains H for the lost O
        "O=c1cc(C)cc[nH]1 O=c1cccc[nH]1",                                         // pyridone
        "Cn1ccnc1 c1c[nH]cn1",                                                    // N-methyl becomes N-H
        "C[n+]1ccccc1 c1cc[nH+]cc1",
        "[O-][n+]1ccccc1 c1cc[nH+]cc1",
        "C[N+](C)(C)c1ccccc1 c1ccccc1",
        "N#Cc1ccccc1 c1ccccc1",
        "Cc1c[nH]c2ccccc12 c1ccc2[nH]ccc2c1",
        "C[C@H](N)c1ccccc1 c1ccccc1",                                             // stereo dropped
        "C[C@H]1CC[C@@H](C)N1Cc1ccccc1 c1ccc(CN2CCCC2)cc1",
        "[2H]c1ccccc1C c1ccccc1",                                                 // isotopes dropped
        "CC(C)(C)c1ccc(cc1)C(=O)N1CCN(CC1)c1ncccn1 O=C(c1ccccc1)N1CCN(c2ncccn2)CC1",
        "c1ccc2ccccc2c1CCCc1ccc(cc1)-c1ccccc1 c1ccc(-c2ccc(CCCc3cccc4ccccc34)cc2)cc1",
        "c1ccccc1.Cl c1ccccc1",                                                   // isolated counter-ion disappears
        "C1CC1.c1ccccc1 C1CC1.c1ccccc1",                                          // two ring fragments stay two
    })
    void frameworkMatchesRdkit(String molecule, String rdkitScaffold) {
        String key = MurckoScaffold.key(parser.parseSmiles(molecule));
        assertThat(key).isNotEmpty().isEqualTo(MurckoScaffold.key(parser.parseSmiles(rdkitScaffold)));
    }

    @Test
    void canonicalKeysForSimpleFrameworks() {
        assertThat(MurckoScaffold.key(parser.parseSmiles("Cc1ccccc1O"))).isEqualTo("c1ccccc1");
        assertThat(MurckoScaffold.key(parser.parseSmiles("c1ccccc1CCc1ccccc1"))).isEqualTo("c1ccc(cc1)CCc2ccccc2");
    }

    @Test
    void acyclicMoleculesShareTheEmptyScaffold() {
        assertThat(MurckoScaffold.key(parser.parseSmiles("CCCC"))).isEqualTo(MurckoScaffold.ACYCLIC).isEmpty();
        assertThat(MurckoScaffold.key(parser.parseSmiles("OC(=O)CCN"))).isEmpty();
        assertThat(MurckoScaffold.key(parser.parseSmiles("[Na+].[Cl-]"))).isEmpty();
        assertThat(MurckoScaffold.framework(parser.parseSmiles("CC=O")).isEmpty()).isTrue();
    }

    @Test
    void kekuleAndAromaticInputGiveOneKey() {
        assertThat(MurckoScaffold.key(parser.parseSmiles("CC1=CC=CC=C1")))
                .isEqualTo(MurckoScaffold.key(parser.parseSmiles("Cc1ccccc1")))
                .isEqualTo("c1ccccc1");
        assertThat(MurckoScaffold.key(parser.parseSmiles("CN1C=CN=C1")))
                .isEqualTo(MurckoScaffold.key(parser.parseSmiles("Cn1ccnc1")));
    }

    @Test
    void theInputKeepsItsAtoms() {
        IAtomContainer molecule = parser.parseSmiles("CC(=O)Nc1ccccc1");
        IAtomContainer framework = MurckoScaffold.framework(molecule);
        assertThat(framework.getAtomCount()).isEqualTo(6);
        assertThat(molecule.getAtomCount()).isEqualTo(10);
        assertThat(molecule.getAtom(4).getImplicitHydrogenCount()).as("ring atom bearing N keeps zero H in the input").isZero();
    }

    @Test
    void aBadSmilesNamesItsRow() {
        assertThatThrownBy(() -> MurckoScaffold.keys(List.of("c1ccccc1", "CC", "C1CC(")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 3 (index 2)")
                .hasMessageContaining("C1CC(");
    }
}
