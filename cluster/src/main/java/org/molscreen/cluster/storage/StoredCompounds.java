package org.molscreen.cluster.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;
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
 */
public final class StoredCompounds {

    private static final byte FORMAT = 2;
    private static final byte FORMAT_WITHOUT_COUNTS = 1;

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
            Fingerprint fp = molecule.fingerprint();
            out.writeShort(fp.bits() == 65_536 ? 0 : fp.bits());
            int[] on = fp.onBits();
            out.writeShort(on.length);
            for (int bit : on) {
                out.writeShort(bit);
            }
            FingerprintCounts counts = molecule.counts();
            out.writeByte(counts == null ? 0 : 1);
            if (counts != null) {
                out.write(counts.counts());
            }
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

    /** Decodes a stored compound; {@code source} becomes the location's source (the library's file name). */
    public static FeaturizedMolecule decode(byte[] value, String source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_WITHOUT_COUNTS) {
                throw new IllegalStateException("stored compound format " + format + " is not one this molscreen reads");
            }
            long record = in.readLong();
            long line = in.readLong();
            String id = in.readUTF();
            String smiles = in.readUTF();
            int bits = Short.toUnsignedInt(in.readShort());
            int[] on = new int[Short.toUnsignedInt(in.readShort())];
            for (int i = 0; i < on.length; i++) {
                on[i] = Short.toUnsignedInt(in.readShort());
            }
            FingerprintCounts counts = null;
            if (format == FORMAT && in.readByte() == 1) {
                byte[] perBit = new byte[on.length];
                in.readFully(perBit);
                counts = new FingerprintCounts(perBit);
            }
            MolecularDescriptors d = new MolecularDescriptors(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readShort(), in.readShort(), in.readShort(), in.readShort(), in.readShort(), in.readShort(),
                    in.readDouble(), in.readShort(), in.readDouble());
            int alertCount = in.readShort();
            List<String> alerts = new ArrayList<>(alertCount);
            for (int i = 0; i < alertCount; i++) {
                alerts.add(in.readUTF());
            }
            return new FeaturizedMolecule(new RecordLocation(source, record, line), id, smiles,
                    Fingerprint.ofOnBits(bits == 0 ? 65_536 : bits, on), counts, d, alerts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
