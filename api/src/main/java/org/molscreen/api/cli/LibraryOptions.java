package org.molscreen.api.cli;

import org.molscreen.chem.io.LibraryFormat;
import org.molscreen.chem.io.ReadOptions;
import picocli.CommandLine.Option;

/** How to read an input library: the options every verb that reads one shares (a picocli mixin). */
final class LibraryOptions {

    @Option(names = "--format", paramLabel = "FORMAT", description = "smi, csv, tsv or sdf (default: from the file name).")
    String format;

    @Option(names = "--smiles-col", paramLabel = "C", description = "CSV/TSV column with SMILES (default: the column named 'smiles', any case).")
    String smilesColumn;

    @Option(names = "--id-col", paramLabel = "C", description = "CSV/TSV column or SD property with the id (default: id/name column, SD title, or record number).")
    String idColumn;

    @Option(names = "--max-record-kb", paramLabel = "KB", defaultValue = "" + ReadOptions.DEFAULT_MAX_RECORD_KB,
            description = "Largest record, in KiB of text, any format; a larger one is reported as a bad record (default: ${DEFAULT-VALUE}).")
    int maxRecordKb;

    ReadOptions readOptions() {
        return ReadOptions.defaults()
                .withMaxRecordKb(maxRecordKb)
                .withFormat(format == null ? null : LibraryFormat.fromName(format))
                .withSmilesColumn(smilesColumn)
                .withIdColumn(idColumn);
    }
}
