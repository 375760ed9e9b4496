package org.molscreen.cluster.storage.javaserial;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.molscreen.cluster.storage.ShippedModel;
import org.molscreen.cluster.storage.UnreadableValueException;
import org.molscreen.engine.screen.HitFilter;

/**
 * Reads the values release 0.1.0 stored as Java serialisation (jobs, library metadata, hit lists, shipped
 * models), so that release's data directory opens; nothing writes this format any more.
 *
 * <p>The stream names release 0.1.0's classes. Rather than trusting today's classes to keep their old
 * shapes, every molscreen class name is mapped to a frozen copy in this package (Java serialisation matches
 * a class by its simple name and record components by name), and any name not in that map is refused. The
 * JDK classes the values are built of pass an allow-list filter with bounds on depth, references and arrays.
 * The frozen copies are then converted to today's types, whose constructors check them again.
 */
public final class ReleaseZeroValues {

    private static final Map<String, Class<?>> FROZEN = frozen();

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=50000000;maxarray=100000000;"
                    + "org.molscreen.cluster.storage.javaserial.*;java.lang.Object;java.lang.String;java.lang.Number;java.lang.Long;"
                    + "java.lang.Double;java.lang.Integer;java.lang.Boolean;java.lang.Enum;java.lang.Record;"
                    + "java.util.CollSer;java.util.ImmutableCollections$*;java.util.TreeMap;java.util.ArrayList;"
                    + "java.util.HashMap;java.util.HashSet;java.util.LinkedHashMap;java.util.LinkedHashSet;!*");

    private ReleaseZeroValues() {
    }

    private static Map<String, Class<?>> frozen() {
        Map<String, Class<?>> map = new HashMap<>();
        map.put("org.molscreen.cluster.JobInfo", JobInfo.class);
        map.put("org.molscreen.cluster.JobInfo$State", JobInfo.State.class);
        map.put("org.molscreen.cluster.LibraryInfo", LibraryInfo.class);
        map.put("org.molscreen.cluster.LibraryInfo$State", LibraryInfo.State.class);
        map.put("org.molscreen.cluster.NodeModels$ShippedModel", NodeModels.ShippedModel.class);
        map.put("org.molscreen.engine.screen.ScreenSettings", ScreenSettings.class);
        map.put("org.molscreen.engine.screen.HitFilter", org.molscreen.cluster.storage.javaserial.HitFilter.class);
        map.put("org.molscreen.engine.screen.HitList", HitList.class);
        map.put("org.molscreen.engine.screen.HitList$ModelColumns", HitList.ModelColumns.class);
        map.put("org.molscreen.engine.screen.Hit", Hit.class);
        map.put("org.molscreen.engine.screen.ScoreHistogram", ScoreHistogram.class);
        map.put("org.molscreen.engine.model.CompoundPrediction", CompoundPrediction.class);
        map.put("org.molscreen.chem.featurize.FeaturizedMolecule", FeaturizedMolecule.class);
        map.put("org.molscreen.chem.io.RecordLocation", RecordLocation.class);
        map.put("org.molscreen.chem.fingerprint.Fingerprint", Fingerprint.class);
        map.put("org.molscreen.chem.descriptor.MolecularDescriptors", MolecularDescriptors.class);
        return Map.copyOf(map);
    }

    /** True when {@code bytes} start with Java serialisation's stream magic: a value release 0.1.0 wrote. */
    public static boolean wrote(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed;
    }

    public static org.molscreen.cluster.JobInfo job(byte[] bytes) {
        JobInfo old = read(bytes, JobInfo.class, "job");
        return new org.molscreen.cluster.JobInfo(old.id(), old.library(), settings(old.settings()),
                org.molscreen.cluster.JobInfo.State.valueOf(old.state().name()), old.processed(), old.total(), old.error(),
                old.coordinator(), old.submitted(), old.started(), old.finished(), old.owner());
    }

    public static org.molscreen.cluster.LibraryInfo library(byte[] bytes) {
        LibraryInfo old = read(bytes, LibraryInfo.class, "library");
        return new org.molscreen.cluster.LibraryInfo(old.id(), old.name(), old.sourceFile(), old.sha256(), old.records(),
                old.errors(), old.fingerprint(), old.created(),
                org.molscreen.cluster.LibraryInfo.State.valueOf(old.state().name()), old.owner(), old.ingestedBy(),
                old.failure());
    }

    public static ShippedModel shippedModel(byte[] bytes) {
        NodeModels.ShippedModel old = read(bytes, NodeModels.ShippedModel.class, "shipped model");
        return new ShippedModel(old.name(), old.sha256(), old.zip());
    }

    public static org.molscreen.engine.screen.HitList hitList(byte[] bytes) {
        HitList old = read(bytes, HitList.class, "hit list");
        List<org.molscreen.engine.screen.Hit> hits = new ArrayList<>(old.hits().size());
        for (Hit hit : old.hits()) {
            Map<String, org.molscreen.engine.model.CompoundPrediction> predictions = new HashMap<>();
            hit.predictions().forEach((model, p) -> predictions.put(model, new org.molscreen.engine.model.CompoundPrediction(
                    p.mean(), p.std(), p.nearestTraining(), p.inDomain(), p.nearestActive())));
            hits.add(new org.molscreen.engine.screen.Hit(molecule(hit.molecule()), hit.score(), predictions, hit.similarity(),
                    hit.filteredBy()));
        }
        List<org.molscreen.engine.screen.HitList.ModelColumns> models = new ArrayList<>();
        for (HitList.ModelColumns columns : old.models()) {
            models.add(new org.molscreen.engine.screen.HitList.ModelColumns(columns.name(), columns.endpoints(),
                    columns.classification()));
        }
        return new org.molscreen.engine.screen.HitList(settings(old.settings()), hits, models, old.records(), old.errors(),
                old.filtered(), old.seconds(),
                org.molscreen.engine.screen.ScoreHistogram.of(old.histogram().binWidth(), old.histogram().counts()));
    }

    private static org.molscreen.engine.screen.ScreenSettings settings(ScreenSettings old) {
        Set<HitFilter> filters = EnumSet.noneOf(HitFilter.class);
        old.filters().forEach(filter -> filters.add(HitFilter.valueOf(filter.name())));
        return new org.molscreen.engine.screen.ScreenSettings(old.models(), old.rankModel(), old.rankEndpoint(), old.top(),
                filters, old.maxTox(), old.similarTo(), old.minSimilarity(), old.keepFiltered());
    }

    private static org.molscreen.chem.featurize.FeaturizedMolecule molecule(FeaturizedMolecule old) {
        MolecularDescriptors d = old.descriptors();
        return new org.molscreen.chem.featurize.FeaturizedMolecule(
                new org.molscreen.chem.io.RecordLocation(old.location().source(), old.location().record(), old.location().line()),
                old.id(), old.smiles(),
                old.fingerprint() == null ? null
                        : new org.molscreen.chem.fingerprint.Fingerprint(old.fingerprint().bits(), old.fingerprint().words()),
                null,
                new org.molscreen.chem.descriptor.MolecularDescriptors(d.mw(), d.exactMass(), d.clogp(), d.tpsa(), d.hbd(),
                        d.hba(), d.rotb(), d.heavyAtoms(), d.rings(), d.aromaticRings(), d.fsp3(), d.formalCharge(), d.qed()),
                old.alerts());
    }

    private static <T> T read(byte[] bytes, Class<T> type, String noun) {
        try (ObjectInputStream in = new FrozenClassStream(bytes)) {
            in.setObjectInputFilter(FILTER);
            Object value = in.readObject();
            if (!type.isInstance(value)) {
                throw new UnreadableValueException("a stored " + noun + " in release 0.1.0's format holds a "
                        + value.getClass().getSimpleName() + " instead");
            }
            return type.cast(value);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (e instanceof UnreadableValueException u) {
                throw u;
            }
            throw new UnreadableValueException("cannot read a " + noun + " stored by release 0.1.0 (Java serialisation, "
                    + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** Resolves release 0.1.0's class names to the frozen copies and refuses every other molscreen class. */
    private static final class FrozenClassStream extends ObjectInputStream {

        FrozenClassStream(byte[] bytes) throws IOException {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            Class<?> frozen = FROZEN.get(desc.getName());
            if (frozen != null) {
                return frozen;
            }
            if (desc.getName().startsWith("org.molscreen.")) {
                throw new InvalidClassException(desc.getName(), "not a class release 0.1.0 stored");
            }
            return super.resolveClass(desc);
        }
    }
}
