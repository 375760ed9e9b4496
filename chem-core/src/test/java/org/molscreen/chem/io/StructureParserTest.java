package org.molscreen.chem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.molscreen.chem.InvalidRecordException;

class StructureParserTest {

    private final StructureParser parser = new StructureParser();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "c1ccccc1C(C|Unclosed branch",
        "C1CCCCC|Unclosed ring",
        "[Xx]CC|atom 1 'Xx' is not a chemical element",
        "*CC|atom 1 '*' is not a chemical element",
        "c1cccc1|valid kekulé structure could not be assigned",
        "C%|invalid SMILES 'C%'",
    })
    void badSmilesNameTheProblemInOneLine(String smiles, String expected) {
        assertThatThrownBy(() -> parser.parseSmiles(smiles))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo("smiles");
                    assertThat(e.reason()).containsIgnoringCase(expected).doesNotContain("\n").doesNotEndWith(":");
                });
    }

    @org.junit.jupiter.api.Test
    void goodSmilesParses() {
        assertThat(parser.parseSmiles("CC(=O)Oc1ccccc1C(=O)O").getAtomCount()).isEqualTo(13);
    }
}
