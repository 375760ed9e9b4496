package org.molscreen.chem.depict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.molscreen.chem.InvalidRecordException;

class StructureDepicterTest {

    private final StructureDepicter depicter = StructureDepicter.standard();

    @Test
    void drawsAnSvgDocumentInPixels() {
        String svg = depicter.svg("CC(=O)Oc1ccccc1C(=O)O");
        assertThat(svg).contains("<svg").contains("</svg>").contains("width='250.0px'").contains("height='200.0px'");
        // CDK draws each labelled atom as a group of glyph paths: aspirin's four oxygens, and no carbon
        assertThat(svg.split("class='atom'", -1).length - 1).as("the four oxygens are labelled").isEqualTo(4);
        assertThat(svg).as("in oxygen's red").contains("#FF0D0D");
        String cyclohexane = depicter.svg("C1CCCCC1");
        assertThat(cyclohexane).as("carbons carry no label").doesNotContain("class='atom'");
        assertThat(cyclohexane.split("class='bond'", -1).length - 1).as("six bonds drawn").isEqualTo(6);
    }

    @Test
    void badInputIsAnInvalidRecordNotACrash() {
        assertThatThrownBy(() -> depicter.svg("C1CC")).isInstanceOf(InvalidRecordException.class).hasMessageContaining("smiles");
        assertThatThrownBy(() -> depicter.svg(" ")).isInstanceOf(InvalidRecordException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> depicter.svg("C".repeat(StructureDepicter.MAX_SMILES_LENGTH + 1)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> new StructureDepicter(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
