package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.storage.StoredCompounds;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;

/**
 * Three real Ignite server nodes in one JVM: a library ingested through one of them is featurised on all,
 * and screening it across the cluster gives exactly the hit list a local screen of the file gives.
 */
class ClusterScreeningTest {

    private static final int PORT = ClusterPorts.discoveryRange();

    @TempDir
    static Path dir;

    static List<MolscreenNode> nodes = new ArrayList<>();
    static Path library;

    @BeforeAll
    static void startThreeNodes() throws IOException {
        Path moses = ReferenceData.sharedDataset("screening_library_moses.smi.gz");
        library = dir.resolve("moses-3k.smi");
        StringBuilder text = new StringBuilder();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(moses))))) {
            for (int i = 0; i < 3_000; i++) {
                text.append(in.readLine()).append('\n');
            }
        }
        text.append("C1CC broken_ring\n").append("O=C1C(=Cc2ccc(O)cc2)SC(=S)N1 rhodanine\n");
        Files.writeString(library, text);
        for (int i = 1; i <= 3; i++) {
            nodes.add(MolscreenNode.start(NodeSettings.inMemory("cluster-test-" + i, PORT)));
        }
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(MolscreenNode::close);
    }


    @Test
    void ingestOnOneNodeAndScreenAcrossThreeGivesTheLocalHitList() throws Exception {
        assertThat(nodes.get(0).ignite().cluster().nodes()).hasSize(3);
        assertThat(nodes.stream().map(MolscreenNode::joinAddress))
                .as("each node reports the discovery address it bound, the first free one of its range")
                .containsExactly("127.0.0.1:" + PORT, "127.0.0.1:" + (PORT + 1), "127.0.0.1:" + (PORT + 2));
        LibraryStore store = nodes.get(0).libraries();
        LibraryInfo info = store.ingest(library, "MOSES 3k", ReadOptions.defaults(), FeaturizerOptions.defaults());
        assertThat(info.id()).isEqualTo("moses-3k");
        assertThat(info.state()).isEqualTo(LibraryInfo.State.READY);
        assertThat(info.records()).isEqualTo(3_002);
        assertThat(info.errors()).isEqualTo(1);
        assertThat(nodes.get(2).libraries().errors("moses-3k")).singleElement().asString()
                .contains("moses-3k.smi line 3001 (record 3001), id broken_ring, field smiles");
        for (MolscreenNode node : nodes) {
            assertThat(node.ignite().cache(CacheNames.records("moses-3k")).localSize(org.apache.ignite.cache.CachePeekMode.PRIMARY))
                    .as("every node holds a share of the library").isGreaterThan(300);
        }

        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 50, Set.of(HitFilter.PAINS),
                0.9, null, 0, true);
        HitList clustered = nodes.get(1).screening().screen("moses-3k", settings);
        HitList local;
        ModelRegistry registry = ModelRegistry.open(null);
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            local = new Screening(2).run(reader, settings, List.of(registry.load("bace1"), registry.load("tox21")), done -> { });
        }
        assertThat(clustered.hits()).hasSize(50);
        assertThat(ClusterTestData.csv(clustered)).isEqualTo(ClusterTestData.csv(local));
        assertThat(clustered.records()).isEqualTo(local.records());
        assertThat(clustered.errors()).isEqualTo(local.errors());
        assertThat(clustered.filtered()).isEqualTo(local.filtered());
        assertThat(clustered.histogram()).as("the score histogram merged from 128 partitions").isEqualTo(local.histogram());
        assertThat(clustered.histogram().total()).isEqualTo(3_001);
    }

    /**
     * A SMILES library is stored in part (fingerprint, counts and the record's own text): every ranking and filter
     * gives a local screen's hit list, byte for byte, whether the partitions rank by the stored fingerprints alone
     * (the merging node featurising the kept hits whole), featurise their compounds again for what a filter or a
     * model reads, or keep more hits than partial featurisation serves.
     */
    @Test
    void aLibraryStoredInPartScreensAsTheFileDoesLocallyForEveryRankingAndFilter() throws Exception {
        LibraryInfo info = nodes.get(0).libraries().ingest(library, "MOSES 3k in part", ReadOptions.defaults(),
                FeaturizerOptions.defaults());
        assertThat(info.errors()).as("a record that cannot be parsed is still an error of the ingest").isEqualTo(1);
        org.apache.ignite.IgniteCache<Long, byte[]> records = nodes.get(1).ignite().cache(CacheNames.records(info.id()));
        assertThat(records.get(1L)).as("record 1").satisfies(value -> assertThat(StoredCompounds.partial(value)).isTrue());
        assertThat(records.get(3002L)).as("the rhodanine").satisfies(value -> assertThat(StoredCompounds.partial(value)).isTrue());
        String firstSmiles = Files.readAllLines(library).get(0).split("\\s+")[0];
        // the first two read the stored fingerprints only; the third filters, so it featurises every compound again
        // and stores it whole; the rest read whole records; the first again must give what it gave on partial ones
        ScreenSettings plain = new ScreenSettings(List.of("bace1"), "bace1", 0, 20, Set.of(), null, null, 0, false);
        List<ScreenSettings> screens = List.of(
                plain,
                new ScreenSettings(List.of("bace1"), "bace1", 0, 10, Set.of(), null, firstSmiles, 0.3, false),
                new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 30, Set.of(HitFilter.RO5, HitFilter.VEBER), null,
                        null, 0, false),
                new ScreenSettings(List.of("bace1"), "bace1", 0, 25, Set.of(HitFilter.PAINS), null, null, 0, true),
                new ScreenSettings(List.of("tox21", "bace1"), "tox21", 2, 40, Set.of(), null, null, 0, false),
                new ScreenSettings(List.of("bace1"), "bace1", 0, 1_200, Set.of(), null, null, 0, false),
                plain);
        ModelRegistry registry = ModelRegistry.open(null);
        for (int i = 0; i < screens.size(); i++) {
            ScreenSettings settings = screens.get(i);
            assertThat(StoredCompounds.partial(records.get(1L))).as("record 1 stored in part before screen " + i).isEqualTo(i < 3);
            HitList clustered = nodes.get(2).screening().screen(info.id(), settings);
            HitList local;
            try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
                local = new Screening(2).run(reader, settings, settings.models().stream().map(registry::load).toList(), done -> { });
            }
            assertThat(clustered.hits()).as(settings.toString()).isNotEmpty();
            assertThat(ClusterTestData.csv(clustered)).as(settings.toString()).isEqualTo(ClusterTestData.csv(local));
            assertThat(clustered.hits()).as("every hit featurised whole: " + settings)
                    .allSatisfy(hit -> assertThat(hit.molecule().smiles()).isNotEmpty());
            assertThat(List.of(clustered.records(), clustered.errors(), clustered.filtered())).as(settings.toString())
                    .isEqualTo(List.of(local.records(), local.errors(), local.filtered()));
            assertThat(clustered.histogram()).as(settings.toString()).isEqualTo(local.histogram());
        }
        long stillInPart = 0;
        for (javax.cache.Cache.Entry<Long, byte[]> entry : records) {
            stillInPart += StoredCompounds.partial(entry.getValue()) ? 1 : 0;
        }
        assertThat(stillInPart).as("compounds stored in part after screens that featurised them whole").isZero();
    }

    /** Molfile records are stored whole (their text is larger than the compound), and screen as the file does. */
    @Test
    void anSdfLibraryIsStoredWholeAndScreensAsTheFileDoesLocally() throws Exception {
        Path sdf = dir.resolve("moses-60.sdf");
        StringBuilder text = new StringBuilder();
        org.molscreen.chem.io.StructureParser parser = new org.molscreen.chem.io.StructureParser();
        org.openscience.cdk.layout.StructureDiagramGenerator layout = new org.openscience.cdk.layout.StructureDiagramGenerator();
        List<String> lines = Files.readAllLines(library);
        for (int i = 0; i < 60; i++) {
            String[] parts = lines.get(i).split("\\s+");
            org.openscience.cdk.interfaces.IAtomContainer molecule = parser.parseSmiles(parts[0]);
            molecule.setTitle(parts.length > 1 ? parts[1] : "m" + i);
            layout.generateCoordinates(molecule);
            java.io.StringWriter one = new java.io.StringWriter();
            try (org.openscience.cdk.io.MDLV2000Writer writer = new org.openscience.cdk.io.MDLV2000Writer(one)) {
                writer.write(molecule);
            }
            text.append(one.toString().replace("\r\n", "\n")).append("$$$$\n");
        }
        Files.writeString(sdf, text);
        LibraryInfo info = nodes.get(0).libraries().ingest(sdf, "MOSES 60 SDF", ReadOptions.defaults(), FeaturizerOptions.defaults());
        assertThat(info.records()).isEqualTo(60);
        byte[] first = nodes.get(0).ignite().<Long, byte[]>cache(CacheNames.records(info.id())).get(1L);
        assertThat(StoredCompounds.partial(first)).isFalse();
        ScreenSettings settings = new ScreenSettings(List.of("bace1"), "bace1", 0, 15, Set.of(HitFilter.PAINS), null, null, 0, true);
        HitList clustered = nodes.get(1).screening().screen(info.id(), settings);
        HitList local;
        try (LibraryReader reader = LibraryReader.open(sdf, ReadOptions.defaults())) {
            local = new Screening(2).run(reader, settings, List.of(ModelRegistry.open(null).load("bace1")), done -> { });
        }
        assertThat(clustered.hits()).hasSize(15);
        assertThat(ClusterTestData.csv(clustered)).isEqualTo(ClusterTestData.csv(local));
    }

    @Test
    void sameFileTwiceIsIdempotentAnotherFileUnderTheNameIsRefusedAndDeleteRemovesEverything() throws IOException {
        LibraryStore store = nodes.get(0).libraries();
        Path small = dir.resolve("small.smi");
        Files.writeString(small, "CCO ethanol\nC1CC bad\nc1ccccc1 benzene\n");
        LibraryInfo first = store.ingest(small, "small", ReadOptions.defaults(), FeaturizerOptions.defaults());
        assertThat(store.ingest(small, "small", ReadOptions.defaults(), FeaturizerOptions.defaults())).isEqualTo(first);
        Path other = dir.resolve("other.smi");
        Files.writeString(other, "CCN ethylamine\n");
        assertThatThrownBy(() -> store.ingest(other, "small", ReadOptions.defaults(), FeaturizerOptions.defaults()))
                .isInstanceOf(LibraryStore.LibraryExistsException.class).hasMessageContaining("already exists");
        assertThat(nodes.get(2).libraries().list()).extracting(LibraryInfo::id).contains("small");
        assertThat(store.delete("small")).isTrue();
        assertThat(store.get("small")).isEmpty();
        assertThat(store.errors("small")).isEmpty();
        assertThat(nodes.get(1).ignite().cacheNames()).doesNotContain(CacheNames.records("small"));
        assertThatThrownBy(() -> nodes.get(0).screening().screen("small", new ScreenSettings(List.of("bace1"), "bace1", 0, 5,
                Set.of(), null, null, 0, false))).hasMessageContaining("library small");
    }
}
