package org.molscreen.chem.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.chem.smarts.DepthFirstSmarts;
import org.molscreen.chem.smarts.FeatureScreen;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * A set of SMARTS structural alerts, by default the 480 PAINS classes (Baell &amp; Holloway 2010) in the
 * SMARTS of Saubern, Guha &amp; Baell 2011 as edited and shipped by RDKit ({@link #pains()}; credits and
 * licence in {@code PAINS-NOTICE.txt} beside {@code wehi_pains.csv}).
 *
 * <p><b>Meaning of the SMARTS.</b> Alerts mean what RDKit gives them with
 * {@code Chem.MolFromSmarts(smarts, mergeHs=True)}: an explicit {@code [#1]} bonded to a heavy query atom
 * is not an atom to be found but "this atom carries at least one more hydrogen", implicit or explicit.
 * The query is rewritten accordingly once, when the catalog is built (see {@code DepthFirstSmarts}); molecules
 * are never given explicit hydrogens. Other SMARTS primitives keep CDK's meaning, which for the
 * primitives PAINS uses ({@code H}, {@code X}, {@code R}, {@code @}, aromatic and aliphatic atoms and
 * bonds, recursion) is RDKit's. Remaining differences come from aromaticity: RDKit's model and CDK's
 * Daylight model disagree on some ring systems; see the reference test for the figures.
 *
 * <p><b>Input contract.</b> {@link #matches} takes a molecule already perceived by
 * {@link org.molscreen.chem.standardize.Perception#perceive} (atom types, implicit hydrogen counts, ring
 * flags, Daylight aromaticity) whose hydrogens are implicit. Explicit hydrogen atoms are tolerated (they
 * count towards hydrogen counts, as in RDKit) but a wildcard query atom such as {@code [!#6]} may then map
 * onto one, which RDKit's hydrogen-suppressed molecules never allow. The molecule is only read: no flag,
 * property or hydrogen of it changes.
 *
 * <p><b>Speed.</b> Before any substructure search a {@code FeatureScreen} compares counts of atom and
 * bond kinds the alert requires with those of the molecule and skips alerts that cannot match (about 98%
 * of them on screening compounds); a depth-first search (CDK {@code DfPattern}), started from the
 * alert's rarest atom, runs only for the rest. On one core this is about 10-30 µs per drug-like molecule
 * (figures from {@code PainsThroughputTest}).
 *
 * <p><b>Thread-safety.</b> Immutable and thread-safe: one catalog can serve all worker threads. Matching
 * allocates its search state per call and never writes to the catalog.
 */
public final class AlertCatalog {

    /** Classpath location of the bundled PAINS definitions. */
    public static final String PAINS_RESOURCE = "wehi_pains.csv";

    private static final Pattern REG_ID = Pattern.compile("<regId=(.+)\\((\\d+)\\)>");

    private final List<StructuralAlert> alerts;
    /** The compiled SMARTS of each alert, parallel to {@link #alerts}. */
    private final DepthFirstSmarts[] queries;
    private final FeatureScreen screen;

    private AlertCatalog(List<StructuralAlert> alerts, List<DepthFirstSmarts> compiled) {
        this.alerts = List.copyOf(alerts);
        this.queries = compiled.toArray(new DepthFirstSmarts[0]);
        List<IAtomContainer> queryGraphs = new ArrayList<>(compiled.size());
        for (DepthFirstSmarts q : compiled) {
            queryGraphs.add(q.query());
        }
        this.screen = new FeatureScreen(queryGraphs);
    }

    /**
     * The 480 PAINS alerts bundled with molscreen, loaded once per class loader (about 0.1 s) and shared.
     */
    public static AlertCatalog pains() {
        return PainsHolder.PAINS;
    }

    /** Initialisation-on-demand holder: the JVM loads the bundled catalog once, on first use, thread-safely. */
    private static final class PainsHolder {
        private static final AlertCatalog PAINS = loadBundled();

        private static AlertCatalog loadBundled() {
            InputStream in = AlertCatalog.class.getResourceAsStream(PAINS_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource " + PAINS_RESOURCE + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return read(reader, PAINS_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled " + PAINS_RESOURCE, e);
            }
        }
    }

    /**
     * Reads a catalog in the format of RDKit's {@code wehi_pains.csv}: one alert per line, two CSV fields,
     * the SMARTS and {@code <regId=NAME(N)>}. Blank lines are skipped. Labels ({@code NAME(N)}) must be
     * unique.
     *
     * @param reader the text; not closed
     * @param source the name used in error messages, e.g. a file name
     * @throws InvalidInputException naming the source and line of the first line that is not two fields, has
     *                               no regId, repeats a label, or holds SMARTS that CDK cannot parse or that
     *                               uses a feature alerts do not support (stereochemistry, {@code R<n>})
     * @throws UncheckedIOException  if the reader fails
     */
    public static AlertCatalog read(Reader reader, String source) {
        List<StructuralAlert> alerts = new ArrayList<>();
        List<DepthFirstSmarts> compiled = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                StructuralAlert alert = parseLine(line, source, lineNumber);
                if (!labels.add(alert.label())) {
                    throw new InvalidInputException(source, "line " + lineNumber + ": alert " + alert.label()
                            + " is defined twice");
                }
                try {
                    compiled.add(DepthFirstSmarts.compile(alert.smarts()));
                    alerts.add(alert);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(source, "line " + lineNumber + ": alert " + alert.label()
                            + ", SMARTS '" + alert.smarts() + "': " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " after line " + lineNumber, e);
        }
        return new AlertCatalog(alerts, compiled);
    }

    private static StructuralAlert parseLine(String line, String source, int lineNumber) {
        CSVRecord record;
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            record = records.size() == 1 ? records.get(0) : null;
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(source, "line " + lineNumber + ": not a CSV line: " + e.getMessage(), e);
        }
        if (record == null || record.size() != 2) {
            throw new InvalidInputException(source, "line " + lineNumber + ": expected 2 fields "
                    + "(\"SMARTS\",\"<regId=NAME(N)>\"), found " + (record == null ? 0 : record.size()));
        }
        String smarts = record.get(0).strip();
        Matcher id = REG_ID.matcher(record.get(1).strip());
        if (!id.matches()) {
            throw new InvalidInputException(source, "line " + lineNumber + ": second field '" + record.get(1)
                    + "' is not of the form <regId=NAME(N)>");
        }
        if (smarts.isEmpty()) {
            throw new InvalidInputException(source, "line " + lineNumber + ": SMARTS of " + id.group(1) + " is empty");
        }
        int classSize;
        try {
            classSize = Integer.parseInt(id.group(2));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source, "line " + lineNumber + ": class size '" + id.group(2)
                    + "' is not an int", e);
        }
        return new StructuralAlert(id.group(1), classSize, smarts);
    }

    /** The alerts in catalog (file) order; unmodifiable. */
    public List<StructuralAlert> alerts() {
        return alerts;
    }

    /** Number of alerts. */
    public int size() {
        return alerts.size();
    }

    /**
     * Names of the alerts that occur in the molecule, in catalog order, each name once (PAINS has two
     * {@code amino_acridine_A} patterns; use {@link #matchingAlerts} to tell them apart). Empty if none.
     *
     * @param mol a perceived molecule with implicit hydrogens (see the class comment); only read
     * @throws IllegalArgumentException if an atom has no implicit hydrogen count (molecule not perceived)
     */
    public List<String> matches(IAtomContainer mol) {
        List<StructuralAlert> hits = matchingAlerts(mol);
        if (hits.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (StructuralAlert alert : hits) {
            names.add(alert.name());
        }
        return List.copyOf(names);
    }

    /**
     * The alerts that occur in the molecule, in catalog order. Empty if none.
     *
     * @param mol a perceived molecule with implicit hydrogens (see the class comment); only read
     * @throws IllegalArgumentException if an atom has no implicit hydrogen count (molecule not perceived)
     */
    public List<StructuralAlert> matchingAlerts(IAtomContainer mol) {
        int[] counts = screen.count(mol);
        List<StructuralAlert> hits = null;
        for (int i = 0; i < queries.length; i++) {
            if (screen.admits(i, counts) && queries[i].matches(mol)) {
                if (hits == null) {
                    hits = new ArrayList<>(4);
                }
                hits.add(alerts.get(i));
            }
        }
        return hits == null ? List.of() : List.copyOf(hits);
    }

    /**
     * Which alerts the screen lets through to the substructure search for this molecule (index = catalog
     * position); for benchmarks and tests of the screen, not needed for matching.
     */
    boolean[] screenVerdicts(IAtomContainer mol) {
        int[] counts = screen.count(mol);
        boolean[] admitted = new boolean[queries.length];
        for (int i = 0; i < queries.length; i++) {
            admitted[i] = screen.admits(i, counts);
        }
        return admitted;
    }

    /** Whether alert {@code i} matches, bypassing the screen; for tests of the screen's safety. */
    boolean matchesUnscreened(int i, IAtomContainer mol) {
        return queries[i].matches(mol);
    }
}
