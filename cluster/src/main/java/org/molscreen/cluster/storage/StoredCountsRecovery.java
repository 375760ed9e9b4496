package org.molscreen.cluster.storage;

import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.fingerprint.CountedFingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Standardizer;

/**
 * Gives a compound stored in format 1 (releases before fingerprint counts were kept) the counts of its set
 * bits, so models that read counts screen libraries stored by an older molscreen without a new ingest. The
 * stored canonical SMILES is the structure the fingerprint was computed from (standardised or as given, as the
 * library was), so fingerprinting it again gives the same bits, and the counts that go with them; the stored
 * bits are the check. Where they differ (no case among the 5,000 NCI and 20,000 MOSES compounds of the test) the
 * compound keeps its stored bits with a count of 1 each, i.e. it is read as a bit fingerprint, and is counted in
 * {@link #approximated()} so the caller can say so.
 *
 * <p>Not thread-safe (CDK parser and fingerprinter): one per scan.
 */
public final class StoredCountsRecovery {

    private final StructureParser parser = new StructureParser();
    private final Standardizer standardizer = new Standardizer();
    private final Fingerprinter fingerprinter;
    private long recovered;
    private long approximated;

    public StoredCountsRecovery(FingerprintSpec spec) {
        this.fingerprinter = new Fingerprinter(spec);
    }

    /** The compound with counts: as it is when it has them (or no fingerprint), else recovered from its SMILES. */
    public FeaturizedMolecule withCounts(FeaturizedMolecule molecule) {
        if (molecule.counts() != null || molecule.fingerprint() == null || !fingerprinter.spec().type().folded()) {
            return molecule;
        }
        FingerprintCounts counts = null;
        try {
            CountedFingerprint again = fingerprinter.computeCounted(standardizer.asGiven(parser.parseSmiles(molecule.smiles())));
            if (again.fingerprint().equals(molecule.fingerprint())) {
                counts = again.counts();
                recovered++;
            }
        } catch (RuntimeException e) {
            // the stored SMILES no longer parses or perceives: fall through to counts of 1
        }
        if (counts == null) {
            int[] ones = new int[molecule.fingerprint().cardinality()];
            java.util.Arrays.fill(ones, 1);
            counts = FingerprintCounts.of(ones);
            approximated++;
        }
        return new FeaturizedMolecule(molecule.location(), molecule.id(), molecule.smiles(), molecule.fingerprint(), counts,
                molecule.descriptors(), molecule.alerts());
    }

    /** Compounds whose counts were recovered exactly. */
    public long recovered() {
        return recovered;
    }

    /** Compounds read with a count of 1 per set bit because fingerprinting the stored SMILES gave other bits. */
    public long approximated() {
        return approximated;
    }
}
