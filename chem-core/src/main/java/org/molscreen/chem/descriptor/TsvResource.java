package org.molscreen.chem.descriptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter tables bundled beside the descriptor classes ({@code crippen.tsv}, {@code qed.tsv}):
 * tab-separated rows, blank lines and {@code #} comments skipped. Read once, when a descriptor is built,
 * so a malformed table fails then rather than on some molecule.
 */
final class TsvResource {

    private TsvResource() {
    }

    /**
     * The rows of a resource beside {@code owner}.
     *
     * @param minFields the fewest fields a row may have
     * @param fields    what a row holds, for the error message
     * @throws IllegalStateException when the resource is missing or a row is short
     */
    static List<String[]> read(Class<?> owner, String name, int minFields, String fields) {
        InputStream in = owner.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath beside " + owner.getName());
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length < minFields) {
                    throw new IllegalStateException(name + ": expected " + fields + " separated by tabs, got '" + line + "'");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return rows;
    }
}
