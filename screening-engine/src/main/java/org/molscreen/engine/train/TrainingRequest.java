package org.molscreen.engine.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.molscreen.chem.fingerprint.FingerprintSpec;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.engine.model.ModelKind;
import org.molscreen.engine.split.SplitFractions;
import org.molscreen.engine.split.SplitKind;

/**
 * Everything {@code molscreen train} is asked to do.
 *
 * @param name            registry name of the model to build
 * @param kind            what it predicts
 * @param target          target or assay panel, for the card
 * @param data            the training file
 * @param readOptions     how to read it (SMILES and id columns)
 * @param labels          label columns = the model's endpoints, in order
 * @param unit            the endpoints' unit (e.g. {@code pIC50}, {@code probability})
 * @param split           how to split {@code data}
 * @param splitColumn     the column for {@link SplitKind#COLUMN}
 * @param fractions       train/validation/test fractions (test 0 when {@code testFile} is given)
 * @param testFile        an external test set with the same label columns (e.g. the Tox21 challenge's), or null
 * @param classColumn     a binary column to score the regression output against by ROC-AUC (BACE's
 *                        {@code Class}), or null
 * @param decoys          a library whose compounds are added to training as presumed inactives, or null
 * @param decoyCount      how many decoys to sample from it (seeded reservoir sample)
 * @param decoyLabel      the label given to every decoy (e.g. pIC50 4.0 = 100 µM)
 * @param enrichmentDecoys library whose compounds hide the test actives in an enrichment study (affinity
 *                        models; records of the other parity than the training decoys, so the two never
 *                        overlap), or null
 * @param enrichmentCount how many compounds to sample for the enrichment study
 * @param activeThreshold label value from which a training compound counts as active (regression)
 * @param minSimilarity   applicability domain: nearest training compound at least this Tanimoto similar
 * @param fingerprint     the featurisation
 * @param config          trainer settings
 * @param command         the command line that made this request, recorded in the card
 */
public record TrainingRequest(String name, ModelKind kind, String target, Path data, ReadOptions readOptions,
                              List<String> labels, String unit, SplitKind split, String splitColumn,
                              SplitFractions fractions, Path testFile, String classColumn, Path decoys, int decoyCount,
                              float decoyLabel, Path enrichmentDecoys, int enrichmentCount, Double activeThreshold, double minSimilarity,
                              FingerprintSpec fingerprint, TrainerConfig config, String command) {

    public TrainingRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("name at least one label column");
        }
        if (kind != ModelKind.MULTITASK_CLASSIFICATION && labels.size() != 1) {
            throw new IllegalArgumentException(kind.registryName() + " takes one label column, got " + labels);
        }
        if (split == SplitKind.COLUMN && splitColumn == null) {
            throw new IllegalArgumentException("a column split needs the split column");
        }
        if (decoys != null && kind != ModelKind.REGRESSION) {
            throw new IllegalArgumentException("presumed-inactive decoys are for affinity (regression) models");
        }
    }
}
