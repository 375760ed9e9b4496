package org.molscreen.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.storage.StoredHitLists;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;

/**
 * Size and speed of a stored hit list: today's layout ({@link StoredHitLists}) against the Java serialisation
 * release 0.1.0 stored, on a real hit list (the NCI 5K set screened with bace1, tox21 and herg; top 1,000 and
 * 4,999 hits, filtered ones kept). Prints bytes and microseconds per encode and decode, best of several rounds.
 *
 * <p>{@code java @jvm.options -cp benchmarks/target/benchmarks.jar org.molscreen.benchmarks.StorageFormatCompare}
 */
public final class StorageFormatCompare {

    private StorageFormatCompare() {
    }

    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.open(null);
        for (int top : new int[] {1_000, 4_999}) {
            ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21", "herg"), "bace1", 0, top,
                    Set.of(HitFilter.PAINS), null, "c1ccccc1O", 0, true);
            HitList hits;
            try (LibraryReader reader = LibraryReader.open(BenchmarkLibraries.nci5k(), ReadOptions.defaults())) {
                hits = new Screening(2).run(reader, settings, List.of(registry.load("bace1"), registry.load("tox21"),
                        registry.load("herg")), done -> { });
            }
            byte[] layout = StoredHitLists.encode(hits);
            byte[] java = javaSerialised(hits);
            long layoutWrite = best(() -> StoredHitLists.encode(hits));
            long layoutRead = best(() -> StoredHitLists.decode(layout));
            long javaWrite = best(() -> javaSerialised(hits));
            long javaRead = best(() -> javaDeserialised(java));
            System.out.printf(Locale.ROOT, "%,d hits: layout 1 %,d bytes, write %,d us, read %,d us | Java serialisation %,d bytes,"
                            + " write %,d us, read %,d us%n", hits.hits().size(), layout.length, layoutWrite / 1000, layoutRead / 1000,
                    java.length, javaWrite / 1000, javaRead / 1000);
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static long best(Work work) throws Exception {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 30; round++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static byte[] javaSerialised(HitList hits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(hits);
        }
        return bytes.toByteArray();
    }

    private static Object javaDeserialised(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("org.molscreen.**;java.lang.*;java.util.*;!*"));
            return in.readObject();
        }
    }
}
