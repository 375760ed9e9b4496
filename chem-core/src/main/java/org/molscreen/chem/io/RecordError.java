package org.molscreen.chem.io;

import java.util.Objects;

/**
 * A record that could not be used, with where it is and why. A result value, not an exception: reading
 * goes on after it.
 *
 * @param id     the record's identifier when one could be read, else empty
 * @param field  the column, SD field or part of the record at fault (e.g. {@code smiles}, {@code molfile})
 * @param reason what was wrong, in words a chemist can act on
 */
public record RecordError(RecordLocation location, String id, String field, String reason)
        implements LibraryRecord, java.io.Serializable {

    public RecordError {
        Objects.requireNonNull(location, "location");
        id = id == null ? "" : id;
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code "lib.smi line 12 (record 11), id CHEMBL25, field smiles: Unclosed ring detected"}. */
    public String message() {
        return location + (id.isEmpty() ? "" : ", id " + id) + ", field " + field + ": " + reason;
    }
}
