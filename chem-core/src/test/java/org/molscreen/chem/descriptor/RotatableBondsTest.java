package org.molscreen.chem.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.molscreen.chem.smarts.MolGraph;
import org.molscreen.chem.smarts.SmartsQuery;
import org.molscreen.chem.standardize.Perception;
import org.molscreen.testsupport.ReferenceData;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/** The Java rule of {@link RotatableBonds} is RDKit's strict SMARTS, matched by the shared SMARTS matcher. */
class RotatableBondsTest {

    private static final SmartsQuery STRICT = SmartsQuery.parse(RotatableBonds.STRICT_SMARTS);

    private static int bySmarts(IAtomContainer mol) {
        // a two-atom pattern: its unique matches are the bonds
        return STRICT.countUniqueMatches(MolGraph.of(mol));
    }

    /** Each exclusion of the strict rule, once on each side of the bond where it is one-sided. */
    @ParameterizedTest
    @CsvSource({
            "CCCC, 1", "CC#CCCC, 1", "FC(F)(F)CCC, 1", "FC(F)CCC, 2", "CC(C)(C)CCC, 1", "CC(C)CCC, 2",
            "CC(=O)NCC, 1", "CCNC(C)=O, 1", "CC(=O)OCC, 1", "CC(=S)NCC, 1", "CC(=[NH2+])NCC, 1",
            "c1ccccc1-c1ccccc1, 1", "C1CCCCC1C, 0", "C1CCCCC1CC, 1", "CCOCC, 2", "O=C(O)CC, 1", "CS(=O)(=O)NCC, 2"})
    void countsLikeTheSmarts(String smiles, int expected) throws CDKException {
        IAtomContainer mol = perceived(smiles);
        assertThat(RotatableBonds.count(mol)).as(smiles).isEqualTo(expected);
        assertThat(bySmarts(mol)).as(smiles).isEqualTo(expected);
    }

    /** The Java rule and the SMARTS agree on every one of the first 2,000 NCI molecules CDK reads. */
    @Test
    void agreesWithTheSmartsOnNciMolecules() throws IOException {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        List<String> disagreements = new ArrayList<>();
        int molecules = 0;
        int bonds = 0;
        for (String line : Files.readAllLines(ReferenceData.rdkitData("NCI/first_5K.smi"), StandardCharsets.UTF_8)) {
            if (molecules == 2_000 || line.isBlank()) {
                continue;
            }
            String smiles = line.strip().split("\\s+")[0];
            IAtomContainer mol;
            try {
                mol = Perception.perceive(parser.parseSmiles(smiles));
            } catch (CDKException e) {
                continue;
            }
            molecules++;
            int java = RotatableBonds.count(mol);
            bonds += java;
            if (java != bySmarts(mol)) {
                disagreements.add(smiles + ": " + java + " vs " + bySmarts(mol));
            }
        }
        assertThat(molecules).isEqualTo(2_000);
        assertThat(bonds).isGreaterThan(5_000);
        assertThat(disagreements).isEmpty();
    }

    private static IAtomContainer perceived(String smiles) throws CDKException {
        return Perception.perceive(new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles));
    }
}
