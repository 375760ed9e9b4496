package org.molscreen.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.molscreen.chem.alert.AlertCatalog;
import org.molscreen.chem.descriptor.DescriptorCalculator;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.standardize.Standardizer;
import org.openscience.cdk.interfaces.IAtomContainer;
import java.util.concurrent.TimeUnit;
import org.molscreen.chem.featurize.FeaturizedRecord;
import org.molscreen.chem.featurize.Featurizer;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Perception;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-molecule cost on one thread, cycling through the NCI 5K set: SMILES → ECFP4 alone, and the whole
 * featurisation (standardise, canonical SMILES, ECFP4, descriptors, PAINS). Throughput is molecules/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class FeaturizerBenchmark {

    private List<RawRecord> records;
    private StructureParser parser;
    private Fingerprinter fingerprinter;
    private Featurizer featurizer;
    private List<IAtomContainer> perceived;
    private DescriptorCalculator descriptors;
    private AlertCatalog pains;
    private int next;

    @Setup
    public void setUp() {
        records = BenchmarkLibraries.records(BenchmarkLibraries.nci5k());
        parser = new StructureParser();
        fingerprinter = new Fingerprinter(FingerprintSpec.ecfp4());
        featurizer = new Featurizer(FeaturizerOptions.defaults());
        descriptors = new DescriptorCalculator();
        pains = AlertCatalog.pains();
        Standardizer standardizer = new Standardizer();
        perceived = new ArrayList<>();
        for (RawRecord record : records) {
            try {
                perceived.add(standardizer.standardize(parser.parse(record)));
            } catch (RuntimeException e) {
                // a record that cannot be standardised has no descriptors to time
            }
        }
    }

    /** The 480 PAINS alerts on an already standardised molecule. */
    @Benchmark
    public List<String> painsAlerts() {
        return pains.matches(perceived.get(next++ % perceived.size()));
    }

    /** All descriptors (Crippen, TPSA, QED and the counts) on an already standardised molecule. */
    @Benchmark
    public MolecularDescriptors descriptors() {
        return descriptors.calculate(perceived.get(next++ % perceived.size()));
    }

    @Benchmark
    public Fingerprint smilesToEcfp4() throws Exception {
        RawRecord record = records.get(next++ % records.size());
        return fingerprinter.compute(Perception.perceive(parser.parse(record)));
    }

    @Benchmark
    public FeaturizedRecord featurize() {
        return featurizer.featurize(records.get(next++ % records.size()));
    }
}
