package org.molscreen.chem.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.molscreen.chem.ReferenceData;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Prints how many molecules per second one thread gets through CrippenLogP and Qed (which includes its
 * own Crippen logP) on NCI first_5K.smi, parsing and perception excluded: the fastest of five passes, after
 * at least three seconds of warm-up so that C2 has compiled the matcher. Also for the molecules of
 * drug-like size (20 to 50 heavy atoms; first_5K averages 16). Reports, never asserts, a time: the figure
 * depends on the machine and its load. The budget it is read against: about 100 µs per drug-like molecule
 * for both together.
 */
class QedThroughputTest {

    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final int TIMED_ROUNDS = 5;

    @Test
    void printsMoleculesPerSecondOnFirst5K() throws IOException {
        Path smi = ReferenceData.rdkitData("NCI/first_5K.smi");
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        List<IAtomContainer> all = new ArrayList<>();
        int unreadable = 0;
        for (String line : Files.readAllLines(smi)) {
            try {
                all.add(Perception.perceive(parser.parseSmiles(line.split("\t")[0])));
            } catch (CDKException e) {
                unreadable++;
            }
        }
        List<IAtomContainer> drugSized = new ArrayList<>();
        for (IAtomContainer mol : all) {
            int heavy = 0;
            for (int i = 0; i < mol.getAtomCount(); i++) {
                heavy += mol.getAtom(i).getAtomicNumber() == 1 ? 0 : 1;
            }
            if (heavy >= 20 && heavy <= 50) {
                drugSized.add(mol);
            }
        }
        CrippenLogP crippen = new CrippenLogP();
        Qed qed = new Qed(crippen);
        long warmUpStart = System.nanoTime();
        double sink = 0;
        while (System.nanoTime() - warmUpStart < WARM_UP_NANOS) {
            for (IAtomContainer mol : all) {
                sink += qed.qed(mol) + crippen.logP(mol);
            }
        }
        assertThat(sink).isFinite();
        System.out.printf("first_5K.smi, %d molecules (%d CDK could not read), one thread:%n", all.size(), unreadable);
        report("CrippenLogP.logP     ", all, drugSized, crippen::logP);
        report("Qed.qed (incl. logP) ", all, drugSized, qed::qed);
        assertThat(all).hasSizeGreaterThan(4900);
    }

    private static void report(String name, List<IAtomContainer> all, List<IAtomContainer> drugSized,
                               ToDoubleFunction<IAtomContainer> descriptor) {
        double allUs = microsPerMolecule(all, descriptor);
        double drugUs = microsPerMolecule(drugSized, descriptor);
        System.out.printf("  %s %6.1f µs/molecule %8.0f molecules/s | %d of 20-50 heavy atoms: %6.1f µs/molecule%n",
                name, allUs, 1e6 / allUs, drugSized.size(), drugUs);
    }

    private static double microsPerMolecule(List<IAtomContainer> mols, ToDoubleFunction<IAtomContainer> descriptor) {
        double sink = 0;
        // the fastest round: other processes on the machine only ever make a round slower
        long best = Long.MAX_VALUE;
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            long start = System.nanoTime();
            for (IAtomContainer mol : mols) {
                sink += descriptor.applyAsDouble(mol);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        // keeps the JIT from discarding the work
        assertThat(sink).isFinite();
        return best / 1e3 / mols.size();
    }
}
