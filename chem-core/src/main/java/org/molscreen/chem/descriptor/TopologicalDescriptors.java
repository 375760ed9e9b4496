package org.molscreen.chem.descriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Standardizer;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.qsar.DescriptorValue;
import org.openscience.cdk.qsar.IMolecularDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.*;
import org.openscience.cdk.qsar.result.BooleanResult;
import org.openscience.cdk.qsar.result.DoubleArrayResult;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.qsar.result.IDescriptorResult;
import org.openscience.cdk.qsar.result.IntegerArrayResult;
import org.openscience.cdk.qsar.result.IntegerResult;

/**
 * CDK's 2D molecular descriptors (180 values: atom, bond and ring counts, E-state atom types, BCUT eigenvalues,
 * Kier-Hall kappa, autocorrelations, XLogP, ALogP, Wiener, Zagreb, MDE, ...) for models that read more
 * than the 13 descriptors every compound carries. Measured on the Tox21 challenge data with one network recipe,
 * they lift held-out ROC-AUC by 0.03 to 0.05 over the 13 alone; RDKit's 208 descriptors did about as well for a
 * random forest. The chi indices are left out (CDK finds them by subgraph matching, 50 ms a molecule), and so is JPlogP, which
 * prints to standard output for atom types it does not know.
 *
 * <p>They cost about 2 ms a molecule, 30 times the 13, so they are never stored with a library: they are computed,
 * when a model reads them, from the compound's canonical SMILES. The SMILES is the one form of a compound that
 * every path has (a local screen, a stored library on a cluster node, a hit list, a training set), so every path
 * gets the same values. A descriptor CDK cannot compute for a molecule is NaN (a model reads it as the training
 * mean).
 *
 * <p>Not thread-safe (CDK's descriptor objects and parser keep state): {@link #forThisThread()} gives each thread
 * its own.
 */
public final class TopologicalDescriptors {

    /** Recorded in a model card's feature definition, so that a later change of the list is detected. */
    public static final String VERSION = "cdk-2d/1 (CDK 2.11)";

    private static final ThreadLocal<TopologicalDescriptors> PER_THREAD = ThreadLocal.withInitial(TopologicalDescriptors::new);

    private static final List<String> NAMES = new TopologicalDescriptors().names;

    private final IMolecularDescriptor[] descriptors = create();
    private final List<String> names;
    private final StructureParser parser = new StructureParser();
    private final Standardizer perception = new Standardizer();

    private static IMolecularDescriptor[] create() {
        try {
            IMolecularDescriptor[] all = {
            new ALOGPDescriptor(), new APolDescriptor(), new AcidicGroupCountDescriptor(), new BasicGroupCountDescriptor(),
            new AromaticAtomsCountDescriptor(), new AromaticBondsCountDescriptor(), new AtomCountDescriptor(),
            new BondCountDescriptor(), new BCUTDescriptor(), new BPolDescriptor(), new CarbonTypesDescriptor(),
            new EccentricConnectivityIndexDescriptor(), new FMFDescriptor(), new FractionalPSADescriptor(),
            new FragmentComplexityDescriptor(), new HBondAcceptorCountDescriptor(), new HBondDonorCountDescriptor(),
            new HybridizationRatioDescriptor(), new KappaShapeIndicesDescriptor(), new KierHallSmartsDescriptor(),
            new LargestChainDescriptor(), new LargestPiSystemDescriptor(), new LongestAliphaticChainDescriptor(),
            new MannholdLogPDescriptor(), new MDEDescriptor(), new PetitjeanNumberDescriptor(),
            new RotatableBondsCountDescriptor(), new SmallRingDescriptor(), new SpiroAtomCountDescriptor(),
            new TPSADescriptor(), new VABCDescriptor(), new VAdjMaDescriptor(), new WeightDescriptor(),
            new WeightedPathDescriptor(), new WienerNumbersDescriptor(), new XLogPDescriptor(), new ZagrebIndexDescriptor(),
            new AutocorrelationDescriptorCharge(), new AutocorrelationDescriptorMass(),
            new AutocorrelationDescriptorPolarizability()};
            for (IMolecularDescriptor descriptor : all) {
                // the acidic and basic group counts parse their SMARTS here and fail every molecule without it
                descriptor.initialise(org.openscience.cdk.silent.SilentChemObjectBuilder.getInstance());
            }
            return all;
        } catch (org.openscience.cdk.exception.CDKException e) {
            throw new IllegalStateException("CDK's descriptors cannot be set up: " + e.getMessage(), e);
        }
    }

    private TopologicalDescriptors() {
        List<String> all = new ArrayList<>();
        for (IMolecularDescriptor descriptor : descriptors) {
            String family = descriptor.getClass().getSimpleName().replace("Descriptor", "");
            for (String name : descriptor.getDescriptorNames()) {
                all.add(PREFIX + family + "." + name);
            }
        }
        this.names = List.copyOf(all);
    }

    /** Every name starts with this, so a model card's descriptor names say which block each comes from. */
    public static final String PREFIX = "cdk:";

    /** The descriptors' names, in the order of {@link #calculate}'s values. */
    public static List<String> names() {
        return NAMES;
    }

    public static TopologicalDescriptors forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * The descriptors of the compound written as {@code canonicalSmiles}, read as given (it is already
     * standardised) and perceived as every molecule is.
     *
     * <p>Every value is NaN when CDK cannot read back the SMILES it wrote (no such compound is known): the
     * compound is then scored as an average one on this block rather than dropped from the library.
     */
    public double[] calculate(String canonicalSmiles) {
        double[] values = new double[NAMES.size()];
        Arrays.fill(values, Double.NaN);
        IAtomContainer mol;
        try {
            mol = perception.asGiven(parser.parseSmiles(canonicalSmiles));
        } catch (RuntimeException e) {
            return values;
        }
        int next = 0;
        for (IMolecularDescriptor descriptor : descriptors) {
            int count = descriptor.getDescriptorNames().length;
            try {
                // some CDK descriptors add hydrogens or change flags on the molecule they are given
                IAtomContainer copy = mol.clone();
                if (descriptor instanceof VABCDescriptor) {
                    // VABC reads atom types, which perception sets only where it had to add hydrogens
                    org.openscience.cdk.tools.manipulator.AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(copy);
                }
                DescriptorValue value = descriptor.calculate(copy);
                if (value.getException() == null) {
                    write(value.getValue(), values, next, count);
                }
            } catch (CloneNotSupportedException | org.openscience.cdk.exception.CDKException | RuntimeException e) {
                // CDK fails on some exotic structures; that descriptor stays NaN and the rest are kept
            }
            next += count;
        }
        return values;
    }

    private static void write(IDescriptorResult result, double[] values, int offset, int count) {
        if (result instanceof DoubleResult d) {
            values[offset] = d.doubleValue();
        } else if (result instanceof IntegerResult i) {
            values[offset] = i.intValue();
        } else if (result instanceof BooleanResult b) {
            values[offset] = b.booleanValue() ? 1 : 0;
        } else if (result instanceof DoubleArrayResult d) {
            for (int k = 0; k < Math.min(d.length(), count); k++) {
                values[offset + k] = d.get(k);
            }
        } else if (result instanceof IntegerArrayResult d) {
            for (int k = 0; k < Math.min(d.length(), count); k++) {
                values[offset + k] = d.get(k);
            }
        }
    }
}
