package org.molscreen.chem.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.InvalidInputException;
import org.molscreen.testsupport.ReferenceData;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

class PainsCatalogTest {

    private static final SmilesParser SMILES = new SmilesParser(SilentChemObjectBuilder.getInstance());

    private static IAtomContainer mol(String smiles) {
        try {
            return Perception.perceive(SMILES.parseSmiles(smiles));
        } catch (CDKException e) {
            throw new IllegalArgumentException(smiles, e);
        }
    }

    private static AlertCatalog catalog(String csv) {
        return AlertCatalog.read(new StringReader(csv), "test.csv");
    }

    @Test
    void bundledCatalogIsTheRdkitFileInOrder() {
        AlertCatalog pains = AlertCatalog.pains();
        List<StructuralAlert> alerts = pains.alerts();
        assertThat(pains.size()).isEqualTo(480);
        assertThat(alerts.get(0).label()).isEqualTo("anil_di_alk_F(14)");
        assertThat(alerts.get(0).smarts()).startsWith("c:1:c:c(:c:c:c:1-[#6;X4]-c:2:c:c:c(:c:c:2)");
        assertThat(alerts.get(479).label()).isEqualTo("anil_di_alk_E(186)");
        assertThat(alerts.stream().map(StructuralAlert::label).distinct()).hasSize(480);
        // one PAINS name is used by two different classes; labels keep them apart
        assertThat(alerts.stream().filter(a -> a.name().equals("amino_acridine_A")).map(StructuralAlert::label))
                .containsExactly("amino_acridine_A(1)", "amino_acridine_A(46)");
        assertThat(AlertCatalog.pains()).isSameAs(pains);
    }

    @Test
    void familiesMatchRdkitPainsABCSplit() {
        // RDKit's FilterCatalogs.PAINS_A, PAINS_B and PAINS_C hold 16, 55 and 409 entries
        Map<StructuralAlert.Family, Long> perFamily = AlertCatalog.pains().alerts().stream()
                .collect(Collectors.groupingBy(StructuralAlert::family, Collectors.counting()));
        assertThat(perFamily).containsExactlyInAnyOrderEntriesOf(Map.of(
                StructuralAlert.Family.A, 16L, StructuralAlert.Family.B, 55L, StructuralAlert.Family.C, 409L));
    }

