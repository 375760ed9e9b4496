package org.molscreen.engine.split;

import java.util.Locale;
import org.molscreen.chem.RegistryNamed;

/** One part of a split. Registry names are the keys of a model card's metrics ({@code validation}, {@code test}). */
public enum SplitPart implements RegistryNamed {
    /** Rows the model learns from. */
    TRAIN("train"),
    /** Rows for early stopping and model selection. */
    VALIDATION("validation"),
    /** Rows held out for the reported metrics. */
    TEST("test");

    private final String registryName;

    SplitPart(String registryName) {
        this.registryName = registryName;
    }

    /** The stable name in model cards and reports. */
    @Override
    public String registryName() {
        return registryName;
    }

    /**
     * The part a data file's split column names. Case-insensitive, surrounding blanks ignored; accepts
     * {@code train}, {@code valid}, {@code validation}, {@code val} and {@code test}, which covers MoleculeNet
     * ({@code Train}/{@code Valid}/{@code Test} in BACE's {@code Model} column), Chemprop and TDC files.
     *
     * @return the part, or {@code null} when the value is none of these
     */
    public static SplitPart fromLabel(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "train" -> TRAIN;
            case "valid", "validation", "val" -> VALIDATION;
            case "test" -> TEST;
            default -> null;
        };
    }
}
