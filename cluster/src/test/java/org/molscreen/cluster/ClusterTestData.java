package org.molscreen.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.HitListWriter;

/** Libraries and comparisons the cluster tests share. */
final class ClusterTestData {

    private ClusterTestData() {
    }

    /** The first {@code count} lines of the shared MOSES library as a plain SMILES file in {@code dir}. */
    static Path mosesPrefix(Path dir, int count) throws IOException {
        Path library = dir.resolve("moses-" + count + ".smi");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(ReferenceData.sharedDataset("screening_library_moses.smi.gz")))));
             Writer out = Files.newBufferedWriter(library)) {
            for (int i = 0; i < count; i++) {
                out.write(in.readLine());
                out.write('\n');
            }
        }
        return library;
    }

    /** A hit list as the CSV a user gets: two hit lists are the same when these are equal. */
    static String csv(HitList hits) throws IOException {
        StringWriter out = new StringWriter();
        HitListWriter.write(hits, HitListWriter.Format.CSV, out);
        return out.toString();
    }
}
