package org.molscreen.chem.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.molscreen.chem.InvalidInputException;

/**
 * CSV or TSV with a header line. The SMILES column is the one named by option, else the one named
 * {@code smiles} (any case), else the only column whose name contains {@code smiles}. The id column is the
 * one named by option, else {@code id}, else {@code name}, else the first column whose name ends in
 * {@code id} ({@code mol_id}, {@code CID}, ...), else the record number. Other columns are kept as the
 * record's properties.
 *
 * <p>One record per line: quoted fields are understood, but a quoted field spanning lines is not (no
 * SMILES contains a line break).
 */
final class DelimitedLibraryReader extends LibraryReader {

    private final char delimiter;
    private final CSVFormat format;
    private final List<String> header;
    private final int smilesIndex;
    private final int idIndex;
    private long records;

    DelimitedLibraryReader(String source, LineSource lines, char delimiter, ReadOptions options) throws IOException {
        super(source, lines, options);
        this.delimiter = delimiter;
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
        LineSource.Line first;
        do {
            first = lines.next();
        } while (first != null && !first.tooLong() && first.text().isBlank());
        if (first == null) {
            throw new InvalidInputException(source, "has no header line: expected column names such as 'smiles"
                    + delimiterName() + "id'");
        }
        if (first.tooLong() || first.binary()) {
            throw new InvalidInputException(source, "line " + first.number() + ": the header line is not readable text");
        }
        this.header = parseHeader(first);
        this.smilesIndex = findSmilesColumn(options.smilesColumn(), first.number());
        this.idIndex = findIdColumn(options.idColumn(), first.number());
    }

    private String delimiterName() {
        return delimiter == '\t' ? "<tab>" : String.valueOf(delimiter);
    }

    private List<String> parseHeader(LineSource.Line line) {
        try {
            List<String> names = new ArrayList<>();
            for (String name : parse(SmilesLibraryReader.stripBom(line.text()))) {
                names.add(name.strip());
            }
            return List.copyOf(names);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(source(), "line " + line.number() + ": the header is not valid "
                    + (delimiter == '\t' ? "TSV" : "CSV") + ": " + e.getCause().getMessage());
        }
    }

    private int findSmilesColumn(String named, long headerLine) {
        if (named != null) {
            int index = indexOf(named);
            if (index < 0) {
                throw new InvalidInputException(source(), "line " + headerLine + ": no column named '" + named
                        + "' for SMILES; the header has: " + String.join(", ", header));
            }
            return index;
        }
        int exact = indexOf("smiles");
        if (exact >= 0) {
            return exact;
        }
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).contains("smiles")) {
                if (found >= 0) {
                    throw new InvalidInputException(source(), "line " + headerLine + ": several columns could hold SMILES ("
                            + header.get(found) + ", " + header.get(i) + "); name one with the SMILES column option");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new InvalidInputException(source(), "line " + headerLine + ": no SMILES column: expected a column named"
                    + " 'smiles' (any case) or one named with the SMILES column option; the header has: "
                    + String.join(", ", header));
        }
        return found;
    }

    private int findIdColumn(String named, long headerLine) {
        if (named != null) {
            int index = indexOf(named);
            if (index < 0) {
                throw new InvalidInputException(source(), "line " + headerLine + ": no column named '" + named
                        + "' for ids; the header has: " + String.join(", ", header));
            }
            return index;
        }
        for (String candidate : new String[] {"id", "name"}) {
            int index = indexOf(candidate);
            if (index >= 0 && index != smilesIndex) {
                return index;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (i != smilesIndex && header.get(i).toLowerCase(Locale.ROOT).endsWith("id")) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits one line; the fast path skips commons-csv when nothing is quoted. */
    private List<String> parse(String line) {
        if (line.indexOf('"') < 0) {
            List<String> fields = new ArrayList<>(header == null ? 8 : header.size());
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == delimiter) {
                    fields.add(line.substring(start, i).strip());
                    start = i + 1;
                }
            }
            return fields;
        }
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> parsed = parser.getRecords();
            if (parsed.isEmpty()) {
                return List.of();
            }
            return parsed.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    LibraryRecord readNext() throws IOException {
        while (true) {
            LineSource.Line line = lines().next();
            if (line == null) {
                return null;
            }
            if (!line.tooLong() && line.text().isBlank()) {
                continue;
            }
            records++;
            RecordLocation where = at(records, line.number());
            String oversize = oversizeReason(line);
            if (oversize != null) {
                return new RecordError(where, "", "line", oversize);
            }
            if (line.binary()) {
                return new RecordError(where, "", "line", BINARY_REASON);
            }
            List<String> fields;
            try {
                fields = parse(line.text());
            } catch (UncheckedIOException | IllegalStateException e) {
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                return new RecordError(where, "", "line", "malformed " + (delimiter == '\t' ? "TSV" : "CSV") + ": " + reason);
            }
            String id = idIndex >= 0 && idIndex < fields.size() ? fields.get(idIndex) : "";
            if (id.isEmpty()) {
                id = Long.toString(records);
            }
            if (smilesIndex >= fields.size()) {
                return new RecordError(where, id, header.get(smilesIndex), "the row has " + fields.size()
                        + " fields but the header has " + header.size() + "; the SMILES column is missing");
            }
            String smiles = fields.get(smilesIndex);
            if (smiles.isEmpty()) {
                return new RecordError(where, id, header.get(smilesIndex), "empty SMILES");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = 0; i < fields.size() && i < header.size(); i++) {
                if (i != smilesIndex && i != idIndex) {
                    properties.put(header.get(i), fields.get(i));
                }
            }
            return new RawRecord(where, id, Notation.SMILES, smiles, properties);
        }
    }

    @Override
    long recordsSoFar() {
        return records;
    }
}
