package org.molscreen.chem.io;

import java.util.Locale;

/** The file formats molscreen reads, each optionally gzip-compressed. */
public enum LibraryFormat {
    /** {@code SMILES [id]} per line, separated by white space. */
    SMILES("smi", "smiles", "ism", "can"),
    /** Comma-separated with a header line. */
    CSV("csv"),
    /** Tab-separated with a header line. */
    TSV("tsv", "tab"),
    /** MDL SD file, V2000 or V3000 records. */
    SDF("sdf", "sd", "mol");

    private final String[] extensions;

    LibraryFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The format named on a command line or in an API call ({@code smi}, {@code csv}, ...). */
    public static LibraryFormat fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LibraryFormat format : values()) {
            if (format.name().equalsIgnoreCase(wanted)) {
                return format;
            }
            for (String extension : format.extensions) {
                if (extension.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown library format '" + name + "'; expected one of smi, csv, tsv, sdf");
    }

    /**
     * The format a file name implies, ignoring a trailing {@code .gz}; {@code null} when the extension is
     * not one molscreen knows.
     */
    public static LibraryFormat fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String extension = name.substring(dot + 1);
        for (LibraryFormat format : values()) {
            for (String known : format.extensions) {
                if (known.equals(extension)) {
                    return format;
                }
            }
        }
        return null;
    }
}
