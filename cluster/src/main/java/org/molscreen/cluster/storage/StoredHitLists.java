package org.molscreen.cluster.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeaturizedMolecule;
import org.molscreen.chem.fingerprint.Fingerprint;
import org.molscreen.chem.fingerprint.FingerprintCounts;
import org.molscreen.chem.io.Notation;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordLocation;
import org.molscreen.cluster.PartialHits;
import org.molscreen.cluster.storage.javaserial.ReleaseZeroValues;
import org.molscreen.engine.model.CompoundPrediction;
import org.molscreen.engine.screen.Hit;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.ScoreHistogram;

/**
 * Hit lists (a finished job's result) and partial hits (one partition's, sent to the merging node).
 *
 * <p>Hit list, layout 1: screen settings ({@link StoredSettings}); hits (int count, then each hit); model
 * columns (int count; name, endpoints, classification flag); records, errors, filtered (longs); seconds
 * (double); histogram. Partial hits, layout 1: partition (int); hits; scanned, filtered (longs); histogram.
 *
 * <p>A hit: the molecule (source, record, line, id, SMILES, fingerprint as bit count and set bits or -1 for
 * none, the 13 descriptors, alerts), score, predictions (int count, then model name, means, standard
 * deviations, nearest training, in-domain flag, nearest active; by name), similarity, filtered-by reasons. A
 * histogram: bin width, then (bin index, count) pairs. Doubles are written bit for bit, so NaN and every
 * score come back identical and a stored hit list writes the same CSV as the fresh one.
 *
 * <p>Layout 2 (both kinds) adds, after a molecule's set bits, a flag and, when set, the counts of its set bits
 * (bytes): the merging node scores the kept hits again (their applicability domain), and a model that reads
 * counts needs them. Layout 1 is still read, without counts.
 *
 * <p>Partial hits, layout 3, add after the histogram the compounds that failed their featurisation for the screen
 * (long) and the records of the hits featurised in part (int count, then record number, notation, text each).
 */
public final class StoredHitLists {

    private StoredHitLists() {
    }

    public static byte[] encode(HitList hits) {
        ValueWriter out = ValueWriter.start(ValueKind.HIT_LIST, 256 + 400 * hits.hits().size());
        StoredSettings.write(out, hits.settings());
        writeHits(out, hits.hits());
        out.integer(hits.models().size());
        for (HitList.ModelColumns model : hits.models()) {
            out.string(model.name()).strings(model.endpoints()).flag(model.classification());
        }
        out.number(hits.records()).number(hits.errors()).number(hits.filtered()).real(hits.seconds());
        writeHistogram(out, hits.histogram());
        return out.finish();
    }

    public static HitList decode(byte[] bytes) {
        if (ReleaseZeroValues.wrote(bytes)) {
            return ReleaseZeroValues.hitList(bytes);
        }
        return ValueReader.decode(bytes, ValueKind.HIT_LIST, in -> {
            var settings = StoredSettings.read(in);
            List<Hit> hits = readHits(in);
            int modelCount = in.checkedCount(in.integer(), 9);
            List<HitList.ModelColumns> models = new ArrayList<>(modelCount);
            for (int i = 0; i < modelCount; i++) {
                models.add(new HitList.ModelColumns(in.string(), in.strings(), in.flag()));
            }
            return new HitList(settings, hits, models, in.number(), in.number(), in.number(), in.real(), readHistogram(in));
        });
    }

    public static byte[] encode(PartialHits partial) {
        ValueWriter out = ValueWriter.start(ValueKind.PARTIAL_HITS, 256 + 400 * partial.hits().size());
        out.integer(partial.partition());
        writeHits(out, partial.hits());
        out.number(partial.scanned()).number(partial.filtered());
        writeHistogram(out, partial.histogram());
        out.number(partial.unfinished()).integer(partial.deferred().size());
        new TreeMap<>(partial.deferred()).forEach((record, raw) -> out.number(record).constant(raw.notation()).string(raw.text()));
        return out.finish();
    }

    public static PartialHits decodePartial(byte[] bytes) {
        return ValueReader.decode(bytes, ValueKind.PARTIAL_HITS, in -> {
            int partition = in.integer();
            List<Hit> hits = readHits(in);
            long scanned = in.number();
            long filtered = in.number();
            ScoreHistogram histogram = readHistogram(in);
            if (in.version() < 3) {
                return new PartialHits(partition, hits, Map.of(), scanned, filtered, 0, histogram);
            }
            long unfinished = in.number();
            int count = in.checkedCount(in.integer(), 16);
            Map<Long, FeaturizedMolecule> byRecord = new HashMap<>();
            hits.forEach(hit -> byRecord.put(hit.molecule().location().record(), hit.molecule()));
            Map<Long, RawRecord> deferred = new HashMap<>();
            for (int i = 0; i < count; i++) {
                long record = in.number();
                Notation notation = in.constant(Notation.class);
                String text = in.string();
                FeaturizedMolecule molecule = byRecord.get(record);
                if (molecule == null) {
                    throw new IOException("a deferred record " + record + " that is not among the hits");
                }
                deferred.put(record, new RawRecord(molecule.location(), molecule.id(), notation, text, Map.of()));
            }
            return new PartialHits(partition, hits, deferred, scanned, filtered, unfinished, histogram);
        });
    }

