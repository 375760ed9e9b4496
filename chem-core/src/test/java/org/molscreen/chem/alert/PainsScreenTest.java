package org.molscreen.chem.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * The feature screen must never skip an alert that matches; and it should skip most that do not. What it
 * derives from single expressions is tested in {@code smarts.FeatureScreenTest}.
 */
class PainsScreenTest {

    @Test
    void screenNeverSkipsAMatchingAlert() throws IOException, CDKException {
        AlertCatalog pains = AlertCatalog.pains();
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        // Only a molecule that contains an alert can show an unsafe skip, so the check runs on every known
        // positive (RDKit's test_set3 and the WEHI molecules RDKit flags) plus every 10th other WEHI molecule;
        // a search without the screen for all 10,000 x 480 pairs would take most of a minute.
        Set<String> flagged = rdkitFlaggedIds();
        List<String> smiles = new ArrayList<>(testSet3Smiles(ReferenceData.rdkitData("Pains/test_data/test_set3.txt")));
        int row = 0;
        for (String[] idAndSmiles : wehiMolecules(ReferenceData.rdkitData("Pains/test_data/wehi_mols.csv"))) {
            if (flagged.contains(idAndSmiles[0]) || row++ % 10 == 0) {
                smiles.add(idAndSmiles[1]);
            }
        }
        long skipped = 0;
        long pairs = 0;
        int molecules = 0;
        List<String> unsound = new ArrayList<>();
        for (String s : smiles) {
            IAtomContainer mol;
            try {
                mol = Perception.perceive(parser.parseSmiles(s));
            } catch (CDKException e) {
                continue; // the few sulfone SMILES CDK cannot kekulise; see PainsReferenceTest
            }
            molecules++;
            boolean[] admitted = pains.screenVerdicts(mol);
            for (int i = 0; i < admitted.length; i++) {
                pairs++;
                if (!admitted[i]) {
                    skipped++;
                    if (pains.matchesUnscreened(i, mol)) {
                        unsound.add(pains.alerts().get(i).label() + " skipped for " + s);
                    }
                }
            }
        }
        System.out.printf("PAINS screen: %d molecules, %.1f%% of molecule/alert pairs skipped without search%n",
                molecules, 100.0 * skipped / pairs);
        assertThat(molecules).isGreaterThan(2_000);
        assertThat(unsound).isEmpty();
        assertThat((double) skipped / pairs).isGreaterThan(0.9);
    }

    private static List<String[]> wehiMolecules(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            for (CSVRecord record : csv) {
                out.add(new String[]{record.get(1), record.get(0)});
            }
        }
        return out;
    }

    /** Ids of the rows of rdkit_pains_wehi.tsv: the WEHI molecules with at least one RDKit PAINS match. */
    private static Set<String> rdkitFlaggedIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (InputStream in = PainsScreenTest.class.getResourceAsStream("rdkit_pains_wehi.tsv")) {
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.startsWith("#") && !line.startsWith("id\t") && !line.isBlank()) {
                    ids.add(line.split("\t", 2)[0]);
                }
            }
        }
        assertThat(ids).hasSize(840);
        return ids;
    }

    private static List<String> testSet3Smiles(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(line.strip().split("\\s+")[2]);
            }
        }
        return out;
    }
}
