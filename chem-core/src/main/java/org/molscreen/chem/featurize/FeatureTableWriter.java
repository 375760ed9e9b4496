package org.molscreen.chem.featurize;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.fingerprint.FingerprintSpec;

/**
 * Writes featurised records as CSV, one row per input record, in the columns {@code molscreen featurize}
 * documents: {@code id, smiles}, the descriptors, {@code ro5_violations, veber_pass, pains}, the fingerprint
 * (its set bits, ascending, separated by {@code ;}, in a column named after its spec, e.g.
 * {@code ecfp4_2048}) when one was computed, and {@code error}. A rejected record has its id and error and
 * empty feature columns. Numbers are written by {@link FixedDecimals}, the same whatever the locale.
 *
 * <p>Not thread-safe.
 */
public final class FeatureTableWriter implements Closeable {

    public static final List<String> DESCRIPTOR_COLUMNS = List.of("mw", "exact_mass", "clogp", "tpsa", "hbd", "hba",
            "rotb", "heavy_atoms", "rings", "aromatic_rings", "fsp3", "formal_charge", "qed");

    private final CSVPrinter printer;
    private final FingerprintSpec fingerprint;
    private final int columns;

    public FeatureTableWriter(Writer out, FingerprintSpec fingerprint) throws IOException {
        this.fingerprint = fingerprint;
        List<String> header = new ArrayList<>();
        header.add("id");
        header.add("smiles");
        header.addAll(DESCRIPTOR_COLUMNS);
        header.add("ro5_violations");
        header.add("veber_pass");
        header.add("pains");
        if (fingerprint != null) {
            header.add(fingerprint.name());
        }
        header.add("error");
        this.columns = header.size();
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        printer.printRecord(header);
    }

    public void write(FeaturizedRecord record) {
        List<String> row = new ArrayList<>(columns);
        row.add(record.id());
        if (record instanceof FeaturizedMolecule molecule) {
            row.add(molecule.smiles());
            row.addAll(descriptorCells(molecule));
            if (fingerprint != null) {
                row.add(onBits(molecule));
            }
            row.add("");
        } else {
            RejectedRecord rejected = (RejectedRecord) record;
            while (row.size() < columns - 1) {
                row.add("");
            }
            row.add(rejected.error().message());
        }
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The descriptor columns ({@link #DESCRIPTOR_COLUMNS}), then {@code ro5_violations, veber_pass, pains}, as
     * text: the one formatting every molscreen table (features, predictions, hit lists) uses.
     */
    public static List<String> descriptorCells(FeaturizedMolecule molecule) {
        MolecularDescriptors d = molecule.descriptors();
        return List.of(FixedDecimals.format(d.mw(), 3), FixedDecimals.format(d.exactMass(), 4), FixedDecimals.format(d.clogp(), 3),
                FixedDecimals.format(d.tpsa(), 2),
                Integer.toString(d.hbd()), Integer.toString(d.hba()), Integer.toString(d.rotb()),
                Integer.toString(d.heavyAtoms()), Integer.toString(d.rings()), Integer.toString(d.aromaticRings()),
                FixedDecimals.format(d.fsp3(), 3), Integer.toString(d.formalCharge()), FixedDecimals.format(d.qed(), 4),
                Integer.toString(d.ruleOfFiveViolations()), Boolean.toString(d.veberPass()), String.join(";", molecule.alerts()));
    }

    private static String onBits(FeaturizedMolecule molecule) {
        if (molecule.fingerprint() == null) {
            return "";
        }
        int[] on = molecule.fingerprint().onBits();
        StringBuilder text = new StringBuilder(on.length * 5);
        for (int i = 0; i < on.length; i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(on[i]);
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
