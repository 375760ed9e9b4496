package org.molscreen.engine.split;

import org.molscreen.chem.RegistryNamed;

/** How rows are assigned to train, validation and test. Registry names are what cards and the CLI say. */
public enum SplitKind implements RegistryNamed {
    /** A seeded shuffle of the rows, cut by the fractions. Optimistic for new chemistry: near analogues land on both sides. */
    RANDOM("random"),
    /**
     * Whole Bemis–Murcko scaffold groups assigned to one part (Chemprop's {@code scaffold_balanced}), so the
     * test set holds chemotypes the model never saw: a fairer estimate for screening new libraries.
     */
    SCAFFOLD("scaffold"),
    /** The split a data set ships with, read from a column ({@code train}/{@code valid}/{@code test}), e.g. MoleculeNet's BACE {@code Model}. */
    COLUMN("column");

    private final String registryName;

    SplitKind(String registryName) {
        this.registryName = registryName;
    }

    /** The stable name in model cards and on the command line. */
    @Override
    public String registryName() {
        return registryName;
    }

    /**
     * The kind with this registry name (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static SplitKind fromName(String name) {
        return RegistryNamed.lookup(SplitKind.class, "split", name);
    }
}
