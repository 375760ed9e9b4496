package org.molscreen.engine.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.testsupport.ReferenceData;

/**
 * Scaffolds and splits of MoleculeNet's BACE set (1,513 molecules, {@code ../shared/datasets/bace.csv}), checked
 * against RDKit's {@code MurckoScaffoldSmiles}, which Chemprop's scaffold split uses. The RDKit output and the
 * script that wrote it are in the test resources ({@code bace_rdkit_scaffolds.txt}, {@code rdkit_scaffolds.py}).
 */
class BaceScaffoldTest {

    private static List<String> ids;
    private static List<String> smiles;
    private static List<String> model;

    @BeforeAll
    static void readBace() throws IOException {
        Path bace = ReferenceData.sharedDataset("bace.csv");
        ids = new ArrayList<>();
        smiles = new ArrayList<>();
        model = new ArrayList<>();
        List<String> lines = Files.readAllLines(bace, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("smiles,CID,pIC50,Class,Model");
        // BACE's SMILES hold no commas or quotes, so a plain split reads the file
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            smiles.add(fields[0]);
            ids.add(fields[1]);
            model.add(fields[4]);
        }
        assertThat(smiles).hasSize(1513);
    }

    @Test
    void scaffoldsGroupTheMoleculesAsRdkitDoes() throws IOException {
        List<String> rdkit = rdkitScaffolds();
        long start = System.nanoTime();
        List<String> keys = MurckoScaffold.keys(smiles);
        double seconds = (System.nanoTime() - start) / 1e9;

        StructureParser parser = new StructureParser();
        List<String> mismatches = new ArrayList<>();
        for (int row = 0; row < smiles.size(); row++) {
            String fromRdkitScaffold = rdkit.get(row).isEmpty() ? MurckoScaffold.ACYCLIC : MurckoScaffold.key(parser.parseSmiles(rdkit.get(row)));
            if (!keys.get(row).equals(fromRdkitScaffold)) {
                mismatches.add(ids.get(row) + ": ours " + keys.get(row) + ", RDKit " + rdkit.get(row) + " -> " + fromRdkitScaffold);
            }
        }
        System.out.printf("BACE: %d molecules, %d scaffolds (RDKit %d), scaffolds computed in %.2f s%n",
                keys.size(), new HashSet<>(keys).size(), new HashSet<>(rdkit).size(), seconds);
        mismatches.forEach(System.out::println);
        assertThat(mismatches).isEmpty();
        assertThat(samePartition(keys, rdkit)).isTrue();
    }

    @Test
    void balancedScaffoldSplitKeepsEveryScaffoldInOnePart() {
        List<String> keys = MurckoScaffold.keys(smiles);
        long start = System.nanoTime();
        MurckoScaffold.keys(smiles);
        double warmSeconds = (System.nanoTime() - start) / 1e9;
        for (long seed : new long[] {0, 1, 42}) {
            DataSplit split = Splitter.withDefaultFractions(seed).scaffold(smiles);
            assertThat(split).isEqualTo(Splitter.withDefaultFractions(seed).scaffoldGroups(keys));
            Map<String, SplitPart> partOfScaffold = new HashMap<>();
            for (int row = 0; row < keys.size(); row++) {
                SplitPart part = split.partOf(row);
                SplitPart earlier = partOfScaffold.putIfAbsent(keys.get(row), part);
                assertThat(earlier == null || earlier == part).as("scaffold %s of row %d in %s and %s", keys.get(row), row, earlier, part).isTrue();
            }
            Set<String> trainScaffolds = scaffoldsOf(split.train(), keys);
            Set<String> validationScaffolds = scaffoldsOf(split.validation(), keys);
            Set<String> testScaffolds = scaffoldsOf(split.test(), keys);
            System.out.printf("BACE scaffold split, seed %d: train %d rows (%d scaffolds), validation %d (%d), test %d (%d)%n", seed,
                    split.size(SplitPart.TRAIN), trainScaffolds.size(), split.size(SplitPart.VALIDATION), validationScaffolds.size(),
                    split.size(SplitPart.TEST), testScaffolds.size());
            // balanced: parts near 80/10/10 of 1,513 rows (train never above 1,210.4)
            assertThat(split.size(SplitPart.TRAIN)).isBetween(1150, 1210);
            assertThat(split.size(SplitPart.VALIDATION)).isBetween(100, 152);
            assertThat(split.size(SplitPart.TEST)).isBetween(140, 230);
        }
        System.out.printf("BACE: scaffold keys of 1,513 molecules in %.3f s warm (%.0f µs a molecule)%n", warmSeconds, warmSeconds * 1e6 / smiles.size());
    }

    @Test
    void moleculeNetModelColumnGivesItsOwnSplit() {
        DataSplit split = Splitter.withDefaultFractions(0).column(model);
        System.out.printf("BACE Model column: train %d, validation %d, test %d%n",
                split.size(SplitPart.TRAIN), split.size(SplitPart.VALIDATION), split.size(SplitPart.TEST));
        assertThat(split.kind()).isEqualTo(SplitKind.COLUMN);
        assertThat(split.size(SplitPart.TRAIN)).isEqualTo(203);
        assertThat(split.size(SplitPart.VALIDATION)).isEqualTo(45);
        assertThat(split.size(SplitPart.TEST)).isEqualTo(1265);
        assertThat(split.fractions().train()).isEqualTo(203.0 / 1513);
        assertThat(split.partOf(0)).isEqualTo(SplitPart.TRAIN);
    }

    private static Set<String> scaffoldsOf(int[] rows, List<String> keys) {
        Set<String> scaffolds = new HashSet<>();
        for (int row : rows) {
            scaffolds.add(keys.get(row));
        }
        return scaffolds;
    }

    private static boolean samePartition(List<String> a, List<String> b) {
        Map<String, String> aToB = new HashMap<>();
        Map<String, String> bToA = new HashMap<>();
        for (int row = 0; row < a.size(); row++) {
            String previousB = aToB.putIfAbsent(a.get(row), b.get(row));
            String previousA = bToA.putIfAbsent(b.get(row), a.get(row));
            if ((previousB != null && !previousB.equals(b.get(row))) || (previousA != null && !previousA.equals(a.get(row)))) {
                return false;
            }
        }
        return true;
    }

    private List<String> rdkitScaffolds() throws IOException {
        List<String> scaffolds = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("bace_rdkit_scaffolds.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                assertThat(fields[0]).isEqualTo(ids.get(scaffolds.size()));
                scaffolds.add(fields[1]);
            }
        }
        assertThat(scaffolds).hasSize(smiles.size());
        return scaffolds;
    }
}
