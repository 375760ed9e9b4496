package org.molscreen.chem.descriptor;

import java.util.ArrayList;
import java.util.List;
import org.molscreen.chem.smarts.AtomTyper;
import org.molscreen.chem.smarts.MolGraph;
import org.molscreen.chem.smarts.SmartsQuery;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Wildman–Crippen logP (S. A. Wildman and G. M. Crippen, J. Chem. Inf. Comput. Sci. 1999, 39, 868): the
 * sum of atom contributions, each atom typed by the first of 110 ordered SMARTS that matches with that
 * atom first. Hydrogens are typed by their neighbourhood too (every hydrogen becomes an atom for typing,
 * as RDKit's {@code AddHs} does) and contribute once per hydrogen.
 *
 * <p>Reproduces RDKit 2022.09 {@code Crippen.MolLogP}: same parameter table (the one compiled into
 * RDKit's C++, bundled as {@code crippen.tsv}; see {@code NOTICE}), same first-match typing, atoms no
 * row matches contribute 0. Values differ from RDKit where CDK's Daylight aromaticity differs from
 * RDKit's, since most carbon, nitrogen and oxygen types depend on it, and where RDKit's sanitisation
 * rewrites the input (perchlorate {@code OCl(=O)(=O)=O} or nitro {@code N(=O)=O} become charge-separated
 * there; here the molecule is typed as given).
 *
 * <p>Input: a molecule perceived by {@code Perception.perceive} (implicit hydrogen counts, ring flags,
 * Daylight aromaticity); it is not modified. Immutable and thread-safe: one instance can serve all threads.
 */
public final class CrippenLogP {

    private static final String TABLE = "crippen.tsv";

    private final String[] types;
    private final double[] contributions;
    private final AtomTyper typer;

    /** Loads the bundled parameter table. */
    public CrippenLogP() {
        List<String[]> rows = TsvResource.read(CrippenLogP.class, TABLE, 3, "type, SMARTS and logP");
        int n = rows.size();
        types = new String[n];
        contributions = new double[n];
        List<SmartsQuery> patterns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            types[i] = row[0];
            patterns.add(SmartsQuery.parseRooted(row[1]));
            contributions[i] = Double.parseDouble(row[2]);
        }
        typer = new AtomTyper(patterns);
    }

    /**
     * Wildman–Crippen logP of a perceived molecule (all fragments together, as RDKit).
     *
     * @throws IllegalArgumentException when an atom has no implicit hydrogen count (the molecule was not perceived)
     */
    public double logP(IAtomContainer mol) {
        return logP(MolGraph.of(mol));
    }

    /** logP of a heavy-atom graph, for {@link Qed}, which has built one already. */
    double logP(MolGraph heavy) {
        MolGraph g = heavy.withHydrogenVertices();
        double sum = 0;
        int hydrogen = heavy.atomCount();
        for (int v = 0; v < heavy.atomCount(); v++) {
            int row = typer.typeOf(g, v);
            sum += row < 0 ? 0 : contributions[row];
            int hCount = heavy.implicitHydrogens(v);
            if (hCount > 0) {
                // the hydrogens of one atom have the same neighbourhood, hence the same type
                int hRow = typer.typeOf(g, hydrogen);
                sum += hRow < 0 ? 0 : hCount * contributions[hRow];
                hydrogen += hCount;
            }
        }
        return sum;
    }

    /** The Wildman–Crippen type of each atom of the heavy-atom graph, then of one hydrogen per atom ("" when untyped); for diagnostics. */
    List<String> types(IAtomContainer mol) {
        MolGraph heavy = MolGraph.of(mol);
        MolGraph g = heavy.withHydrogenVertices();
        List<String> out = new ArrayList<>();
        for (int v = 0; v < heavy.atomCount(); v++) {
            int row = typer.typeOf(g, v);
            out.add(row < 0 ? "" : types[row]);
        }
        int hydrogen = heavy.atomCount();
        for (int v = 0; v < heavy.atomCount(); v++) {
            if (heavy.implicitHydrogens(v) > 0) {
                int row = typer.typeOf(g, hydrogen);
                out.add(row < 0 ? "" : types[row]);
                hydrogen += heavy.implicitHydrogens(v);
            }
        }
        return out;
    }
}
