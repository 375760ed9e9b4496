package org.molscreen.chem.io;

import java.util.Objects;

/**
 * Where a record came from: the source's name (file name as given), its 1-based record number among
 * the data records of that source, and the 1-based line on which the record starts.
 */
public record RecordLocation(String source, long record, long line) implements java.io.Serializable {

    public RecordLocation {
        Objects.requireNonNull(source, "source");
        if (record < 1 || line < 1) {
            throw new IllegalArgumentException("record and line are 1-based, got record " + record + ", line " + line);
        }
    }

    /** {@code "lib.smi line 12 (record 11)"}: how messages name a record. */
    @Override
    public String toString() {
        return source + " line " + line + " (record " + record + ")";
    }
}
