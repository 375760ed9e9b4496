package org.molscreen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.testsupport.ClusterPorts;

/** A library's error list is paged by record number from a bounded selection, and goes with the library. */
class LibraryErrorsTest {

    @TempDir
    Path dir;

    @Test
    void pagesAreSlicesOfTheWholeListInRecordOrderAndDeletionRemovesThemAll() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            // every third record is bad: a reader error (unclosed ring) or, every sixth, a featurisation error
            lines.add(i % 3 != 0 ? "CCO ok-" + i : i % 6 == 0 ? "C1CC bad-ring-" + i : "C(C bad-branch-" + i);
        }
        Path file = Files.write(dir.resolve("errors.smi"), lines);
        try (MolscreenNode node = MolscreenNode.start(NodeSettings.inMemory("errors", ClusterPorts.discoveryRange()))) {
            LibraryStore store = node.libraries();
            LibraryInfo library = store.ingest(file, "with-errors", ReadOptions.defaults(), FeaturizerOptions.defaults());
            assertThat(library.errors()).isEqualTo(200);
            List<String> all = store.errors(library.id());
            assertThat(all).hasSize(200);
            assertThat(all.get(0)).contains("line 3 ");
            assertThat(all.get(199)).contains("line 600 ");
            assertThat(store.errors(library.id(), 0, 10)).isEqualTo(all.subList(0, 10));
            assertThat(store.errors(library.id(), 150, 25)).isEqualTo(all.subList(150, 175));
            assertThat(store.errors(library.id(), 190, 1_000)).isEqualTo(all.subList(190, 200));
            assertThat(store.errors(library.id(), 500, 10)).isEmpty();
            // with few, wide ranges of record numbers (as a library of millions has), every page is still the slice
            for (int buckets : new int[] {1, 7, 64}) {
                for (int offset = 0; offset <= 205; offset += 13) {
                    for (int limit : new int[] {1, 9, 40, 300}) {
                        assertThat(store.errors(library.id(), offset, limit, buckets)).as("offset %d limit %d in %d ranges",
                                offset, limit, buckets).isEqualTo(all.subList(Math.min(offset, 200), Math.min(offset + limit, 200)));
                    }
                }
            }

            assertThat(store.delete(library.id())).isTrue();
            assertThat(node.ignite().cache(CacheNames.LIBRARY_ERRORS).size()).as("no error of the library is left").isZero();
        }
    }
}
