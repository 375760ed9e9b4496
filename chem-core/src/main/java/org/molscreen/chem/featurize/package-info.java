/**
 * The whole record pipeline: parse, standardise, canonical SMILES, fingerprint, descriptors, alerts
 * ({@code Featurizer}, one per thread), a multi-threaded run over a library that keeps input order
 * ({@code LibraryFeaturizer}), the CSV feature table ({@code FeatureTableWriter}), and the fixed-decimal
 * numbers every molscreen table writes ({@code FixedDecimals}).
 */
package org.molscreen.chem.featurize;
