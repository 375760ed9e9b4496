package org.molscreen.chem.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Compares {@link AlertCatalog#pains()} with RDKit 2022.09.3 on the 10,000 WEHI molecules that RDKit ships
 * with its PAINS data. The RDKit side was computed by {@code rdkit_pains_reference.py} (in the test
 * resources beside {@code rdkit_pains_wehi.tsv}) exactly as RDKit's own PAINS test reads the files.
 *
 * <p>Figures when this test was written (all are printed): 840 molecules flagged and 898 matches on both
 * sides; all 9,984 molecules CDK can read get exactly RDKit's alerts. The other 16 are aromatic sulfones
 * written {@code s(=O)(=O)} (benzothiophene dioxides, benzisothiazole dioxides), which CDK's SMILES parser
 * cannot kekulise; RDKit flags none of them.
 *
 * <p>Thresholds: at least 99.5% of the molecules CDK reads must get exactly RDKit's set, CDK must read at
 * least 99.5% of the file, and the flagged-molecule and match counts must agree within 1%. Exact
 * agreement is not required because RDKit's aromaticity model and CDK's Daylight model are different
 * models that happen to agree on this set; a CDK or RDKit upgrade may shift a few ring systems. A broken
 * hydrogen merge or an unsafe screen loses hundreds of the 840 flagged molecules (most PAINS SMARTS carry
 * explicit hydrogens), far beyond these margins.
 */
class PainsReferenceTest {

    private static final String REFERENCE = "rdkit_pains_wehi.tsv";

    private static AlertCatalog catalog;
    private static Map<String, String> smilesById;
    private static Reference reference;

    @BeforeAll
    static void load() throws IOException {
        Path mols = ReferenceData.rdkitData("Pains/test_data/wehi_mols.csv");
        catalog = AlertCatalog.pains();
        smilesById = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(mols, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                smilesById.put(record.get(1), record.get(0));
            }
        }
        reference = Reference.load();
    }

    @Test
    void referenceCoversTheWholeMoleculeFile() {
        assertThat(reference.molecules).isEqualTo(smilesById.size()).isEqualTo(10_000);
        assertThat(reference.unparsable).isZero();
        assertThat(smilesById.keySet()).containsAll(reference.alertsById.keySet());
    }

    @Test
    void agreesWithRdkitOnWehiMolecules() throws CDKException {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        int oursWithAlert = 0;
        int rdkitWithAlert = 0;
        int oursTotal = 0;
        int rdkitTotal = 0;
        int agreeing = 0;
        int cdkFailures = 0;
        List<String> differences = new ArrayList<>();
        Map<String, int[]> perAlert = new LinkedHashMap<>(); // label -> {only ours, only RDKit}
        for (Map.Entry<String, String> entry : smilesById.entrySet()) {
            String id = entry.getKey();
            Set<String> theirs = reference.alertsById.getOrDefault(id, Set.of());
            Set<String> ours = new TreeSet<>();
            try {
                IAtomContainer mol = Perception.perceive(parser.parseSmiles(entry.getValue()));
                for (StructuralAlert alert : catalog.matchingAlerts(mol)) {
                    ours.add(alert.label());
                }
            } catch (CDKException e) {
                cdkFailures++;
                String rdkit = theirs.isEmpty() ? "no RDKit alert" : "RDKit " + theirs;
                differences.add(id + " not compared (" + rdkit + "), CDK cannot read " + entry.getValue()
                        + ": " + e.getMessage());
                continue;
            }
            oursWithAlert += ours.isEmpty() ? 0 : 1;
            rdkitWithAlert += theirs.isEmpty() ? 0 : 1;
            oursTotal += ours.size();
            rdkitTotal += theirs.size();
            if (ours.equals(theirs)) {
                agreeing++;
            } else {
                Set<String> onlyOurs = new TreeSet<>(ours);
                onlyOurs.removeAll(theirs);
                Set<String> onlyRdkit = new TreeSet<>(theirs);
                onlyRdkit.removeAll(ours);
                onlyOurs.forEach(l -> perAlert.computeIfAbsent(l, k -> new int[2])[0]++);
                onlyRdkit.forEach(l -> perAlert.computeIfAbsent(l, k -> new int[2])[1]++);
                differences.add(id + " " + entry.getValue() + " only CDK " + onlyOurs + " only RDKit " + onlyRdkit);
            }
        }
        int n = smilesById.size();
        int compared = n - cdkFailures;
        double agreement = 100.0 * agreeing / compared;
        System.out.printf("PAINS vs %s on %d WEHI molecules (%d read by CDK):%n", reference.rdkitVersion, n, compared);
        System.out.printf("  molecules with >=1 alert: ours %d, RDKit %d%n", oursWithAlert, rdkitWithAlert);
        System.out.printf("  total alert matches:      ours %d, RDKit %d%n", oursTotal, rdkitTotal);
        System.out.printf("  identical alert sets:     %d of %d (%.2f%%); of all %d: %.2f%%%n",
                agreeing, compared, agreement, n, 100.0 * agreeing / n);
        perAlert.forEach((label, c) -> System.out.printf("  %-28s only ours %d, only RDKit %d%n", label, c[0], c[1]));
        differences.forEach(d -> System.out.println("  " + d));

        assertThat(compared).as("molecules CDK reads").isGreaterThanOrEqualTo((int) Math.ceil(0.995 * n));
        assertThat(agreement).as("per-molecule agreement with RDKit, %").isGreaterThanOrEqualTo(99.5);
        assertThat((double) Math.abs(oursWithAlert - rdkitWithAlert)).isLessThanOrEqualTo(0.01 * rdkitWithAlert);
        assertThat((double) Math.abs(oursTotal - rdkitTotal)).isLessThanOrEqualTo(0.01 * rdkitTotal);
    }

    /** The parsed rdkit_pains_wehi.tsv (format described in rdkit_pains_reference.py). */
    private static final class Reference {
        final Map<String, Set<String>> alertsById = new LinkedHashMap<>();
        int molecules = -1;
        int unparsable = -1;
        String rdkitVersion = "?";

        static Reference load() throws IOException {
            Reference ref = new Reference();
            InputStream in = PainsReferenceTest.class.getResourceAsStream(REFERENCE);
            assertThat(in).as("test resource " + REFERENCE).isNotNull();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean header = true;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("# molecules ")) {
                        ref.molecules = Integer.parseInt(line.substring("# molecules ".length()).strip());
                    } else if (line.startsWith("# unparsable ")) {
                        ref.unparsable = Integer.parseInt(line.substring("# unparsable ".length()).strip());
                    } else if (line.startsWith("# rdkit ")) {
                        ref.rdkitVersion = "RDKit " + line.substring("# rdkit ".length()).strip();
                    } else if (line.startsWith("#")) {
                        continue;
                    } else if (header) {
                        assertThat(line).isEqualTo("id\talerts");
                        header = false;
                    } else {
                        String[] fields = line.split("\t", -1);
                        assertThat(fields).as(line).hasSize(2);
                        ref.alertsById.put(fields[0], new TreeSet<>(List.of(fields[1].split(";"))));
                    }
                }
            }
            return ref;
        }
    }
}
