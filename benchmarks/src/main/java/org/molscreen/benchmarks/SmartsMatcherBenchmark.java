package org.molscreen.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.molscreen.chem.alert.AlertCatalog;
import org.molscreen.chem.alert.StructuralAlert;
import org.molscreen.chem.descriptor.CrippenLogP;
import org.molscreen.chem.descriptor.RotatableBonds;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.smarts.AtomTyper;
import org.molscreen.chem.smarts.DepthFirstSmarts;
import org.molscreen.chem.smarts.MolGraph;
import org.molscreen.chem.smarts.SmartsQuery;
import org.molscreen.chem.standardize.Standardizer;
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
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.isomorphism.DfPattern;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.Smarts;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * The hand-written {@link SmartsQuery} against CDK's {@link DfPattern} on the same SMARTS and the same
 * molecules (the first 1,000 NCI molecules that standardise), one pass over all of them per operation:
 * <ul>
 *   <li>{@code crippen*}: first-match typing of every heavy atom and one hydrogen per atom by the 110
 *       Crippen patterns, both trying the same candidate rows per atom ({@link AtomTyper#candidateRows});
 *       DfPattern roots each pattern with {@code matchesRoot} on a copy of the molecule with explicit
 *       hydrogens;</li>
 *   <li>{@code qed*}: QED's 11 acceptor and one donor patterns (unique matches counted) and its 116 alerts
 *       (presence);</li>
 *   <li>{@code pains*}: every 10th PAINS alert (48), hydrogens merged as the catalog does, no screen;</li>
 *   <li>{@code rotatable*}: the strict rotatable-bond rule, Java ({@link RotatableBonds#count}) against
 *       its SMARTS on a graph already built (as {@code Qed} has one).</li>
 * </ul>
 * The hand-written side includes building its {@link MolGraph} per molecule; the DfPattern side gets its
 * hydrogen-expanded copies and CDK's SMARTS ring preparation ({@link SmartsPattern#prepare}) for free, in
 * setup. Setup prints how often the two agree.
 *
 * <p>Run: {@code java @jvm.options -jar benchmarks/target/benchmarks.jar SmartsMatcherBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmartsMatcherBenchmark {

    private static final int MOLECULES = 1_000;

    private List<IAtomContainer> molecules;
    private List<IAtomContainer> withHydrogens;
    private List<MolGraph> graphs;

    private AtomTyper crippenTyper;
    private DfPattern[] crippenDf;
    private SmartsQuery[] qedCounted;
    private DfPattern[] qedCountedDf;
    private SmartsQuery[] qedAlerts;
    private DfPattern[] qedAlertsDf;
    private SmartsQuery[] pains;
    private DepthFirstSmarts[] painsDf;
    private SmartsQuery rotatable;

    @Setup
    public void setUp() {
        StructureParser parser = new StructureParser();
        Standardizer standardizer = new Standardizer();
        molecules = new ArrayList<>();
        withHydrogens = new ArrayList<>();
        graphs = new ArrayList<>();
        for (RawRecord record : BenchmarkLibraries.records(BenchmarkLibraries.nci5k())) {
            if (molecules.size() == MOLECULES) {
                break;
            }
            try {
                IAtomContainer mol = standardizer.standardize(parser.parse(record));
                IAtomContainer explicit = mol.clone();
                AtomContainerManipulator.convertImplicitToExplicitHydrogens(explicit);
                SmartsPattern.prepare(mol);
                SmartsPattern.prepare(explicit);
                molecules.add(mol);
                withHydrogens.add(explicit);
                graphs.add(MolGraph.of(mol));
            } catch (Exception e) {
                // a record that cannot be standardised is not matched by either side
            }
        }
        List<String> crippen = column(CrippenLogP.class, "crippen.tsv", 1, null);
        List<SmartsQuery> rooted = new ArrayList<>();
        crippenDf = new DfPattern[crippen.size()];
        for (int i = 0; i < crippen.size(); i++) {
            rooted.add(SmartsQuery.parseRooted(crippen.get(i)));
            crippenDf[i] = DfPattern.findSubstructure(cdkQuery(crippen.get(i)));
        }
        crippenTyper = new AtomTyper(rooted);
        List<String> counted = column(CrippenLogP.class, "qed.tsv", 1, "acceptor");
        counted.addAll(column(CrippenLogP.class, "qed.tsv", 1, "donor"));
        List<String> alerts = column(CrippenLogP.class, "qed.tsv", 1, "alert");
        qedCounted = counted.stream().map(SmartsQuery::parse).toArray(SmartsQuery[]::new);
        qedCountedDf = counted.stream().map(s -> DfPattern.findSubstructure(cdkQuery(s))).toArray(DfPattern[]::new);
        qedAlerts = alerts.stream().map(SmartsQuery::parse).toArray(SmartsQuery[]::new);
        qedAlertsDf = alerts.stream().map(s -> DfPattern.findSubstructure(cdkQuery(s))).toArray(DfPattern[]::new);
        List<StructuralAlert> all = AlertCatalog.pains().alerts();
        List<DepthFirstSmarts> sampleDf = new ArrayList<>();
        List<SmartsQuery> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 10) {
            DepthFirstSmarts df = DepthFirstSmarts.compile(all.get(i).smarts());
            sampleDf.add(df);
            sample.add(SmartsQuery.of(all.get(i).label(), df.query()));
        }
        painsDf = sampleDf.toArray(new DepthFirstSmarts[0]);
        pains = sample.toArray(new SmartsQuery[0]);
        rotatable = SmartsQuery.parse(RotatableBonds.STRICT_SMARTS);
        reportAgreement();
    }

    @Benchmark
    public long crippenHandWritten() {
        long sum = 0;
        for (IAtomContainer mol : molecules) {
            MolGraph heavy = MolGraph.of(mol);
            MolGraph g = heavy.withHydrogenVertices();
            int hydrogen = heavy.atomCount();
            for (int v = 0; v < heavy.atomCount(); v++) {
                sum += crippenTyper.typeOf(g, v);
                if (heavy.implicitHydrogens(v) > 0) {
                    sum += crippenTyper.typeOf(g, hydrogen);
                    hydrogen += heavy.implicitHydrogens(v);
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long crippenDfPattern() {
        long sum = 0;
        for (IAtomContainer mol : withHydrogens) {
            for (IAtom atom : mol.atoms()) {
                if (atom.getAtomicNumber() == 1) {
                    continue;
                }
                sum += dfType(atom);
                for (IAtom nbr : mol.getConnectedAtomsList(atom)) {
                    if (nbr.getAtomicNumber() == 1) {
                        sum += dfType(nbr);
                        break;
                    }
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long qedHandWritten() {
        long sum = 0;
        for (IAtomContainer mol : molecules) {
            MolGraph g = MolGraph.of(mol);
            for (SmartsQuery q : qedCounted) {
                sum += q.countUniqueMatches(g);
            }
            for (SmartsQuery q : qedAlerts) {
                sum += q.matches(g) ? 1 : 0;
            }
        }
        return sum;
    }

    @Benchmark
    public long qedDfPattern() {
        long sum = 0;
        for (IAtomContainer mol : molecules) {
            for (DfPattern q : qedCountedDf) {
                sum += q.matchAll(mol).uniqueAtoms().count();
            }
            for (DfPattern q : qedAlertsDf) {
                sum += q.matches(mol) ? 1 : 0;
            }
        }
        return sum;
    }

    @Benchmark
    public long painsHandWritten() {
        long sum = 0;
        for (IAtomContainer mol : molecules) {
            MolGraph g = MolGraph.of(mol);
            for (SmartsQuery q : pains) {
                sum += q.matches(g) ? 1 : 0;
            }
        }
        return sum;
    }

    @Benchmark
    public long painsDfPattern() {
        long sum = 0;
        for (IAtomContainer mol : molecules) {
            for (DepthFirstSmarts q : painsDf) {
                sum += q.matches(mol) ? 1 : 0;
            }
        }
        return sum;
    }

    @Benchmark
    public long rotatableJava() {
        long sum = 0;
        for (IAtomContainer mol : molecules) {
            sum += RotatableBonds.count(mol);
        }
        return sum;
    }

    @Benchmark
    public long rotatableSmarts() {
        long sum = 0;
        for (MolGraph g : graphs) {
            sum += rotatable.countUniqueMatches(g);
        }
        return sum;
    }

    private int dfType(IAtom atom) {
        for (int row : crippenTyper.candidateRows(atom.getAtomicNumber(), atom.isAromatic())) {
            if (crippenDf[row].matchesRoot(atom)) {
                return row;
            }
        }
        return -1;
    }

    private void reportAgreement() {
        int crippenSame = 0;
        int crippenAtoms = 0;
        long qedSame = 0;
        long qedPairs = 0;
        long painsSame = 0;
        long painsPairs = 0;
        for (int m = 0; m < molecules.size(); m++) {
            IAtomContainer mol = molecules.get(m);
            IAtomContainer explicit = withHydrogens.get(m);
            MolGraph g = graphs.get(m).withHydrogenVertices();
            // the heavy atoms keep their indices in both copies
            for (int v = 0; v < mol.getAtomCount(); v++) {
                crippenAtoms++;
                crippenSame += crippenTyper.typeOf(g, v) == dfType(explicit.getAtom(v)) ? 1 : 0;
            }
            for (int i = 0; i < qedCounted.length; i++) {
                qedPairs++;
                qedSame += qedCounted[i].countUniqueMatches(graphs.get(m)) == qedCountedDf[i].matchAll(mol).uniqueAtoms().count() ? 1 : 0;
            }
            for (int i = 0; i < qedAlerts.length; i++) {
                qedPairs++;
                qedSame += qedAlerts[i].matches(graphs.get(m)) == qedAlertsDf[i].matches(mol) ? 1 : 0;
            }
            for (int i = 0; i < pains.length; i++) {
                painsPairs++;
                painsSame += pains[i].matches(graphs.get(m)) == painsDf[i].matches(mol) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%n%d molecules; hand-written and DfPattern agree on %d of %d Crippen heavy-atom types, "
                        + "%d of %d QED molecule/pattern results, %d of %d PAINS molecule/alert results%n",
                molecules.size(), crippenSame, crippenAtoms, qedSame, qedPairs, painsSame, painsPairs);
    }

    private static QueryAtomContainer cdkQuery(String smarts) {
        QueryAtomContainer query = new QueryAtomContainer(SilentChemObjectBuilder.getInstance());
        if (!Smarts.parse(query, smarts)) {
            throw new IllegalArgumentException("CDK cannot parse " + smarts);
        }
        return query;
    }

    /** One column of a bundled tab-separated table, optionally only the rows whose first column is {@code role}. */
    private static List<String> column(Class<?> owner, String name, int column, String role) {
        List<String> out = new ArrayList<>();
        InputStream in = owner.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " not found beside " + owner.getName());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (role == null || fields[0].equals(role)) {
                    out.add(fields[column]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
