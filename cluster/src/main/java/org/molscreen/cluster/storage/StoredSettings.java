package org.molscreen.cluster.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.fingerprint.FingerprintType;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.screen.ScreenSettings;

/**
 * Screen settings (a job's request, the settings each partition job carries) and featurizer options (what an
 * ingest computes), alone or inside another value.
 *
 * <p>Screen settings, layout 1: models (strings), rank model, rank endpoint (int), top (int), filters (constant
 * names, sorted), max tox (flag + double), similar-to SMILES, min similarity (double), keep filtered (flag).
 * Featurizer options, layout 1: fingerprint type (constant name), bits (int), standardize (flag).
 */
public final class StoredSettings {

    private StoredSettings() {
    }

    public static byte[] encode(ScreenSettings settings) {
        ValueWriter out = ValueWriter.start(ValueKind.SCREEN_SETTINGS, 128);
        write(out, settings);
        return out.finish();
    }

    public static ScreenSettings decodeScreen(byte[] bytes) {
        return ValueReader.decode(bytes, ValueKind.SCREEN_SETTINGS, StoredSettings::read);
    }

    public static byte[] encode(FeaturizerOptions options) {
        ValueWriter out = ValueWriter.start(ValueKind.FEATURIZER_OPTIONS, 32);
        out.constant(options.fingerprint().type()).integer(options.fingerprint().bits()).flag(options.standardize());
        return out.finish();
    }

    public static FeaturizerOptions decodeOptions(byte[] bytes) {
        return ValueReader.decode(bytes, ValueKind.FEATURIZER_OPTIONS,
                in -> new FeaturizerOptions(new FingerprintSpec(in.constant(FingerprintType.class), in.integer()), in.flag()));
    }

    static void write(ValueWriter out, ScreenSettings settings) {
        List<String> filters = new ArrayList<>();
        for (HitFilter filter : EnumSet.copyOf(settings.filters().isEmpty() ? EnumSet.noneOf(HitFilter.class) : settings.filters())) {
            filters.add(filter.name());
        }
        out.strings(settings.models()).string(settings.rankModel()).integer(settings.rankEndpoint()).integer(settings.top())
                .strings(filters).optionalReal(settings.maxTox()).string(settings.similarTo())
                .real(settings.minSimilarity()).flag(settings.keepFiltered());
    }

    static ScreenSettings read(ValueReader in) throws IOException {
        List<String> models = in.strings();
        String rankModel = in.string();
        int rankEndpoint = in.integer();
        int top = in.integer();
        int filterCount = in.checkedCount(in.integer(), 4);
        Set<HitFilter> filters = EnumSet.noneOf(HitFilter.class);
        for (int i = 0; i < filterCount; i++) {
            filters.add(in.constant(HitFilter.class));
        }
        return new ScreenSettings(models, rankModel, rankEndpoint, top, filters, in.optionalReal(), in.string(), in.real(),
                in.flag());
    }
}
