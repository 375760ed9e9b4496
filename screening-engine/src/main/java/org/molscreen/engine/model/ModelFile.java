package org.molscreen.engine.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.engine.score.SparseNetwork;
import org.molscreen.engine.score.StoredNetworkReader;

/**
 * The model file: one zip holding {@code card.json}, the ensemble's networks ({@code network-0.bin},
 * {@code network-1.bin}, ... as DL4J {@code ModelSerializer} files without updater state, parameters in
 * half precision: that halves the file, and the predictions move by less than the ensemble's own spread;
 * a model is used as it was read back, so what a model file predicts is what its tests measured), the training
 * fingerprints for the applicability domain ({@code domain.bin}) and, for affinity models, the training
 * actives ({@code actives.bin}). Fingerprints are stored as lists of set bits (a few dozen per
 * compound), which is ten times smaller than the packed words.
 */
public final class ModelFile {

    static final String CARD = "card.json";
    static final String DOMAIN = "domain.bin";
    static final String ACTIVES = "actives.bin";

    private ModelFile() {
    }

    public static void write(ScreeningModel model, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            entry(zip, CARD, ModelCardJson.write(model.card()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < model.networks().size(); i++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ModelSerializer.writeModel(model.networks().get(i).convertDataType(DataType.HALF), bytes, false);
                entry(zip, "network-" + i + ".bin", bytes.toByteArray());
            }
            entry(zip, DOMAIN, encode(model.trainingFingerprints()));
            if (!model.actives().isEmpty()) {
                entry(zip, ACTIVES, encode(model.actives()));
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The network as a model file will give it back (parameters through half precision), so that metrics
     * measured before writing describe the file exactly.
     */
    public static MultiLayerNetwork asStored(MultiLayerNetwork network) {
        return network.convertDataType(DataType.HALF).convertDataType(DataType.FLOAT);
    }

    public static ScreeningModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidModelException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a model from a stream (a bundled resource); {@code source} names it in errors. */
    public static ScreeningModel read(InputStream in, String source) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new InvalidModelException(source, "is not a model file (zip): " + e.getMessage(), e);
        }
        byte[] card = entries.get(CARD);
        if (card == null) {
            throw new InvalidModelException(source, "is not a model file: it has no " + CARD
                    + (entries.isEmpty() ? " (not a zip, or empty)" : "; it holds " + entries.keySet()));
        }
        ModelCard modelCard = ModelCardJson.read(new String(card, StandardCharsets.UTF_8), source);
        FingerprintSpec spec = FingerprintSpec.parse(modelCard.featurization().fingerprint());
        List<byte[]> networkFiles = new ArrayList<>();
        for (int i = 0; entries.containsKey("network-" + i + ".bin"); i++) {
            networkFiles.add(entries.get("network-" + i + ".bin"));
        }
        if (networkFiles.isEmpty()) {
            throw new InvalidModelException(source, "has no networks (network-0.bin missing)");
        }
        List<SparseNetwork> sparse = ScreeningModel.scoresThroughDl4j() ? List.of() : readSparse(networkFiles, spec.bits());
        if (entries.get(DOMAIN) == null) {
            throw new InvalidModelException(source, "has no " + DOMAIN + " (training fingerprints for the applicability domain)");
        }
        List<Fingerprint> training = decode(entries.get(DOMAIN), spec.bits(), source);
        List<Fingerprint> actives = entries.containsKey(ACTIVES) ? decode(entries.get(ACTIVES), spec.bits(), source) : List.of();
        if (!sparse.isEmpty()) {
            return new ScreeningModel(modelCard, sparse, () -> restore(networkFiles, source), training, actives);
        }
        return new ScreeningModel(modelCard, restore(networkFiles, source), training, actives);
    }

    /** The networks for the sparse scorer, read without ND4J; empty unless every one could be read so. */
    private static List<SparseNetwork> readSparse(List<byte[]> networkFiles, int fingerprintBits) {
        List<SparseNetwork> sparse = new ArrayList<>(networkFiles.size());
        for (byte[] file : networkFiles) {
            Optional<SparseNetwork> network = StoredNetworkReader.read(file, fingerprintBits);
            if (network.isEmpty()) {
                return List.of();
            }
            sparse.add(network.get());
        }
        return sparse;
    }

    private static List<MultiLayerNetwork> restore(List<byte[]> networkFiles, String source) {
        List<MultiLayerNetwork> networks = new ArrayList<>(networkFiles.size());
        for (int i = 0; i < networkFiles.size(); i++) {
            try {
                networks.add(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(networkFiles.get(i)), false)
                        .convertDataType(DataType.FLOAT));
            } catch (IOException | RuntimeException e) {
                throw new InvalidModelException(source, "network-" + i + ".bin cannot be loaded: " + e.getMessage(), e);
            }
        }
        return networks;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the same model gives the same bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** count, then per fingerprint: number of set bits (short) and the bits (short each, bits < 65536). */
    static byte[] encode(List<Fingerprint> fingerprints) {
        int size = 4;
        List<int[]> onBits = new ArrayList<>(fingerprints.size());
        for (Fingerprint fp : fingerprints) {
            int[] on = fp.onBits();
            onBits.add(on);
            size += 2 + 2 * on.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(fingerprints.size());
        for (int[] on : onBits) {
            buffer.putShort((short) on.length);
            for (int bit : on) {
                buffer.putShort((short) bit);
            }
        }
        return buffer.array();
    }

    static List<Fingerprint> decode(byte[] bytes, int bits, String source) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            int count = buffer.getInt();
            List<Fingerprint> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int[] on = new int[Short.toUnsignedInt(buffer.getShort())];
                for (int j = 0; j < on.length; j++) {
                    on[j] = Short.toUnsignedInt(buffer.getShort());
                }
                out.add(Fingerprint.ofOnBits(bits, on));
            }
            return out;
        } catch (RuntimeException e) {
            throw new InvalidModelException(source, "fingerprint store is corrupt: " + e.getMessage(), e);
        }
    }
}
