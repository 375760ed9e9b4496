/**
 * Seeded, reproducible splits of a labelled data set into train, validation and test rows: random,
 * Bemis–Murcko scaffold (Chemprop's balanced scaffold split) or taken from a column of the file.
 *
 * <p>A split is a value ({@link org.molscreen.engine.split.DataSplit}) of sorted row indices that a model
 * card records with its kind, seed and fractions, so {@code molscreen train} can rebuild the same parts.
 * The same inputs, seed and fractions give the same split on every JVM: the only randomness is
 * {@link java.util.Random}, whose generator the Java specification fixes.
 *
 * <p>Everything here is immutable or stateless and thread-safe; CDK objects are created per call and never shared.
 */
package org.molscreen.engine.split;