    @Test
    void everyKnownPositiveOfRdkitTestSet3MatchesItsPattern() throws IOException {
        Path testSet = ReferenceData.rdkitData("Pains/test_data/test_set3.txt");
        AlertCatalog pains = AlertCatalog.pains();
        int checked = 0;
        List<String> misses = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(testSet, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("\\s+");
                assertThat(fields).as(line).hasSize(5);
                StructuralAlert expected = pains.alerts().get(Integer.parseInt(fields[0]));
                if (!pains.matchingAlerts(mol(fields[2])).contains(expected)) {
                    misses.add(fields[0] + " " + expected.label() + " " + fields[2] + " (" + fields[3] + ")");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(462);
        assertThat(misses).as("known positives that did not match").isEmpty();
    }

    @Test
    void explicitHydrogenInSmartsMeansAtLeastThatManyHydrogens() {
        AlertCatalog ch2 = catalog("\"[#6](-[#1])(-[#1])-[#8]\",\"<regId=ch2_o(1)>\"\n");
        assertThat(ch2.matches(mol("CO"))).containsExactly("ch2_o"); // CH3: at least 2
        assertThat(ch2.matches(mol("CCO"))).containsExactly("ch2_o");
        assertThat(ch2.matches(mol("CC(C)O"))).isEmpty(); // CH: only 1
        assertThat(ch2.matches(mol("CC(C)(C)O"))).isEmpty();
    }

    @Test
    void explicitHydrogenInsideRecursiveSmartsIsMergedToo() {
        AlertCatalog nh2 = catalog("\"[c;$(c-[#7](-[#1])-[#1])]\",\"<regId=aniline_nh2(1)>\"\n");
        assertThat(nh2.matches(mol("Nc1ccccc1"))).containsExactly("aniline_nh2");
        assertThat(nh2.matches(mol("CNc1ccccc1"))).isEmpty();
        assertThat(nh2.matches(mol("CN(C)c1ccccc1"))).isEmpty();
    }

    @Test
    void namesAreReportedOnceInCatalogOrder() {
        AlertCatalog two = catalog("""
                "c1ccccc1","<regId=ring(2)>"
                "[#8]-[#1]","<regId=hydroxy(5)>"
                "c-[#8]","<regId=ring(1)>"
                """);
        IAtomContainer phenol = mol("Oc1ccccc1");
        assertThat(two.matches(phenol)).containsExactly("ring", "hydroxy");
        assertThat(two.matchingAlerts(phenol)).extracting(StructuralAlert::label)
                .containsExactly("ring(2)", "hydroxy(5)", "ring(1)");
        assertThat(two.matches(mol("CCCC"))).isEmpty();
    }

    @Test
    void matchingLeavesTheMoleculeAsPerceived() {
        IAtomContainer mol = mol("O=C(Nc1ccc(O)cc1)/C=C/c1ccc(N(C)C)cc1"); // matches PAINS alerts
        String before = snapshot(mol);
        assertThat(AlertCatalog.pains().matches(mol)).isNotEmpty();
        assertThat(snapshot(mol)).isEqualTo(before);
    }

    private static String snapshot(IAtomContainer mol) {
        StringBuilder sb = new StringBuilder();
        for (IAtom a : mol.atoms()) {
            sb.append(a.getSymbol()).append(a.getImplicitHydrogenCount()).append(a.isAromatic()).append(a.isInRing())
                    .append(Arrays.toString(a.getFlags())).append(a.getAtomTypeName()).append(a.getProperties()).append(';');
        }
        for (IBond b : mol.bonds()) {
            sb.append(b.getOrder()).append(b.isAromatic()).append(b.isInRing()).append(Arrays.toString(b.getFlags()))
                    .append(b.getProperties()).append(';');
        }
        return sb.append(mol.getProperties()).toString();
    }

    @Test
    void unperceivedMoleculeIsRejected() {
        IAtomContainer raw = SilentChemObjectBuilder.getInstance().newAtomContainer();
        IAtom carbon = SilentChemObjectBuilder.getInstance().newAtom();
        carbon.setAtomicNumber(6);
        carbon.setSymbol("C");
        raw.addAtom(carbon);
        assertThatThrownBy(() -> AlertCatalog.pains().matches(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no implicit hydrogen count");
    }

    @Test
    void malformedSmartsNamesSourceLineAndAlert() {
        String csv = """
                "c1ccccc1","<regId=ring(2)>"
                "[#8]-[#1]","<regId=hydroxy(5)>"
                "c1ccc(-[#6","<regId=broken_A(3)>"
                """;
        assertThatThrownBy(() -> catalog(csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("broken_A(3)")
                .hasMessageContaining("c1ccc(-[#6");
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumber() {
        assertThatThrownBy(() -> catalog("\"c1ccccc1\"\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1: expected 2 fields");
        assertThatThrownBy(() -> catalog("\n\"c1ccccc1\",\"ring\"\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2").hasMessageContaining("<regId=NAME(N)>");
        assertThatThrownBy(() -> catalog("\"c1ccccc1\",\"<regId=ring(2)>\"\n\"C=O\",\"<regId=ring(2)>\"\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2: alert ring(2) is defined twice");
        assertThatThrownBy(() -> catalog("\"C[C@H](N)O\",\"<regId=chiral(1)>\"\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1").hasMessageContaining("stereochemistry");
    }

    @Test
    void oneCatalogServesSeveralThreads() throws Exception {
        List<String> smiles = List.of(
                "O=C(Nc1ccc(O)cc1)/C=C/c1ccc(N(C)C)cc1", "Nc1ccc(Cc2ccc(N)cc2)cc1", "O=C1C=CC(=O)C=C1",
                "Oc1ccccc1O", "CC(=O)Nc1ccc(O)cc1", "S=C1SC(=Cc2ccccc2)C(=O)N1", "c1ccc2ccccc2c1", "CCO");
        AlertCatalog pains = AlertCatalog.pains();
        Function<String, List<String>> alertsOf = s -> pains.matches(mol(s));
        List<List<String>> expected = smiles.stream().map(alertsOf).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        if (!smiles.stream().map(alertsOf).toList().equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.stream().filter(l -> !l.isEmpty())).hasSizeGreaterThanOrEqualTo(4);
    }
}
