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
 * @param maxRecordKb    most UTF-8 KiB one record may hold, in any format (the {@code --max-record-kb} limit): the
 *                       bound on what a reader buffers, so one enormous record is a reported bad record, never
 *                       an exhausted heap
 */
public record ReadOptions(LibraryFormat format, String smilesColumn, String idColumn, int maxLineChars,
                          int maxRecordLines, int maxRecordKb) {

    /** 64 KiB: a SMILES of that length is far beyond any molecule a screen can use. */
    public static final int DEFAULT_MAX_LINE_CHARS = 65_536;
    /** Enough for a molfile of ~100k atoms. */
    public static final int DEFAULT_MAX_RECORD_LINES = 250_000;
    /** 1 MiB: a molfile of ~15k atoms with its data items; far more than any drug-like record needs. */
    public static final int DEFAULT_MAX_RECORD_KB = 1_024;
    /** The limit's name wherever a user meets it (option, message, API). */
    public static final String MAX_RECORD_KB = "max-record-kb";

    public ReadOptions {
        if (maxLineChars < 16) {
            throw new IllegalArgumentException("maxLineChars must be at least 16, got " + maxLineChars);
        }
        if (maxRecordLines < 4) {
            throw new IllegalArgumentException("maxRecordLines must be at least 4, got " + maxRecordLines);
        }
        if (maxRecordKb < 1 || maxRecordKb > (Integer.MAX_VALUE >> 10)) {
            throw new IllegalArgumentException(MAX_RECORD_KB + " must be between 1 and " + (Integer.MAX_VALUE >> 10)
                    + ", got " + maxRecordKb);
        }
        smilesColumn = blankToNull(smilesColumn);
        idColumn = blankToNull(idColumn);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, DEFAULT_MAX_LINE_CHARS, DEFAULT_MAX_RECORD_LINES, DEFAULT_MAX_RECORD_KB);
    }

    public ReadOptions withFormat(LibraryFormat newFormat) {
        return new ReadOptions(newFormat, smilesColumn, idColumn, maxLineChars, maxRecordLines, maxRecordKb);
    }

    public ReadOptions withSmilesColumn(String column) {
        return new ReadOptions(format, column, idColumn, maxLineChars, maxRecordLines, maxRecordKb);
    }

    public ReadOptions withIdColumn(String column) {
        return new ReadOptions(format, smilesColumn, column, maxLineChars, maxRecordLines, maxRecordKb);
    }

    public ReadOptions withMaxLineChars(int chars) {
        return new ReadOptions(format, smilesColumn, idColumn, chars, maxRecordLines, maxRecordKb);
    }

    public ReadOptions withMaxRecordKb(int kb) {
        return new ReadOptions(format, smilesColumn, idColumn, maxLineChars, maxRecordLines, kb);
    }

    /** {@link #maxRecordKb} in bytes. */
    public int maxRecordBytes() {
        return maxRecordKb << 10;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
