package org.molscreen.chem.featurize;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.fingerprint.FingerprintSpec;

/**
 * Writes featurised records as CSV, one row per input record, in the columns {@code molscreen featurize}
 * documents: {@code id, smiles}, the descriptors, {@code ro5_violations, veber_pass, pains}, the fingerprint
 * (its set bits, ascending, separated by {@code ;}, in a column named after its spec, e.g.
 * {@code ecfp4_2048}) when one was computed, and {@code error}. A rejected record has its id and error and
 * empty feature columns. Numbers use a dot and fixed decimals, whatever the locale, so the file reads the
 * same in DataWarrior, KNIME, RDKit or pandas everywhere.
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
            MolecularDescriptors d = molecule.descriptors();
            row.add(molecule.smiles());
            row.add(fixed(d.mw(), 3));
            row.add(fixed(d.exactMass(), 4));
            row.add(fixed(d.clogp(), 3));
            row.add(fixed(d.tpsa(), 2));
            row.add(Integer.toString(d.hbd()));
            row.add(Integer.toString(d.hba()));
            row.add(Integer.toString(d.rotb()));
            row.add(Integer.toString(d.heavyAtoms()));
            row.add(Integer.toString(d.rings()));
            row.add(Integer.toString(d.aromaticRings()));
            row.add(fixed(d.fsp3(), 3));
            row.add(Integer.toString(d.formalCharge()));
            row.add(fixed(d.qed(), 4));
            row.add(Integer.toString(d.ruleOfFiveViolations()));
            row.add(Boolean.toString(d.veberPass()));
            row.add(String.join(";", molecule.alerts()));
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

    private static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
