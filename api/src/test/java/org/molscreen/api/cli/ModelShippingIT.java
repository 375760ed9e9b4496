package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;
import org.molscreen.testsupport.ClusterPorts;

/**
 * A user model that exists only on the node that starts a screen travels to a {@code ./molscreen worker}
 * process through the cluster, and the distributed hit list equals the local one.
 */
class ModelShippingIT {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    Path dir;


    @Test
    void aUserModelTravelsToAWorkerThatDoesNotHaveIt() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        StringBuilder data = new StringBuilder("id,smiles,pIC50\n");
        String[] amines = {"CCN", "CCCN", "CCCCN", "NCCO", "NCC(C)C", "CN(C)CC", "NCc1ccccc1", "NC1CCCCC1", "CCNCC", "NCCCCN"};
        String[] others = {"CCO", "CCCO", "CCCC", "OCCO", "CC(C)C", "COC", "Oc1ccccc1", "C1CCCCC1", "CCOCC", "OCCCCO"};
        for (int i = 0; i < amines.length; i++) {
            data.append("a").append(i).append(',').append(amines[i]).append(",8.").append(i).append('\n');
            data.append("o").append(i).append(',').append(others[i]).append(",5.").append(i).append('\n');
        }
        Files.writeString(dir.resolve("toy.csv"), data);
        StringWriter err = new StringWriter();
        int trained = Main.execute(new String[] {"train", dir.resolve("toy.csv").toString(), "--name", "shipped-toy",
            "--kind", "regression", "--label", "pIC50", "--split", "random", "--hidden", "16", "--ensemble", "2",
            "--epochs", "20", "--out", models.resolve("shipped-toy.zip").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(trained).as(err.toString()).isZero();
        System.setProperty("molscreen.models", models.toString()); // this JVM only: the worker has no such model

        Path library = dir.resolve("lib.smi");
        StringBuilder smiles = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            smiles.append(i % 2 == 0 ? "N" : "O").append("C".repeat(1 + i % 9)).append(i % 3 == 0 ? "N" : "O").append(" m").append(i).append('\n');
        }
        Files.writeString(library, smiles);
        String join = NodeSettings.portRange("127.0.0.1", PORT);
        Process worker = null;
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("shipping-coordinator", PORT))) {
            worker = WorkerProcesses.startAndJoin(node, join, PORT + 1, dir.resolve("worker.log"));
            node.libraries().ingest(library, "toy-lib", ReadOptions.defaults(), FeaturizerOptions.defaults());
            ScreenSettings settings = new ScreenSettings(List.of("shipped-toy"), "shipped-toy", 0, 25, Set.of(), null, null, 0, false);
            HitList clustered = node.screening().screen("toy-lib", settings);
            HitList local;
            try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
                local = new Screening(2).run(reader, settings,
                        List.of(ModelRegistry.open(models).load("shipped-toy")), done -> { });
            }
            assertThat(WorkerProcesses.csv(clustered)).isEqualTo(WorkerProcesses.csv(local));
            assertThat(clustered.hits()).hasSize(25);
        } finally {
            System.clearProperty("molscreen.models");
            if (worker != null) {
                worker.destroy();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
