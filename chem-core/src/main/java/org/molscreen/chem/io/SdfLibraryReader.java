package org.molscreen.chem.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MDL SD files, V2000 and V3000. Each record is split into its molfile block (up to {@code M  END}) and its
 * data items ({@code > <NAME>} followed by value lines up to a blank line), so that chemistry is parsed
 * later, where the record is featurised. The id is the named SD property when one is given (a record
 * without it is an error), else the title line, else the record number.
 *
 * <p>A record whose lines run past {@code $$$$}-less end of file is reported as truncated unless its
 * molfile block is complete. A record that breaks a limit is reported and skipped up to its {@code $$$$};
 * nothing of it is buffered past the limit, so a record's bytes ({@code max-record-kb}) bound the memory one
 * record can take, whatever its line count.
 */
final class SdfLibraryReader extends LibraryReader {

    private static final String END_OF_RECORD = "$$$$";

    private final String idProperty;
    private final int maxRecordLines;
    private final long maxRecordBytes;
    private long records;

    SdfLibraryReader(String source, LineSource lines, ReadOptions options) {
        super(source, lines, options);
        this.idProperty = options.idColumn();
        this.maxRecordLines = options.maxRecordLines();
        this.maxRecordBytes = options.maxRecordBytes();
    }

    @Override
    LibraryRecord readNext() throws IOException {
        StringBuilder molfile = new StringBuilder(2_048);
        Map<String, String> properties = new LinkedHashMap<>();
        long firstLine = -1;
        int lineCount = 0;
        long recordBytes = 0;
        boolean molfileDone = false;
        String title = null;
        String pendingProperty = null;
        StringBuilder value = null;
        String problem = null;
        String problemField = "molfile";
        boolean onlyBlank = true;

        while (true) {
            LineSource.Line line = lines().next();
            if (line == null) {
                if (firstLine < 0 || onlyBlank) {
                    return null; // blank lines after the last $$$$ are not a record
                }
                records++;
                RecordLocation where = at(records, firstLine);
                String id = idOf(title, properties, records);
                if (recordBytes > maxRecordBytes) {
                    return new RecordError(where, id, "record", recordTooLargeReason(recordBytes));
                }
                if (problem != null) {
                    return new RecordError(where, id, problemField, problem);
                }
                if (!molfileDone) {
                    return new RecordError(where, id, "molfile", "the file ends inside this record, before its 'M  END'"
                            + " line (after " + lineCount + " lines): the SDF looks truncated");
                }
                closeProperty(properties, pendingProperty, value);
                return finish(where, id, title, molfile, properties);
            }
            if (firstLine < 0) {
                firstLine = line.number();
            }
            if (line.tooLong() || !line.text().isBlank()) {
                onlyBlank = false;
            }
            lineCount++;
            String text = line.tooLong() ? null : line.text();
            if (text != null && text.strip().equals(END_OF_RECORD)) {
                records++;
                RecordLocation where = at(records, firstLine);
                String id = idOf(title, properties, records);
                if (recordBytes > maxRecordBytes) {
                    return new RecordError(where, id, "record", recordTooLargeReason(recordBytes));
                }
                if (problem != null) {
                    return new RecordError(where, id, problemField, problem);
                }
                if (!molfileDone) {
                    if (lineCount == 1) {
                        return new RecordError(where, id, "molfile", "empty record: '$$$$' with no molfile before it");
                    }
                    return new RecordError(where, id, "molfile", "the record has no 'M  END' line before '$$$$'");
                }
                closeProperty(properties, pendingProperty, value);
                return finish(where, id, title, molfile, properties);
            }
            recordBytes += line.bytes() + 1;
            if (recordBytes > maxRecordBytes && problem == null) {
                problem = "over " + ReadOptions.MAX_RECORD_KB; // the message is written at the record's end, with its size
            }
            if (problem != null) {
                continue; // skipping the rest of a bad record up to its $$$$
            }
            if (text == null) {
                problem = "line " + line.number() + " is " + line.length() + " characters long, more than the limit of "
                        + options().maxLineChars() + "; record skipped";
                problemField = "line " + line.number();
                continue;
            }
            if (line.binary()) {
                problem = "line " + line.number() + " holds bytes that are not UTF-8 text; record skipped";
                problemField = "line " + line.number();
                continue;
            }
            if (lineCount > maxRecordLines) {
                problem = "the record is longer than " + maxRecordLines + " lines; record skipped";
                continue;
            }
            if (!molfileDone) {
                if (title == null) {
                    title = text.strip();
                }
                molfile.append(text).append('\n');
                if (text.startsWith("M  END")) {
                    molfileDone = true;
                }
                continue;
            }
            if (text.startsWith(">")) {
                closeProperty(properties, pendingProperty, value);
                int open = text.indexOf('<');
                int close = open < 0 ? -1 : text.indexOf('>', open + 1);
                if (open < 0 || close < 0) {
                    problem = "line " + line.number() + ": data header '" + abbreviate(text) + "' has no <NAME>";
                    problemField = "data item";
                    continue;
                }
                pendingProperty = text.substring(open + 1, close);
                value = new StringBuilder();
            } else if (pendingProperty != null) {
                if (text.isEmpty()) {
                    closeProperty(properties, pendingProperty, value);
                    pendingProperty = null;
                    value = null;
                } else {
                    if (value.length() > 0) {
                        value.append('\n');
                    }
                    value.append(text);
                }
            }
        }
    }

    private static void closeProperty(Map<String, String> properties, String name, StringBuilder value) {
        if (name != null) {
            properties.put(name, value.toString().strip());
        }
    }

    private String idOf(String title, Map<String, String> properties, long record) {
        if (idProperty != null) {
            String fromProperty = properties.get(idProperty);
            return fromProperty == null ? "" : fromProperty;
        }
        return title == null || title.isEmpty() ? Long.toString(record) : title;
    }

    private LibraryRecord finish(RecordLocation where, String id, String title, StringBuilder molfile,
                                 Map<String, String> properties) {
        if (idProperty != null && !properties.containsKey(idProperty)) {
            return new RecordError(where, title == null ? "" : title, idProperty,
                    "the record has no SD property '" + idProperty + "' to take its id from");
        }
        if (idProperty != null && properties.get(idProperty).isEmpty()) {
            return new RecordError(where, title == null ? "" : title, idProperty, "the id property is empty");
        }
        return new RawRecord(where, id, Notation.MOLFILE, molfile.toString(), properties);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    long recordsSoFar() {
        return records;
    }
}
