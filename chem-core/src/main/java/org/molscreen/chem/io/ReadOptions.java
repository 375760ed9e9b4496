package org.molscreen.chem.io;

/**
 * How to read a library.
 *
 * @param format         the format, or {@code null} to take it from the file name
 * @param smilesColumn   CSV/TSV column holding SMILES; {@code null}: a column named {@code smiles} (any case)
 * @param idColumn       CSV/TSV column, or SD property, holding the id; {@code null}: a column named {@code id}
 *                       (any case) if present, else the record number (CSV/TSV) or the title line (SDF)
 * @param maxLineChars   longest line accepted; a longer one is reported and skipped without being buffered
 * @param maxRecordLines most lines one SD record may have before it is reported and skipped
 */
public record ReadOptions(LibraryFormat format, String smilesColumn, String idColumn, int maxLineChars,
                          int maxRecordLines) {

    /** 64 KiB: a SMILES of that length is far beyond any molecule a screen can use. */
    public static final int DEFAULT_MAX_LINE_CHARS = 65_536;
    /** Enough for a molfile of ~100k atoms. */
    public static final int DEFAULT_MAX_RECORD_LINES = 250_000;

    public ReadOptions {
        if (maxLineChars < 16) {
            throw new IllegalArgumentException("maxLineChars must be at least 16, got " + maxLineChars);
        }
        if (maxRecordLines < 4) {
            throw new IllegalArgumentException("maxRecordLines must be at least 4, got " + maxRecordLines);
        }
        smilesColumn = blankToNull(smilesColumn);
        idColumn = blankToNull(idColumn);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, DEFAULT_MAX_LINE_CHARS, DEFAULT_MAX_RECORD_LINES);
    }

    public ReadOptions withFormat(LibraryFormat newFormat) {
        return new ReadOptions(newFormat, smilesColumn, idColumn, maxLineChars, maxRecordLines);
    }

    public ReadOptions withSmilesColumn(String column) {
        return new ReadOptions(format, column, idColumn, maxLineChars, maxRecordLines);
    }

    public ReadOptions withIdColumn(String column) {
        return new ReadOptions(format, smilesColumn, column, maxLineChars, maxRecordLines);
    }

    public ReadOptions withMaxLineChars(int chars) {
        return new ReadOptions(format, smilesColumn, idColumn, chars, maxRecordLines);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
