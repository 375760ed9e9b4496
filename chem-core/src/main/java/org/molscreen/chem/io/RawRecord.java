package org.molscreen.chem.io;

import java.util.Map;
import java.util.Objects;

/**
 * One record of a library, as text, before any chemistry: small, immutable and serialisable, so that a
 * reading node can ship it to the node that parses it.
 *
 * @param id         the record's identifier (id column, SDF title or named property, else the record number)
 * @param text       the SMILES or the molfile block
 * @param properties other columns (CSV/TSV) or SD data items (SDF), in file order; empty for SMILES files
 */
public record RawRecord(RecordLocation location, String id, Notation notation, String text,
                        Map<String, String> properties) implements LibraryRecord, java.io.Serializable {

    public RawRecord {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notation, "notation");
        Objects.requireNonNull(text, "text");
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
