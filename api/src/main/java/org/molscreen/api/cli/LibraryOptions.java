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

    ReadOptions readOptions() {
        return ReadOptions.defaults()
                .withFormat(format == null ? null : LibraryFormat.fromName(format))
                .withSmilesColumn(smilesColumn)
                .withIdColumn(idColumn);
    }
}
