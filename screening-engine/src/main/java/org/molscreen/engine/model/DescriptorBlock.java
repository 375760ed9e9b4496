package org.molscreen.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.descriptor.TopologicalDescriptors;

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
        names.forEach(DescriptorBlock::requireKnown);
        if (scales.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("descriptor scales must be positive, got " + scales);
        }
    }

    /**
     * Every descriptor, standardised by the mean and standard deviation of {@code training}: the 13 every compound
     * carries, then the topological block when every training compound has it. A value CDK could not compute (NaN)
     * is left out of its descriptor's mean and spread, and reads as the mean.
     */
    public static DescriptorBlock fit(List<MolecularDescriptors> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training compounds to standardise descriptors on");
        }
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (Descriptor d : Descriptor.values()) {
            names.add(d.registryName());
            standardise(training.stream().mapToDouble(d::of).toArray(), means, scales);
        }
        if (training.stream().allMatch(m -> m.topological() != null)) {
            List<String> topological = TopologicalDescriptors.names();
            for (int i = 0; i < topological.size(); i++) {
                int index = i;
                names.add(topological.get(i));
                standardise(training.stream().mapToDouble(m -> m.topological()[index]).toArray(), means, scales);
            }
        }
        return new DescriptorBlock(names, means, scales);
    }

    private static void standardise(double[] values, List<Double> means, List<Double> scales) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        means.add(mean);
        // a constant descriptor (formal charge of a neutral set) gets scale 1: it then reads 0 everywhere
        double std = n == 0 ? 0 : Math.sqrt(squares / n);
        scales.add(std > 1e-9 ? std : 1.0);
    }

    private static void requireKnown(String name) {
        if (!name.startsWith(TopologicalDescriptors.PREFIX)) {
            Descriptor.fromName(name);
        } else if (!TopologicalDescriptors.names().contains(name)) {
            throw new IllegalArgumentException("unknown topological descriptor " + name + " (this molescreen knows "
                    + TopologicalDescriptors.VERSION + ")");
        }
    }

    /** Whether the block reads the topological descriptors, which are computed only for models that read them. */
    public boolean readsTopological() {
        return names.stream().anyMatch(n -> n.startsWith(TopologicalDescriptors.PREFIX));
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
        /** Where each entry of the block sits in the topological values, or -1 for one of the 13. */
        private final int[] topological;
        private final boolean readsTopological;
        private final double[] means;
        private final double[] scales;

        private Scaler(DescriptorBlock block) {
            int size = block.size();
            this.descriptors = new Descriptor[size];
            this.topological = new int[size];
            List<String> topologicalNames = TopologicalDescriptors.names();
            for (int i = 0; i < size; i++) {
                String name = block.names().get(i);
                topological[i] = topologicalNames.indexOf(name);
                descriptors[i] = topological[i] < 0 ? Descriptor.fromName(name) : null;
            }
            this.readsTopological = block.readsTopological();
            this.means = block.means().stream().mapToDouble(Double::doubleValue).toArray();
            this.scales = block.scales().stream().mapToDouble(Double::doubleValue).toArray();
        }

        public int size() {
            return descriptors.length;
        }

        /**
         * Writes the standardised block of one compound into {@code out[offset ..]}.
         *
         * @throws IllegalStateException when the block reads topological descriptors the compound was not given
         */
        public void write(MolecularDescriptors values, float[] out, int offset) {
            Objects.requireNonNull(values, "descriptors");
            double[] block = values.topological();
            if (readsTopological && block == null) {
                throw new IllegalStateException("the model reads topological descriptors, which were not computed for this compound");
            }
            for (int i = 0; i < descriptors.length; i++) {
                double x = topological[i] < 0 ? descriptors[i].of(values) : block[topological[i]];
                double z = (x - means[i]) / scales[i];
                out[offset + i] = (float) Math.max(-CLIP, Math.min(CLIP, Double.isFinite(z) ? z : 0.0));
            }
        }
    }
}
