package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

    @Test
    void formulaLikeTextIsQuotedAndNumbersAreNot() {
        assertThat(SpreadsheetCell.neutralised("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetCell.neutralised("+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(SpreadsheetCell.neutralised("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCell.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCell.neutralised("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCell.neutralised("-1.2345")).isEqualTo("-1.2345");
        assertThat(SpreadsheetCell.neutralised("+3")).isEqualTo("+3");
        assertThat(SpreadsheetCell.neutralised("-1e-3")).isEqualTo("-1e-3");
        assertThat(SpreadsheetCell.neutralised("CHEMBL25")).isEqualTo("CHEMBL25");
        assertThat(SpreadsheetCell.neutralised("CC(=O)O")).isEqualTo("CC(=O)O");
        assertThat(SpreadsheetCell.neutralised("")).isEmpty();
    }
}
