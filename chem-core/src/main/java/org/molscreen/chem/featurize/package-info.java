/**
 * The whole record pipeline: parse, standardise, canonical SMILES, fingerprint, descriptors, alerts
 * ({@code Featurizer}, one per thread), a multi-threaded run over a library that keeps input order
 * ({@code LibraryFeaturizer}), and the CSV feature table ({@code FeatureTableWriter}).
 */
package org.molscreen.chem.featurize;
