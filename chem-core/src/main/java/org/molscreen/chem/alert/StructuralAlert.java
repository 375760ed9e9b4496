package org.molscreen.chem.alert;

import java.util.Objects;

/**
 * One substructure alert of a catalog: a PAINS class as written in RDKit's {@code wehi_pains.csv}
 * ({@code "SMARTS","<regId=anil_di_alk_F(14)>"}).
 *
 * @param name      the class name, e.g. {@code anil_di_alk_F}. Not unique on its own: PAINS uses
 *                  {@code amino_acridine_A} for two different patterns; {@link #label()} is unique.
 * @param classSize the number in parentheses after the name, e.g. 14. In Baell &amp; Holloway's tables
 *                  it is the number of compounds behind the class, and it decides the {@link #family()}.
 * @param smarts    the SMARTS exactly as in the catalog file, with its explicit {@code [#1]} atoms
 *                  (read with RDKit's {@code mergeHs=True} meaning, see {@link AlertCatalog})
 */
public record StructuralAlert(String name, int classSize, String smarts) {

    /**
     * Baell &amp; Holloway's PAINS families. A class belongs to A when more than 150 compounds define it,
     * to B from 15 to 150, to C below 15; on the 480 bundled classes these thresholds give 16/55/409,
     * exactly RDKit's {@code FilterCatalogs.PAINS_A/B/C}.
     */
    public enum Family {
        A, B, C
    }

    public StructuralAlert {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(smarts, "smarts");
        if (name.isBlank()) {
            throw new IllegalArgumentException("alert name is blank");
        }
        if (classSize < 0) {
            throw new IllegalArgumentException("class size of " + name + " is negative: " + classSize);
        }
        if (smarts.isBlank()) {
            throw new IllegalArgumentException("SMARTS of " + name + " is blank");
        }
    }

    /** The unique label RDKit's FilterCatalog also reports, e.g. {@code anil_di_alk_F(14)}. */
    public String label() {
        return name + "(" + classSize + ")";
    }

    /** The PAINS family the class size puts this alert in. */
    public Family family() {
        if (classSize > 150) {
            return Family.A;
        }
        return classSize >= 15 ? Family.B : Family.C;
    }
}
