package org.molscreen.cluster.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.PartialMolecule;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;

/**
 * The compact binary form of a stored compound, the cache value of a library record: record and line
 * numbers, id, canonical SMILES, the fingerprint as its set bits (two bytes each: a 2048-bit ECFP4 with
 * ~40 bits set takes ~80 bytes instead of 256), the descriptors and the alert names. About 250 bytes for
 * a drug-like compound. A format byte comes first so the layout can change without misreading old data.
 *
 * <p>Format 2 (this release) adds, after the set bits, a flag byte and, when it is 1, one byte per set bit:
 * how many atom environments fell on it ({@link FingerprintCounts}, what count-reading models take). Format 1
 * (release 0.1.0 and 0.2.0) is still read, without counts: a model that reads counts refuses such a compound
 * and asks for the library to be ingested again.
 *
 * <p>Format 3 is a compound featurised in part ({@link PartialMolecule}), what an ingest stores for a SMILES record:
 * record and line numbers, id, a flag byte (bit 0: standardised), the record's own SMILES as read, the set bits
 * and their counts; no canonical SMILES, descriptors or alerts. A screen ranks by the fingerprint and computes the
 * rest from the record's text for the compounds it shows (or for all, when a filter or model reads them), the way
 * a local screen does, so the hit list is the same. Featurising a record in part costs about half of featurising
 * it whole, and an ingest did little else. Molfile records (SDF) are still stored whole (format 2): their text is
 * several times the size of a whole compound.
 */
public final class StoredCompounds {

    private static final byte FORMAT = 2;
    private static final byte FORMAT_WITHOUT_COUNTS = 1;
    private static final byte FORMAT_PARTIAL = 3;
    private static final int STANDARDIZED = 1;

    private StoredCompounds() {
    }

