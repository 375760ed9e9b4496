package org.molscreen.cluster.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.FingerprintType;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.JobSummary;
import org.molscreen.cluster.LibraryInfo;
import org.molscreen.cluster.PartialHits;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.screen.Hit;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.HitListWriter;
import org.molscreen.engine.screen.ScreenSettings;
import org.molscreen.engine.screen.Screening;

/** The stored and sent layouts: round trips, release 0.1.0's Java-serialised values, and refusals. */
class StoredValuesTest {

    private static final ScreenSettings FULL = new ScreenSettings(List.of("bace1", "herg", "tox21"), "bace1", 0, 250,
            Set.of(HitFilter.RO5, HitFilter.PAINS, HitFilter.VEBER), 0.35, "c1ccccc1O", 0.4, true);
    private static final ScreenSettings PLAIN = new ScreenSettings(List.of("tox21"), "tox21", 11, 10, Set.of(), null, null,
            0.3, false);

    private static HitList screened;

    @BeforeAll
    static void screen(@TempDir Path dir) throws Exception {
        Path library = dir.resolve("lib.smi");
        // a filtered PAINS compound, a regular one, a salt, one that cannot be parsed (an error) and unicode in an id
        Files.writeString(library, "O=C1C(=Cc2ccccc2)SC(=S)N1 rhodanine\nCC(=O)Nc1ccc(O)cc1 paracetamol\n"
                + "[Na+].OC(=O)c1ccccc1 benzoate-Na\nC1CC( broken\nCN1C=NC2=C1C(=O)N(C)C(=O)N2C café\n");
        ModelRegistry registry = ModelRegistry.open(null);
        ScreenSettings settings = new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 10, Set.of(HitFilter.PAINS),
                0.9, "c1ccccc1O", 0.0, true);
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            screened = new Screening(1).run(reader, settings, List.of(registry.load("bace1"), registry.load("tox21")), done -> { });
        }
        assertThat(screened.hits()).hasSize(4);
        assertThat(screened.errors()).isEqualTo(1);
    }

    private static String csv(HitList hits) throws IOException {
        StringWriter out = new StringWriter();
        HitListWriter.write(hits, HitListWriter.Format.JSON, out);
        HitListWriter.write(hits, HitListWriter.Format.CSV, out);
        return out.toString();
    }

    @Test
    void jobsLibrariesAndSettingsComeBackEqual() {
        JobInfo full = new JobInfo("j-1", "alice.lib", FULL, JobInfo.State.FAILED, 120, 5000, "node left: x", null,
                "2026-12-01T10:00:00.000Z", "2026-12-01T10:00:01.000Z", "2026-12-01T10:00:09.500Z", "alice");
        JobInfo sparse = new JobInfo("j-2", "local.lib", PLAIN, JobInfo.State.QUEUED, 0, 0, null, "serve",
                "2026-12-01T11:00:00.000Z", null, null, null);
        assertThat(StoredJobs.decode(StoredJobs.encode(full))).isEqualTo(full);
        assertThat(StoredJobs.decode(StoredJobs.encode(sparse))).isEqualTo(sparse);

        LibraryInfo library = new LibraryInfo("bob.big", "big", "big.sdf.gz", "00ff", 1234, 5, "ecfp4_2048",
                "2026-12-01T09:00:00Z", LibraryInfo.State.INGESTING, "bob", "worker-1", null);
        assertThat(StoredLibraries.decode(StoredLibraries.encode(library))).isEqualTo(library);

        assertThat(StoredSettings.decodeScreen(StoredSettings.encode(FULL))).isEqualTo(FULL);
        FeaturizerOptions options = new FeaturizerOptions(new FingerprintSpec(FingerprintType.ECFP4, 4096), false);
        assertThat(StoredSettings.decodeOptions(StoredSettings.encode(options))).isEqualTo(options);

        ShippedModel model = new ShippedModel("mine", "ab12", new byte[] {1, 2, 3, -1});
        ShippedModel back = StoredModels.decode(StoredModels.encode(model));
        assertThat(back.name()).isEqualTo("mine");
        assertThat(back.zip()).containsExactly(1, 2, 3, -1);
    }

    @Test
    void aScreenedHitListWritesTheSameJsonAndCsvAfterStorage() throws IOException {
        byte[] stored = StoredHitLists.encode(screened);
        HitList back = StoredHitLists.decode(stored);
        assertThat(csv(back)).isEqualTo(csv(screened));
        assertThat(back.histogram()).isEqualTo(screened.histogram());
        assertThat(back.settings()).isEqualTo(screened.settings());
        assertThat(back.hits().get(0).molecule().fingerprint()).isEqualTo(screened.hits().get(0).molecule().fingerprint());
        assertThat(back.hits()).extracting(h -> h.molecule().id()).contains("café");
        assertThat(StoredHitLists.encode(back)).isEqualTo(stored);

        Hit first = screened.hits().get(0);
        RawRecord firstRecord = new RawRecord(first.molecule().location(), first.id(), Notation.SMILES, "c1ccccc1O", Map.of());
        PartialHits partial = new PartialHits(7, screened.hits(), Map.of(first.molecule().location().record(), firstRecord),
                5, 1, 2, screened.histogram());
        PartialHits partialBack = StoredHitLists.decodePartial(StoredHitLists.encode(partial));
        assertThat(partialBack.partition()).isEqualTo(7);
        assertThat(partialBack.scanned()).isEqualTo(5);
        assertThat(partialBack.unfinished()).isEqualTo(2);
        assertThat(partialBack.deferred()).isEqualTo(partial.deferred());
        assertThat(StoredHitLists.encode(partialBack)).isEqualTo(StoredHitLists.encode(partial));
    }

    private static byte[] releaseZero(String name) throws IOException {
        try (InputStream in = StoredValuesTest.class.getResourceAsStream("/storage/release-0.1.0/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Values release 0.1.0 wrote (by its own JavaWireFormat, at commit ef7422f) read into today's types. */
    @Test
    void readsTheValuesRelease010Wrote() throws IOException {
        JobInfo failed = StoredJobs.decode(releaseZero("job-failed.bin"));
        assertThat(failed).isEqualTo(new JobInfo("j-1", "alice.lib", FULL, JobInfo.State.FAILED, 120, 5000, "node left: x",
                null, "2026-12-01T10:00:00.000Z", "2026-12-01T10:00:01.000Z", "2026-12-01T10:00:09.500Z", "alice"));
        assertThat(StoredJobs.decode(releaseZero("job-queued.bin"))).isEqualTo(new JobInfo("j-2", "local.lib", PLAIN,
                JobInfo.State.QUEUED, 0, 0, null, "serve", "2026-12-01T11:00:00.000Z", null, null, null));
        assertThat(StoredLibraries.decode(releaseZero("library-failed.bin"))).isEqualTo(new LibraryInfo("bob.big", "big",
                "big.sdf.gz", "00ff", 1234, 5, "ecfp4_2048", "2026-12-01T09:00:00Z", LibraryInfo.State.FAILED, "bob", null,
                "node serve left during the ingest"));
        ShippedModel model = StoredModels.decode(releaseZero("shipped-model.bin"));
        assertThat(model.name()).isEqualTo("my-model");
        assertThat(model.sha256()).isEqualTo("ab12cd");
        assertThat(model.zip()).containsExactly(80, 75, 3, 4, 1, 2, 3, 4, 5);
        // and once converted, a value is written in today's layout
        assertThat(StoredJobs.encode(failed)).startsWith('M', 'S', 1, 2);
    }

    /**
     * A job in layout 1 (written by the encoder of commit c79f17b into {@code storage/layout-1/job-done.bin}) reads
     * whole and as a summary, is outdated, and is written again in layout 2, where the summary reads only the
     * front of the value: a value cut right after the summary's four fields still gives the summary.
     */
    @Test
    void jobsInLayoutOneReadAndSummariesReadOnlyTheFront() throws IOException {
        byte[] layout1;
        try (InputStream in = StoredValuesTest.class.getResourceAsStream("/storage/layout-1/job-done.bin")) {
            layout1 = in.readAllBytes();
        }
        JobInfo done = new JobInfo("j-1", "alice.lib", FULL, JobInfo.State.DONE, 5000, 5000, null, null,
                "2026-12-01T10:00:00.000Z", "2026-12-01T10:00:01.000Z", "2026-12-01T10:00:09.500Z", "alice");
        assertThat(StoredJobs.decode(layout1)).isEqualTo(done);
        JobSummary summary = new JobSummary("j-1", "alice", JobInfo.State.DONE, 5000, "2026-12-01T10:00:09.500Z");
        assertThat(StoredJobs.summary("j-1", layout1)).isEqualTo(summary);
        assertThat(StoredJobs.outdated(layout1)).isTrue();
        assertThat(StoredJobs.outdated(releaseZero("job-failed.bin"))).isTrue();
        assertThat(StoredJobs.summary("j-2", releaseZero("job-queued.bin")))
                .isEqualTo(new JobSummary("j-2", null, JobInfo.State.QUEUED, 0, null));

        byte[] layout2 = StoredJobs.encode(done);
        assertThat(StoredJobs.outdated(layout2)).isFalse();
        assertThat(StoredJobs.summary("j-1", layout2)).isEqualTo(summary);
        int front = 4 + (4 + "alice".length()) + (4 + "DONE".length()) + 8 + (4 + "2026-12-01T10:00:09.500Z".length());
        assertThat(StoredJobs.summary("j-1", Arrays.copyOf(layout2, front))).isEqualTo(summary);
        assertThatThrownBy(() -> StoredJobs.decode(Arrays.copyOf(layout2, front))).isInstanceOf(UnreadableValueException.class);
    }

    @Test
    void refusesANewerLayoutAnotherKindAndDamage() {
        byte[] job = StoredJobs.encode(new JobInfo("j", "l", PLAIN, JobInfo.State.DONE, 1, 1, null, null, "t", null, null, null));

        byte[] newer = job.clone();
        newer[3] = 9;
        assertThatThrownBy(() -> StoredJobs.decode(newer)).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("job in layout version 9 was written by a newer molscreen")
                .hasMessageContaining("reads versions up to 2");

        assertThatThrownBy(() -> StoredLibraries.decode(job)).isInstanceOf(UnreadableValueException.class)
                .hasMessage("expected a stored library but found a job");

        byte[] cut = Arrays.copyOf(job, job.length - 3);
        assertThatThrownBy(() -> StoredJobs.decode(cut)).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("stored job (layout version 2, " + cut.length + " bytes) ends early");

        byte[] huge = StoredModels.encode(new ShippedModel("m", "s", new byte[8]));
        int lengthAt = huge.length - 8 - 4;
        huge[lengthAt] = 0x7f;
        assertThatThrownBy(() -> StoredModels.decode(huge)).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("claims").hasMessageContaining("damaged");

        assertThatThrownBy(() -> StoredJobs.decode("{\"id\":1}".getBytes())).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("has no molscreen header");

        byte[] badState = StoredLibraries.encode(new LibraryInfo("a", "a", "a", "a", 1, 0, "f", "c", LibraryInfo.State.READY,
                null, null, null));
        String asText = new String(badState, java.nio.charset.StandardCharsets.ISO_8859_1).replace("READY", "GREEN");
        assertThatThrownBy(() -> StoredLibraries.decode(asText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableValueException.class).hasMessageContaining("State 'GREEN'");
    }

    /** A crafted Java-serialised value: a JDK class outside the allow-list, or a molscreen class not frozen. */
    @Test
    void theRelease010ReaderRefusesClassesItDoesNotExpect() throws IOException {
        byte[] file = javaSerialised(new java.io.File("/etc/passwd"));
        assertThatThrownBy(() -> StoredJobs.decode(file)).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("release 0.1.0").hasMessageContaining("REJECTED");

        byte[] foreign = javaSerialised(new Intruder("x"));
        assertThatThrownBy(() -> StoredLibraries.decode(foreign)).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("not a class release 0.1.0 stored");

        byte[] otherKind = releaseZero("library-failed.bin");
        assertThatThrownBy(() -> StoredJobs.decode(otherKind)).isInstanceOf(UnreadableValueException.class)
                .hasMessageContaining("holds a LibraryInfo instead");
    }

    record Intruder(String payload) implements Serializable {
    }

    private static byte[] javaSerialised(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
