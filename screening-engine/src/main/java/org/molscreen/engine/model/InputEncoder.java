package org.molscreen.engine.model;

import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;

/**
 * Turns a compound into what a model's networks read: one value per fingerprint bit (1 or log(1 + count) for
 * a set bit, 0 otherwise), then the standardised descriptor block. Training, DL4J scoring and the sparse scorer
 * all encode through here, so a model cannot be trained on one encoding and scored on another. Immutable and
 * thread-safe.
 */
public final class InputEncoder {

    private final String model;
    private final int bits;
    private final FingerprintValues values;
    private final DescriptorBlock.Scaler scaler;

    /**
     * @param model       the model's name, for errors
     * @param descriptors the descriptor block after the fingerprint, or null
     */
    public InputEncoder(String model, int bits, FingerprintValues values, DescriptorBlock descriptors) {
        this.model = model;
        this.bits = bits;
        this.values = values;
        this.scaler = descriptors == null ? null : descriptors.scaler();
    }

    /** Encoders of one model with equal keys write equal rows (they share the model's descriptor block). */
    public record Key(FingerprintValues values, boolean descriptors) {
    }

    public Key key() {
        return new Key(values, scaler != null);
    }

    /** Inputs per compound: the fingerprint's bits, then the descriptors. */
    public int width() {
        return bits + descriptorCount();
    }

    /** Descriptor values after the fingerprint bits (0 for a fingerprint-only model). */
    public int descriptorCount() {
        return scaler == null ? 0 : scaler.size();
    }

    public boolean readsCounts() {
        return values == FingerprintValues.LOG_COUNTS;
    }

    /** Writes compound {@code index} of a batch as one dense row of {@link #width()} values (zeros where no bit is set). */
    public void writeRow(ModelInput input, int index, float[] row) {
        Fingerprint fp = checked(input, index);
        int[] on = fp.onBits();
        FingerprintCounts counts = input.counts();
        for (int i = 0; i < on.length; i++) {
            row[on[i]] = readsCounts() ? counts.logCount(i) : 1f;
        }
        if (scaler != null) {
            scaler.write(input.descriptors(), row, bits);
        }
    }

    /**
     * Writes the values of the compound's set bits, in ascending bit order, into {@code out[offset ..]}, for the
     * sparse scorer; returns how many were written. Nothing is written for a model that reads bits.
     */
    public int writeSetBitValues(ModelInput input, int index, float[] out, int offset) {
        Fingerprint fp = checked(input, index);
        if (!readsCounts()) {
            return 0;
        }
        FingerprintCounts counts = input.counts();
        for (int i = 0; i < counts.size(); i++) {
            out[offset + i] = counts.logCount(i);
        }
        return fp.cardinality();
    }

    /** Writes the standardised descriptor block into {@code out[offset ..]}; nothing for a fingerprint-only model. */
    public void writeDescriptors(ModelInput input, float[] out, int offset) {
        if (scaler != null) {
            scaler.write(input.descriptors(), out, offset);
        }
    }

    /**
     * @throws ModelMismatchException when the fingerprint's length differs, or when the model reads counts and the
     *                                compound has none (a library stored before counts were kept)
     */
    Fingerprint checked(ModelInput input, int index) {
        Fingerprint fp = input.fingerprint();
        if (fp.bits() != bits) {
            throw new ModelMismatchException("model " + model + " expects " + bits + "-bit fingerprints, compound " + index
                    + " has " + fp.bits());
        }
        if (readsCounts() && input.counts() == null) {
            throw new ModelMismatchException("model " + model + " reads fingerprint counts, which compound " + index
                    + " does not have: the library was stored by an older molscreen; ingest it again");
        }
        return fp;
    }
}