    public static byte[] encode(FeaturizedMolecule molecule) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(molecule.location().record());
            out.writeLong(molecule.location().line());
            out.writeUTF(molecule.id());
            out.writeUTF(molecule.smiles());
            writeFingerprint(out, molecule.fingerprint(), molecule.counts());
            MolecularDescriptors d = molecule.descriptors();
            out.writeDouble(d.mw());
            out.writeDouble(d.exactMass());
            out.writeDouble(d.clogp());
            out.writeDouble(d.tpsa());
            out.writeShort(d.hbd());
            out.writeShort(d.hba());
            out.writeShort(d.rotb());
            out.writeShort(d.heavyAtoms());
            out.writeShort(d.rings());
            out.writeShort(d.aromaticRings());
            out.writeDouble(d.fsp3());
            out.writeShort(d.formalCharge());
            out.writeDouble(d.qed());
            out.writeShort(molecule.alerts().size());
            for (String alert : molecule.alerts()) {
                out.writeUTF(alert);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A compound featurised in part, with its fingerprint (and counts) only, as format 3.
     *
     * @param standardized whether the featurisation standardised the structure (recorded so that a screen refuses
     *                     models that expect otherwise, and completes the compound as it was featurised)
     */
    public static byte[] encode(PartialMolecule molecule, boolean standardized) {
        FeaturizedMolecule features = molecule.features();
        RawRecord source = molecule.source();
        if (source.notation() != Notation.SMILES) {
            throw new IllegalArgumentException("record " + source.location().record() + ": only a SMILES record is stored in part");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_PARTIAL);
            out.writeLong(features.location().record());
            out.writeLong(features.location().line());
            out.writeUTF(features.id());
            out.writeByte(standardized ? STANDARDIZED : 0);
            byte[] text = source.text().getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            writeFingerprint(out, features.fingerprint(), features.counts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Whether a stored value holds a compound featurised in part (format 3). */
    public static boolean partial(byte[] value) {
        return value.length > 0 && value[0] == FORMAT_PARTIAL;
    }

    /** For a compound stored in part: whether its featurisation standardised it. */
    public static boolean standardized(byte[] value) {
        if (!partial(value)) {
            throw new IllegalArgumentException("not a compound stored in part");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            in.readByte();
            return (PartialHead.read(in, "").flags() & STANDARDIZED) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a stored compound; {@code source} becomes the location's source (the library's file name). Formats 1
     * and 2 give a {@link FeaturizedMolecule}, format 3 a {@link PartialMolecule} whose features are the fingerprint
     * and counts (SMILES empty, descriptors {@link MolecularDescriptors#NOT_COMPUTED}, no alerts) and whose source is
     * the record as read.
     */
    public static FeaturizedRecord decode(byte[] value, String source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format == FORMAT_PARTIAL) {
                return decodePartial(in, source);
            }
            if (format != FORMAT && format != FORMAT_WITHOUT_COUNTS) {
                throw new IllegalStateException("stored compound format " + format + " is not one this molscreen reads");
            }
            long record = in.readLong();
            long line = in.readLong();
            String id = in.readUTF();
            String smiles = in.readUTF();
            StoredFingerprint fp = StoredFingerprint.read(in, format == FORMAT);
            MolecularDescriptors d = new MolecularDescriptors(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readShort(), in.readShort(), in.readShort(), in.readShort(), in.readShort(), in.readShort(),
                    in.readDouble(), in.readShort(), in.readDouble());
            int alertCount = in.readShort();
            List<String> alerts = new ArrayList<>(alertCount);
            for (int i = 0; i < alertCount; i++) {
                alerts.add(in.readUTF());
            }
            return new FeaturizedMolecule(new RecordLocation(source, record, line), id, smiles, fp.fingerprint(), fp.counts(),
                    d, alerts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartialMolecule decodePartial(DataInputStream in, String source) throws IOException {
        PartialHead head = PartialHead.read(in, source);
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        StoredFingerprint fp = StoredFingerprint.read(in, true);
        FeaturizedMolecule features = new FeaturizedMolecule(head.location(), head.id(), "", fp.fingerprint(), fp.counts(),
                MolecularDescriptors.NOT_COMPUTED, List.of());
        return new PartialMolecule(features, new RawRecord(head.location(), head.id(), Notation.SMILES,
                new String(text, StandardCharsets.UTF_8), Map.of()));
    }

    /** What format 3 writes after its format byte and before the record's text. */
    private record PartialHead(RecordLocation location, String id, int flags) {
        static PartialHead read(DataInputStream in, String source) throws IOException {
            return new PartialHead(new RecordLocation(source, in.readLong(), in.readLong()), in.readUTF(), in.readByte());
        }
    }

    /** The set bits and, when stored ({@code withCounts}: formats 2 and 3), their counts, as {@link #writeFingerprint} wrote them. */
    private record StoredFingerprint(Fingerprint fingerprint, FingerprintCounts counts) {
        static StoredFingerprint read(DataInputStream in, boolean withCounts) throws IOException {
            int bits = Short.toUnsignedInt(in.readShort());
            int[] on = new int[Short.toUnsignedInt(in.readShort())];
            for (int i = 0; i < on.length; i++) {
                on[i] = Short.toUnsignedInt(in.readShort());
            }
            FingerprintCounts counts = null;
            if (withCounts && in.readByte() == 1) {
                byte[] perBit = new byte[on.length];
                in.readFully(perBit);
                counts = new FingerprintCounts(perBit);
            }
            return new StoredFingerprint(Fingerprint.ofOnBits(bits == 0 ? 65_536 : bits, on), counts);
        }
    }

    private static void writeFingerprint(DataOutputStream out, Fingerprint fp, FingerprintCounts counts) throws IOException {
        out.writeShort(fp.bits() == 65_536 ? 0 : fp.bits());
        int[] on = fp.onBits();
        out.writeShort(on.length);
        for (int bit : on) {
            out.writeShort(bit);
        }
        out.writeByte(counts == null ? 0 : 1);
        if (counts != null) {
            out.write(counts.counts());
        }
    }
}
