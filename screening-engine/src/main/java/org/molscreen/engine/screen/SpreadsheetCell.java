package org.molscreen.engine.screen;

import java.util.regex.Pattern;

/**
 * A CSV cell as a spreadsheet will read it. A text cell starting with {@code = + - @} (or a tab or carriage
 * return) is taken for a formula by Excel, LibreOffice and Sheets; a compound id such as
 * {@code =HYPERLINK(...)} in an uploaded library would then run in the chemist's spreadsheet. Such a cell
 * gets a leading {@code '}, which the spreadsheet shows as text; numbers (a negative score) are left alone.
 */
final class SpreadsheetCell {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCell() {
    }

    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaLike && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
