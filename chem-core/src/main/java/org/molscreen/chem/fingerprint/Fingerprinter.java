package org.molscreen.chem.fingerprint;

import java.util.Arrays;
import java.util.BitSet;
import java.util.TreeMap;
import org.molscreen.chem.InvalidRecordException;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.fingerprint.ICountFingerprint;
import org.openscience.cdk.fingerprint.IFingerprinter;
import org.openscience.cdk.fingerprint.MACCSFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * Computes one {@link FingerprintSpec} with CDK. Circular fingerprints use CDK's
 * {@code CircularFingerprinter}, which, as its documentation says, behaves like ECFP/FCFP in use but is
 * not bit-for-bit identical to other toolkits' Morgan fingerprints: compare fingerprints only with
 * fingerprints made here. Stereo is not perceived, so enantiomers share a fingerprint.
 *
 * <p>Not thread-safe ({@code CircularFingerprinter} keeps per-molecule work arrays in fields): one
 * instance per thread. Input: a molecule perceived by {@code Perception}.
 */
public final class Fingerprinter {

    private final FingerprintSpec spec;
    private final IFingerprinter delegate;
    private final String versionDescription;

    public Fingerprinter(FingerprintSpec spec) {
        this.spec = spec;
        this.delegate = switch (spec.type()) {
            case ECFP4 -> new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP4, spec.bits());
            case ECFP6 -> new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP6, spec.bits());
            case FCFP4 -> new CircularFingerprinter(CircularFingerprinter.CLASS_FCFP4, spec.bits());
            case MACCS -> new MACCSFingerprinter(SilentChemObjectBuilder.getInstance());
        };
        this.versionDescription = delegate.getVersionDescription();
    }

    public FingerprintSpec spec() {
        return spec;
    }

    /** CDK's chemfp-style description (class, CDK version, parameters): provenance for model cards. */
    public String versionDescription() {
        return versionDescription;
    }

    /**
     * The fingerprint and, for circular types, how many atom environments fell on each set bit: CDK's count
     * fingerprint folded exactly as its bit fingerprint is ({@code unsigned hash mod length}), so the bits are
     * those {@link #compute} gives, from one pass over the molecule.
     */
    public CountedFingerprint computeCounted(IAtomContainer perceived) {
        if (!spec.type().folded()) {
            return new CountedFingerprint(compute(perceived), null);
        }
        try {
            ICountFingerprint hashed = ((CircularFingerprinter) delegate).getCountFingerprint(perceived);
            TreeMap<Integer, Integer> byBit = new TreeMap<>();
            for (int i = 0; i < hashed.numOfPopulatedbins(); i++) {
                int bit = (int) (Integer.toUnsignedLong(hashed.getHash(i)) % spec.bits());
                byBit.merge(bit, hashed.getCount(i), Integer::sum);
            }
            int[] on = new int[byBit.size()];
            int[] counts = new int[byBit.size()];
            int n = 0;
            for (var entry : byBit.entrySet()) {
                on[n] = entry.getKey();
                counts[n++] = entry.getValue();
            }
            return new CountedFingerprint(Fingerprint.ofOnBits(spec.bits(), on), FingerprintCounts.of(counts));
        } catch (CDKException | RuntimeException e) {
            throw new InvalidRecordException("structure", "cannot compute " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    public Fingerprint compute(IAtomContainer perceived) {
        try {
            BitSet set = delegate.getBitFingerprint(perceived).asBitSet();
            return new Fingerprint(spec.bits(), Arrays.copyOf(set.toLongArray(), Fingerprint.wordsFor(spec.bits())));
        } catch (CDKException | RuntimeException e) {
            throw new InvalidRecordException("structure", "cannot compute " + spec.name() + ": " + e.getMessage(), e);
        }
    }
}
