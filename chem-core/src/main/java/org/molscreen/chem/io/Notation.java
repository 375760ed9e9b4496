package org.molscreen.chem.io;

/** How a raw record writes its structure. */
public enum Notation {
    /** A SMILES string. */
    SMILES,
    /** An MDL molfile block (V2000 or V3000), header lines included, up to and including {@code M  END}. */
    MOLFILE
}
