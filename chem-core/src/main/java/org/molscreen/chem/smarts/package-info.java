/**
 * SMARTS for the whole of chem-core: the one place that parses, analyses and matches substructure
 * queries, shared by the descriptors and the structural alerts.
 *
 * <ul>
 *   <li>Matching: {@link org.molscreen.chem.smarts.DepthFirstSmarts}, CDK's {@code DfPattern} with RDKit's
 *       {@code mergeHs} reading of explicit hydrogens, is the default (the alerts use it);
 *       {@link org.molscreen.chem.smarts.SmartsQuery} over a {@link org.molscreen.chem.smarts.MolGraph} is a
 *       hand-written matcher kept for the descriptor tables (Crippen, QED), where
 *       {@code SmartsMatcherBenchmark} shows it several times faster with the same answers;
 *       {@link org.molscreen.chem.smarts.AtomTyper} types atoms by the first matching row of a rooted table.</li>
 *   <li>Query analysis: what an atom expression implies (element, aromaticity, hydrogens, charge), how rare
 *       that is in a typical molecule ({@code ElementRarity}, the single rarity table every plan orders its
 *       work by), and where a search should start.</li>
 *   <li>Prefilter keys: {@link org.molscreen.chem.smarts.FeatureScreen} counts atom and bond features a set
 *       of queries requires and skips the queries a molecule cannot contain.</li>
 * </ul>
 *
 * <p>Everything here is immutable and thread-safe once built, except {@code MolGraph}, which is built per
 * molecule and confined to its thread. Molecules passed in are only read.
 */
package org.molscreen.chem.smarts;
