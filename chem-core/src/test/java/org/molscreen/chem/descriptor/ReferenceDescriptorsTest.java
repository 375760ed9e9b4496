package org.molscreen.chem.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.LibraryRecord;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Standardizer;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Descriptors against reference values that molscreen did not compute: Ertl's own TPSA program (via
 * Daylight) on 4,999 NCI molecules, and Daylight's properties on 200 of them, both shipped by Debian's
 * rdkit-data. Values are computed on each record exactly as given (no standardisation), as the
 * references were.
 */
class ReferenceDescriptorsTest {

    private final StructureParser parser = new StructureParser();
    private final Standardizer standardizer = new Standardizer();
    private final DescriptorCalculator calculator = new DescriptorCalculator();

    @Test
    void tpsaAgreesWithErtlsProgramOnTheNci5k() throws IOException {
        Path reference = ReferenceData.rdkitData("NCI/first_5k.tpsa.csv");
        int total = 0;
        int within = 0;
        int unparsed = 0;
        List<String> worst = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(reference, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                String smiles = line.substring(0, comma);
                double expected = Double.parseDouble(line.substring(comma + 1));
                total++;
                double actual;
                try {
                    actual = PolarSurfaceArea.of(standardizer.asGiven(parser.parseSmiles(smiles)));
                } catch (RuntimeException e) {
                    unparsed++;
                    continue;
                }
                if (Math.abs(actual - expected) <= 0.1) {
                    within++;
                } else if (worst.size() < 15) {
                    worst.add(smiles + " ours " + actual + " Ertl " + expected);
                }
            }
        }
        double agreement = (double) within / total;
        System.out.printf("TPSA vs Ertl/Daylight: %d of %d within 0.1 (%.2f%%), %d unparsed%n",
                within, total, 100 * agreement, unparsed);
        worst.forEach(w -> System.out.println("  TPSA differs: " + w));
        assertThat(total).isEqualTo(4999);
        assertThat(agreement).as("fraction of molecules within 0.1 of Ertl's TPSA").isGreaterThanOrEqualTo(0.99);
    }

    /** The 200 records of first_200.props.sdf with their Daylight properties. */
    private List<RawRecord> first200() throws IOException {
        Path sdf = ReferenceData.rdkitData("NCI/first_200.props.sdf");
        List<RawRecord> records = new ArrayList<>();
        try (LibraryReader reader = LibraryReader.open(sdf, ReadOptions.defaults())) {
            while (reader.hasNext()) {
                LibraryRecord record = reader.next();
                assertThat(record).isInstanceOf(RawRecord.class);
                records.add((RawRecord) record);
            }
        }
        assertThat(records).hasSize(200);
        return records;
    }

    @Test
    void molecularWeightMatchesDaylightAmwForEveryMolecule() throws IOException {
        double worst = 0;
        for (RawRecord record : first200()) {
            IAtomContainer mol = standardizer.asGiven(parser.parse(record));
            double expected = Double.parseDouble(record.properties().get("AMW"));
            double actual = calculator.calculate(mol).mw();
            worst = Math.max(worst, Math.abs(actual - expected));
            assertThat(actual).as("MW of %s (record %d)", record.properties().get("SMILES"), record.location().record())
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(0.05));
        }
        System.out.printf("MW vs Daylight AMW: largest difference %.4f over 200 molecules%n", worst);
    }

    /**
     * Lipinski donors/acceptors, strict rotatable bonds and SSSR ring counts against Daylight. These are
     * discrete definitions that RDKit reproduces 200/200 on this file (checked with RDKit 2022.09); a
     * molecule that differs is a real divergence (typically a different aromaticity or valence model), so
     * we require at least 98% (at most 4 of 200) for each and print every difference.
     */
    @Test
    void countsAgreeWithDaylightProperties() throws IOException {
        int hbd = 0;
        int hba = 0;
        int rotb = 0;
        int rings = 0;
        List<RawRecord> records = first200();
        for (RawRecord record : records) {
            MolecularDescriptors d = calculator.calculate(standardizer.asGiven(parser.parse(record)));
            String smiles = record.properties().get("SMILES");
            hbd += agree("HBD", smiles, d.hbd(), record.properties().get("NUM_LIPINSKIHDONORS"));
            hba += agree("HBA", smiles, d.hba(), record.properties().get("NUM_LIPINSKIHACCEPTORS"));
            rotb += agree("rotatable bonds", smiles, d.rotb(), record.properties().get("NUM_ROTATABLEBONDS"));
            rings += agree("rings", smiles, d.rings(), record.properties().get("NUM_RINGS"));
        }
        System.out.printf("Agreement with Daylight on %d molecules: HBD %d, HBA %d, rotatable bonds %d, rings %d%n",
                records.size(), hbd, hba, rotb, rings);
        assertThat(hbd).isGreaterThanOrEqualTo(196);
        assertThat(hba).isGreaterThanOrEqualTo(196);
        assertThat(rotb).isGreaterThanOrEqualTo(196);
        assertThat(rings).isGreaterThanOrEqualTo(196);
    }

    private static int agree(String what, String smiles, int actual, String expected) {
        int reference = Integer.parseInt(expected.strip());
        if (actual != reference) {
            System.out.printf("  %s differs for %s: ours %d, Daylight %d%n", what, smiles, actual, reference);
            return 0;
        }
        return 1;
    }
}
