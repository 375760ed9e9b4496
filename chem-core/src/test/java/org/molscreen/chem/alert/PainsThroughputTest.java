package org.molscreen.chem.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.ReferenceData;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Prints how fast PAINS matching runs on one thread over RDKit's {@code NCI/first_5K.smi} (drug-like, 25
 * heavy atoms on average). Reports figures only: timing depends on the machine, so nothing is asserted
 * about it. The budget it is read against: the whole featurisation must reach 3,300 molecules/s per core,
 * about 300 µs per molecule, of which PAINS should take well under 100 µs.
 */
class PainsThroughputTest {

    @Test
    void printsPainsThroughputOnFirst5K() throws IOException {
        Path file = ReferenceData.rdkitData("NCI/first_5K.smi");
        List<String> smiles = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    smiles.add(line.split("\t", 2)[0]);
                }
            }
        }
        AlertCatalog catalog = AlertCatalog.pains();
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());

        List<IAtomContainer> mols = new ArrayList<>(smiles.size());
        int failures = 0;
        long heavyAtoms = 0;
        long parseStart = System.nanoTime();
        for (String s : smiles) {
            try {
                IAtomContainer mol = Perception.perceive(parser.parseSmiles(s));
                mols.add(mol);
                heavyAtoms += mol.getAtomCount();
            } catch (CDKException e) {
                failures++;
            }
        }
        long parseNanos = System.nanoTime() - parseStart;

        // JIT warm-up, then timed passes; the best pass is reported (least disturbed by other load)
        long hits = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (IAtomContainer mol : mols) {
                hits += catalog.matchingAlerts(mol).size();
            }
        }
        long best = Long.MAX_VALUE;
        int withAlert = 0;
        for (int pass = 0; pass < 5; pass++) {
            int flagged = 0;
            long start = System.nanoTime();
            for (IAtomContainer mol : mols) {
                flagged += catalog.matchingAlerts(mol).isEmpty() ? 0 : 1;
            }
            best = Math.min(best, System.nanoTime() - start);
            withAlert = flagged;
        }
        long screened = 0;
        for (IAtomContainer mol : mols) {
            for (boolean admitted : catalog.screenVerdicts(mol)) {
                screened += admitted ? 1 : 0;
            }
        }

        double perMolMicros = best / 1_000.0 / mols.size();
        System.out.printf("PAINS throughput on %s (%d molecules, %.1f heavy atoms on average, %d CDK failures):%n",
                file.getFileName(), mols.size(), (double) heavyAtoms / mols.size(), failures);
        System.out.printf("  parse + perceive (cold, first pass): %.0f molecules/s%n", mols.size() / (parseNanos / 1e9));
        System.out.printf("  PAINS only (best of 5 warm passes):  %.0f molecules/s, %.1f µs per molecule%n",
                1e6 / perMolMicros, perMolMicros);
        System.out.printf("  alerts past the screen: %.1f of %d per molecule; molecules with >=1 alert: %d%n",
                (double) screened / mols.size(), catalog.size(), withAlert);
        assertThat(hits).isPositive();
    }
}
