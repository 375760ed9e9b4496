/**
 * Molecular descriptors (weight, exact mass, Wildman–Crippen cLogP, Ertl TPSA, Lipinski donors and
 * acceptors, rotatable bonds, ring counts, Fsp3, charge, QED) and the rule sets built on them (Lipinski's
 * rule of five, Veber). Values are immutable records; calculators hold SMARTS matchers (from
 * {@code chem.smarts}; the Crippen table and QED's patterns are the resources {@code crippen.tsv} and
 * {@code qed.tsv} beside these classes) and are one-per-thread unless their Javadoc says otherwise.
 */
package org.molscreen.chem.descriptor;
