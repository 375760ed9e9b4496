package org.molscreen.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.LibraryInfo;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.cluster.storage.StoredCompounds;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;

/**
 * Cluster overhead on one machine: ingest rate and screening rate from stored records with 1, 2 and 3
 * nodes, the extra nodes being {@code ./molscreen worker} processes. On one 2-core machine more nodes
 * cannot be faster; the figures show what distribution costs. Also prints the mean stored record size.
 * Run from the repository root after {@code mvn -B -q -DskipTests package -pl api,benchmarks -am}:
 * {@code OMP_NUM_THREADS=1 java @jvm.options -Xmx2g -cp benchmarks/target/benchmarks.jar org.molscreen.benchmarks.ClusterThroughput [records [max nodes]]}
 */
public final class ClusterThroughput {

    private static final int PORT = 47800;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int maxNodes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path library = Files.createTempFile("molscreen-cluster-", ".smi");
        library.toFile().deleteOnExit();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(BenchmarkLibraries.shared("screening_library_moses.smi.gz")))));
             var out = Files.newBufferedWriter(library)) {
            for (int i = 0; i < count; i++) {
                out.write(in.readLine());
                out.write('\n');
            }
        }
        System.out.printf(Locale.ROOT, "mean stored record: %.0f bytes (value only, first 10,000 records)%n", meanStoredBytes(library));
        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 100, Set.of(), null, null, 0, false);
        for (int nodes = 1; nodes <= maxNodes; nodes++) {
            List<Process> workers = new ArrayList<>();
            String join = NodeSettings.portRange("127.0.0.1", PORT);
            try (MolscreenNode node = MolscreenNode.start(new NodeSettings("bench-coordinator", "127.0.0.1", PORT,
                    List.of(join), null, 1024))) {
                for (int w = 1; w < nodes; w++) {
                    workers.add(new ProcessBuilder("./molscreen", "worker", "--join", join, "--port", Integer.toString(PORT + w),
                            "--memory", "1024", "--in-memory").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                }
                while (node.serverCount() < nodes) {
                    Thread.sleep(200);
                }
                // warm-up, as the local benchmarks have: JIT and CDK classes on every node
                node.libraries().ingest(BenchmarkLibraries.nci5k(), "warm-up-" + nodes, ReadOptions.defaults(), FeaturizerOptions.defaults());
                long started = System.nanoTime();
                LibraryInfo info = node.libraries().ingest(library, "bench-" + nodes, ReadOptions.defaults(), FeaturizerOptions.defaults());
                double ingestSeconds = (System.nanoTime() - started) / 1e9;
                node.screening().screen(info.id(), settings); // warm-up: models load on every node
                HitList hits = node.screening().screen(info.id(), settings);
                System.out.printf(Locale.ROOT, "%d node(s): ingest %,d records in %.1f s = %,.0f molecules/s; screen from stored records %.1f s = %,.0f molecules/s%n",
                        nodes, info.records(), ingestSeconds, info.records() / ingestSeconds, hits.seconds(), info.records() / hits.seconds());
            } finally {
                for (Process worker : workers) {
                    worker.destroy();
                    worker.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static double meanStoredBytes(Path library) throws Exception {
        Featurizer featurizer = new Featurizer(FeaturizerOptions.defaults());
        long bytes = 0;
        int n = 0;
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            while (reader.hasNext() && n < 10_000) {
                if (reader.next() instanceof RawRecord raw) {
                    FeaturizedRecord record = featurizer.featurize(raw);
                    if (record instanceof FeaturizedMolecule molecule) {
                        bytes += StoredCompounds.encode(molecule).length;
                        n++;
                    }
                }
            }
        }
        return (double) bytes / n;
    }
}