    private static void writeHits(ValueWriter out, List<Hit> hits) {
        out.integer(hits.size());
        for (Hit hit : hits) {
            writeMolecule(out, hit.molecule());
            out.real(hit.score());
            Map<String, CompoundPrediction> predictions = new TreeMap<>(hit.predictions());
            out.integer(predictions.size());
            predictions.forEach((model, p) -> out.string(model).reals(p.mean()).reals(p.std()).real(p.nearestTraining())
                    .flag(p.inDomain()).real(p.nearestActive()));
            out.real(hit.similarity()).strings(hit.filteredBy());
        }
    }

    private static List<Hit> readHits(ValueReader in) throws IOException {
        int count = in.checkedCount(in.integer(), 64);
        List<Hit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            FeaturizedMolecule molecule = readMolecule(in);
            double score = in.real();
            int predictionCount = in.checkedCount(in.integer(), 29);
            Map<String, CompoundPrediction> predictions = new TreeMap<>();
            for (int p = 0; p < predictionCount; p++) {
                predictions.put(in.string(), new CompoundPrediction(in.reals(), in.reals(), in.real(), in.flag(), in.real()));
            }
            hits.add(new Hit(molecule, score, predictions, in.real(), in.strings()));
        }
        return hits;
    }

    private static void writeMolecule(ValueWriter out, FeaturizedMolecule molecule) {
        RecordLocation location = molecule.location();
        out.string(location.source()).number(location.record()).number(location.line()).string(molecule.id())
                .string(molecule.smiles());
        Fingerprint fp = molecule.fingerprint();
        if (fp == null) {
            out.integer(-1);
        } else {
            int[] on = fp.onBits();
            out.integer(fp.bits()).integer(on.length);
            for (int bit : on) {
                out.integer(bit);
            }
            out.flag(molecule.counts() != null);
            if (molecule.counts() != null) {
                out.bytes(molecule.counts().counts());
            }
        }
        MolecularDescriptors d = molecule.descriptors();
        out.real(d.mw()).real(d.exactMass()).real(d.clogp()).real(d.tpsa()).integer(d.hbd()).integer(d.hba())
                .integer(d.rotb()).integer(d.heavyAtoms()).integer(d.rings()).integer(d.aromaticRings()).real(d.fsp3())
                .integer(d.formalCharge()).real(d.qed());
        out.strings(molecule.alerts());
    }

    private static FeaturizedMolecule readMolecule(ValueReader in) throws IOException {
        RecordLocation location = new RecordLocation(in.string(), in.number(), in.number());
        String id = in.string();
        String smiles = in.string();
        int bits = in.integer();
        Fingerprint fp = null;
        FingerprintCounts counts = null;
        if (bits != -1) {
            int[] on = new int[in.checkedCount(in.integer(), 4)];
            for (int i = 0; i < on.length; i++) {
                on[i] = in.integer();
            }
            fp = Fingerprint.ofOnBits(bits, on);
            if (in.version() >= 2 && in.flag()) {
                counts = new FingerprintCounts(in.bytes());
                if (counts.size() != on.length) {
                    throw new IOException(on.length + " set bits but " + counts.size() + " counts");
                }
            }
        }
        MolecularDescriptors d = new MolecularDescriptors(in.real(), in.real(), in.real(), in.real(), in.integer(),
                in.integer(), in.integer(), in.integer(), in.integer(), in.integer(), in.real(), in.integer(), in.real());
        return new FeaturizedMolecule(location, id, smiles, fp, counts, d, in.strings());
    }

    private static void writeHistogram(ValueWriter out, ScoreHistogram histogram) {
        out.real(histogram.binWidth()).integer(histogram.countsByBin().size());
        histogram.countsByBin().forEach((bin, count) -> out.number(bin).number(count));
    }

    private static ScoreHistogram readHistogram(ValueReader in) throws IOException {
        double width = in.real();
        int bins = in.checkedCount(in.integer(), 16);
        Map<Long, Long> counts = new TreeMap<>();
        for (int i = 0; i < bins; i++) {
            counts.put(in.number(), in.number());
        }
        return ScoreHistogram.of(width, counts);
    }
}
