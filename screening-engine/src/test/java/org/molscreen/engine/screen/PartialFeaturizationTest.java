package org.molscreen.engine.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.featurize.FeatureSelection;
import org.molscreen.chem.io.LibraryReader;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelRegistry;
import org.molscreen.engine.model.ScreeningModel;
import org.molscreen.testsupport.ReferenceData;

/**
 * A screen that featurises every compound in part (fingerprint, and what its models and filters read) and the
 * compounds entering the top N whole gives the hit list that featurising everything gives, byte for byte in
 * every format, with the same counts and histogram: on NCI 5K, the first 20,000 MOSES compounds and a small
 * library of awkward records, for several model, filter and ranking combinations.
 */
class PartialFeaturizationTest {

    private static final ModelRegistry REGISTRY = ModelRegistry.open(null);

    @TempDir
    Path dir;

    private static final List<ScreenSettings> SETTINGS = List.of(
            new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 100, Set.of(), null, null, 0, false),
            new ScreenSettings(List.of("bace1"), "bace1", 0, 50, Set.of(HitFilter.PAINS), null, null, 0, false),
            new ScreenSettings(List.of("bace1", "tox21"), "tox21", 3, 100, Set.of(HitFilter.RO5, HitFilter.VEBER), null, null, 0, true),
            new ScreenSettings(List.of("bace1", "tox21"), "bace1", 0, 40, Set.of(), 0.5, "CC(=O)Oc1ccccc1C(=O)O", 0.1, false),
            new ScreenSettings(List.of("egfr", "herg"), "egfr", 0, 1_000, Set.of(HitFilter.PAINS), null, null, 0, true),
            new ScreenSettings(List.of("egfr"), "egfr", 0, 1, Set.of(), null, null, 0, false));

    private static HitList screen(Screening screening, Path library, ScreenSettings settings) throws Exception {
        List<ScreeningModel> models = settings.models().stream().map(REGISTRY::load).toList();
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            return screening.run(reader, settings, models, done -> { });
        }
    }

    private static String everyFormat(HitList list) throws IOException {
        HitList untimed = new HitList(list.settings(), list.hits(), list.models(), list.records(), list.errors(),
                list.filtered(), 0, list.histogram());
        StringWriter out = new StringWriter();
        for (HitListWriter.Format format : HitListWriter.Format.values()) {
            HitListWriter.write(untimed, format, out);
        }
        return out.toString();
    }

    private void sameAsFeaturizingEverything(Path library, List<ScreenSettings> settingsList) throws Exception {
        for (ScreenSettings settings : settingsList) {
            List<ScreeningModel> models = settings.models().stream().map(REGISTRY::load).toList();
            assertThat(Screening.selection(settings, models)).as("partial for %s", settings).isNotEqualTo(FeatureSelection.ALL);
            HitList partial = screen(new Screening(2), library, settings);
            HitList whole = screen(Screening.featurizingEverything(2), library, settings);
            assertThat(partial.hits()).as("%s on %s", settings, library).isNotEmpty();
            assertThat(partial.records()).isEqualTo(whole.records());
            assertThat(partial.errors()).isEqualTo(whole.errors());
            assertThat(partial.filtered()).isEqualTo(whole.filtered());
            assertThat(partial.histogram()).isEqualTo(whole.histogram());
            assertThat(everyFormat(partial)).as("%s on %s", settings, library).isEqualTo(everyFormat(whole));
        }
    }

    /**
     * What {@code molscreen predict} writes (id, canonical SMILES, every endpoint's mean and spread, nearest
     * training similarity, domain, error) is the same for every NCI 5K record without the alerts, and without
     * the descriptors for a model that does not read them.
     */
    @Test
    void predictionTablesAreTheSameWithoutWhatTheyDoNotShow() throws Exception {
        Path library = ReferenceData.rdkitData("NCI/first_5K.smi");
        for (String name : List.of("bace1", "herg")) {
            List<ScreeningModel> models = List.of(REGISTRY.load(name));
            FeatureSelection selection = org.molscreen.engine.predict.LibraryPredictor.forPredictionTable(models);
            assertThat(selection.all()).isFalse();
            assertThat(selection.descriptors()).isEqualTo(name.equals("herg"));
            assertThat(predictionRows(models, selection, library)).as(name)
                    .isEqualTo(predictionRows(models, FeatureSelection.ALL, library)).hasSizeGreaterThan(4_900);
        }
    }

    private static List<String> predictionRows(List<ScreeningModel> models, FeatureSelection selection, Path library)
            throws Exception {
        List<String> rows = new ArrayList<>();
        try (LibraryReader reader = LibraryReader.open(library, ReadOptions.defaults())) {
            // featurising everything, for the reference, includes the topological block when a model reads it
            FeatureSelection asked = selection.all()
                    ? selection.withTopological(org.molscreen.engine.predict.LibraryPredictor.readTopological(models)) : selection;
            new org.molscreen.engine.predict.LibraryPredictor(models, 2, m -> ScreeningModel.Domain.FULL, asked).run(reader, predicted -> {
                var record = predicted.record();
                var molecule = record instanceof org.molscreen.chem.featurize.PartialMolecule partial ? partial.features()
                        : record instanceof org.molscreen.chem.featurize.FeaturizedMolecule whole ? whole : null;
                StringBuilder row = new StringBuilder(record.id()).append(' ');
                if (molecule == null) {
                    row.append(record);
                } else {
                    row.append(molecule.smiles());
                    predicted.predictions().forEach((model, p) -> row.append(' ').append(model).append(java.util.Arrays.toString(p.mean()))
                            .append(java.util.Arrays.toString(p.std())).append(p.nearestTraining()).append(p.inDomain())
                            .append(p.nearestActive()));
                }
                rows.add(row.toString());
            }, done -> { });
        }
        return rows;
    }

    /**
     * A model that neither ranks nor filters ({@code tox21} beside {@code bace1} without {@code --max-tox}) is not
     * scored during the pass, yet every hit shows its prediction, equal to what {@code predict} computes for that
     * compound on its own; with {@code --max-tox} it is scored for every compound, since the filter reads it.
     */
    @Test
    void modelsThatNeitherRankNorFilterAreScoredForTheHitsOnly() throws Exception {
        Path library = ReferenceData.rdkitData("NCI/first_5K.smi");
        ScreenSettings shown = SETTINGS.get(0);
        List<ScreeningModel> models = shown.models().stream().map(REGISTRY::load).toList();
        assertThat(Screening.scoredDuringPass(shown, models)).extracting(ScreeningModel::name).containsExactly("bace1");
        assertThat(Screening.scoredDuringPass(SETTINGS.get(3), models)).extracting(ScreeningModel::name)
                .containsExactly("bace1", "tox21");
        assertThat(Screening.selection(shown, models).descriptors()).as("tox21's descriptors wait for the hits").isFalse();

        HitList hits = screen(new Screening(2), library, shown);
        java.util.Map<String, String> predicted = new java.util.HashMap<>();
        for (String row : predictionRows(List.of(REGISTRY.load("tox21")), FeatureSelection.ALL, library)) {
            predicted.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(" tox21")));
        }
        assertThat(hits.hits()).hasSize(100);
        for (Hit hit : hits.hits()) {
            var p = hit.predictions().get("tox21");
            assertThat(p).as("tox21 of %s", hit.molecule().id()).isNotNull();
            assertThat(" tox21" + java.util.Arrays.toString(p.mean()) + java.util.Arrays.toString(p.std()) + p.nearestTraining()
                    + p.inDomain() + p.nearestActive()).as(hit.molecule().id()).isEqualTo(predicted.get(hit.molecule().id()));
        }
        HitList rankedAlone = screen(new Screening(2), library,
                new ScreenSettings(List.of("bace1"), "bace1", 0, 100, Set.of(), null, null, 0, false));
        assertThat(hits.hits()).extracting(h -> h.molecule().id() + " " + h.score())
                .containsExactlyElementsOf(rankedAlone.hits().stream().map(h -> h.molecule().id() + " " + h.score()).toList());
    }

    @Test
    void nci5kGivesTheSameHitListsAsFeaturizingEverything() throws Exception {
        sameAsFeaturizingEverything(ReferenceData.rdkitData("NCI/first_5K.smi"), SETTINGS);
    }

    @Test
    void mosesGivesTheSameHitListsAsFeaturizingEverything() throws Exception {
        Path moses = ReferenceData.sharedDataset("screening_library_moses.smi.gz");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(moses)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && lines.size() < 20_000; line = in.readLine()) {
                lines.add(line);
            }
        }
        sameAsFeaturizingEverything(Files.write(dir.resolve("moses-20k.smi"), lines), List.of(SETTINGS.get(0), SETTINGS.get(2)));
    }

    @Test
    void awkwardRecordsGiveTheSameHitListsAsFeaturizingEverything() throws Exception {
        Path library = Files.writeString(dir.resolve("awkward.smi"), String.join("\n",
                "[Na+].OC(=O)c1ccccc1 benzoate-sodium",
                "C[C@H](N)C(=O)O l-alanine",
                "c1ccccc1 benzene",
                "C1CC broken-ring",
                "[NH4+] ammonium",
                "O=C1C(=Cc2ccccc2)SC(=S)N1 rhodanine",
                "CN1C=NC2=C1C(=O)N(C)C(=O)N2C café",
                "c1ccc2c(c1)ccc1ccccc12 phenanthrene",
                "[2H]C([2H])([2H])O deuteromethanol",
                "OC(=O)C(F)(F)F.CCN(CC)CC tfa-salt",
                "B(O)(O)c1ccccc1 phenylboronic-acid",
                "[Pt](Cl)(Cl)(N)N cisplatin",
                "not-a-smiles garbage",
                "CC(=O)Oc1ccccc1C(=O)O aspirin") + "\n");
        sameAsFeaturizingEverything(library, SETTINGS);
    }
}
