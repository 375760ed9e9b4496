/**
 * Labelled data for training and evaluation: reading a CSV/SDF with label columns through chem-core's
 * featurisation, with provenance (name, rows, SHA-256) for model cards. Values are immutable.
 */
package org.molscreen.engine.data;
