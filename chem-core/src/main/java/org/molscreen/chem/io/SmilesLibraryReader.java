package org.molscreen.chem.io;

import java.io.IOException;

/**
 * {@code SMILES [id]} per line, separated by the first run of white space; the rest of the line, trimmed,
 * is the id (so names may contain spaces). Blank lines and lines starting with {@code #} are skipped, as is a
 * first line whose first word is {@code smiles} (a header). Without an id the record number is the id.
 */
final class SmilesLibraryReader extends LibraryReader {

    private long records;
    private boolean firstDataLine = true;

    SmilesLibraryReader(String source, LineSource lines, ReadOptions options) {
        super(source, lines, options);
    }

    @Override
    LibraryRecord readNext() throws IOException {
        while (true) {
            LineSource.Line line = lines().next();
            if (line == null) {
                return null;
            }
            String oversize = oversizeReason(line);
            if (oversize != null) {
                records++;
                firstDataLine = false;
                return new RecordError(at(records, line.number()), "", "line", oversize);
            }
            String text = stripBom(line.text()).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int split = firstWhitespace(text);
            String smiles = split < 0 ? text : text.substring(0, split);
            if (firstDataLine) {
                firstDataLine = false;
                if (smiles.equalsIgnoreCase("smiles")) {
                    continue;
                }
            }
            records++;
            RecordLocation where = at(records, line.number());
            String id = split < 0 ? "" : text.substring(split).strip();
            if (line.binary()) {
                return new RecordError(where, id, "line", BINARY_REASON);
            }
            return new RawRecord(where, id.isEmpty() ? Long.toString(records) : id, Notation.SMILES, smiles, null);
        }
    }

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    long recordsSoFar() {
        return records;
    }
}
