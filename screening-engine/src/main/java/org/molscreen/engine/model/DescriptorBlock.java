package org.molscreen.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.molscreen.chem.descriptor.MolecularDescriptors;

/**
 * The descriptor inputs of a model, after its fingerprint bits: which descriptors, in order, and the
 * standardisation learnt on the training part ({@code (x - mean) / scale}, clipped to ±{@value #CLIP} so
 * that one extreme library compound cannot drive the network far outside what it was trained on).
 * Recorded in the model card; a model without one reads the fingerprint only.
 */
public record DescriptorBlock(List<String> names, List<Double> means, List<Double> scales) {

    /** Standardised values are clipped to this many training standard deviations. */
    public static final double CLIP = 5.0;

    public DescriptorBlock {
        names = List.copyOf(names);
        means = List.copyOf(means);
        scales = List.copyOf(scales);
        if (names.size() != means.size() || names.size() != scales.size() || names.isEmpty()) {
            throw new IllegalArgumentException("a descriptor block needs as many means and scales as names, at least one; got "
                    + names.size() + ", " + means.size() + ", " + scales.size());
        }
        names.forEach(Descriptor::fromName);
        if (scales.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("descriptor scales must be positive, got " + scales);
        }
    }

    /** Every descriptor, standardised by the mean and standard deviation of {@code training}. */
    public static DescriptorBlock fit(List<MolecularDescriptors> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training compounds to standardise descriptors on");
        }
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (Descriptor d : Descriptor.values()) {
            double sum = 0;
            for (MolecularDescriptors m : training) {
                sum += d.of(m);
            }
            double mean = sum / training.size();
            double squares = 0;
            for (MolecularDescriptors m : training) {
                double x = d.of(m) - mean;
                squares += x * x;
            }
            names.add(d.registryName());
            means.add(mean);
            // a constant descriptor (formal charge of a neutral set) gets scale 1: it then reads 0 everywhere
            double std = Math.sqrt(squares / training.size());
            scales.add(std > 1e-9 ? std : 1.0);
        }
        return new DescriptorBlock(names, means, scales);
    }

    public int size() {
        return names.size();
    }

    /** The block resolved once for use on every compound (it runs on the scoring path, per compound). */
    public Scaler scaler() {
        return new Scaler(this);
    }

    /** The block's descriptors looked up and its means and scales unboxed, once. Immutable and thread-safe. */
    public static final class Scaler {

        private final Descriptor[] descriptors;
        private final double[] means;
        private final double[] scales;

        private Scaler(DescriptorBlock block) {
            this.descriptors = block.names().stream().map(Descriptor::fromName).toArray(Descriptor[]::new);
            this.means = block.means().stream().mapToDouble(Double::doubleValue).toArray();
            this.scales = block.scales().stream().mapToDouble(Double::doubleValue).toArray();
        }

        public int size() {
            return descriptors.length;
        }

        /** Writes the standardised block of one compound into {@code out[offset ..]}. */
        public void write(MolecularDescriptors values, float[] out, int offset) {
            Objects.requireNonNull(values, "descriptors");
            for (int i = 0; i < descriptors.length; i++) {
                double z = (descriptors[i].of(values) - means[i]) / scales[i];
                out[offset + i] = (float) Math.max(-CLIP, Math.min(CLIP, Double.isFinite(z) ? z : 0.0));
            }
        }
    }
}
