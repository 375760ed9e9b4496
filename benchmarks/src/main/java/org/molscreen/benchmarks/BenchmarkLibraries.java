package org.molscreen.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;

/** The reference libraries benchmarks run on, looked up where Debian and ../shared put them. */
final class BenchmarkLibraries {

    static final Path NCI_5K = Path.of("/usr/share/RDKit/Data/NCI/first_5K.smi");

    private BenchmarkLibraries() {
    }

    /** ../shared/datasets/NAME from the repository root or from a module directory. */
    static Path shared(String name) {
        for (Path candidate : List.of(Path.of("..", "shared", "datasets", name), Path.of("..", "..", "shared", "datasets", name))) {
            if (Files.isReadable(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("../shared/datasets/" + name + " not found: run from the repository root");
    }

    static Path nci5k() {
        if (!Files.isReadable(NCI_5K)) {
            throw new IllegalStateException(NCI_5K + " not found: apt-get install -y rdkit-data");
        }
        return NCI_5K;
    }

    /** The good SMILES records of a library, in order. */
    static List<RawRecord> records(Path library) {
        List<RawRecord> records = new ArrayList<>();
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            while (reader.hasNext()) {
                LibraryRecord record = reader.next();
                if (record instanceof RawRecord raw) {
                    records.add(raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** Writes {@code first_5K.smi} over and over into a temporary SMILES file of {@code count} lines. */
    static Path repeatedNci(int count) throws IOException {
        List<String> lines = Files.readAllLines(nci5k());
        Path file = Files.createTempFile("molscreen-nci-", ".smi");
        file.toFile().deleteOnExit();
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                String line = lines.get(i % lines.size());
                int tab = line.indexOf('\t');
                out.write(tab < 0 ? line : line.substring(0, tab));
                out.write(" nci_" + i + "\n");
            }
        }
        return file;
    }
}
