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
 * own Crippen logP) on NCI first_5K.smi, parsing and perception excluded: the fastest of five passes after
 * six warm-up passes. Reports, never asserts, a time: the figure depends on the machine and its load. The budget it is read against: about 100 µs per drug-like molecule
 * for both together.
 */
class QedThroughputTest {

    // C2 compiles the matcher only after a few passes; fewer rounds measure the interpreter
    private static final int WARM_UP_ROUNDS = 6;
    private static final int TIMED_ROUNDS = 5;

    @Test
    void printsMoleculesPerSecondOnFirst5K() throws IOException {
        Path smi = ReferenceData.rdkitData("NCI/first_5K.smi");
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        List<IAtomContainer> mols = new ArrayList<>();
        int unreadable = 0;
        for (String line : Files.readAllLines(smi)) {
            try {
                mols.add(Perception.perceive(parser.parseSmiles(line.split("\t")[0])));
            } catch (CDKException e) {
                unreadable++;
            }
        }
        CrippenLogP crippen = new CrippenLogP();
        Qed qed = new Qed(crippen);
        double crippenUs = microsPerMolecule(mols, crippen::logP);
        double qedUs = microsPerMolecule(mols, qed::qed);
        System.out.printf("first_5K.smi, %d molecules (%d CDK could not read), one thread:%n", mols.size(), unreadable);
        System.out.printf("  CrippenLogP.logP      %7.1f µs/molecule  %8.0f molecules/s%n", crippenUs, 1e6 / crippenUs);
        System.out.printf("  Qed.qed (incl. logP)  %7.1f µs/molecule  %8.0f molecules/s%n", qedUs, 1e6 / qedUs);
        assertThat(mols).hasSizeGreaterThan(4900);
    }

    private static double microsPerMolecule(List<IAtomContainer> mols, ToDoubleFunction<IAtomContainer> descriptor) {
        double sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (IAtomContainer mol : mols) {
                sink += descriptor.applyAsDouble(mol);
            }
        }
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
