/**
 * Scoring whole libraries: records streamed through chem-core featurisation and the selected models in
 * batches, results handed on in input order with bounded memory. Not thread-safe per run.
 */
package org.molscreen.engine.predict;
