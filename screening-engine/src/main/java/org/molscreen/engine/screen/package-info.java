/**
 * Screening a library: filters (Ro5, Veber, PAINS, toxicity, similarity), the ranking score, the bounded
 * top-N collector with id tie-breaks, and the hit list written as CSV, SDF or JSON with identical values.
 * Values are immutable; {@code TopHits} is not thread-safe.
 */
package org.molscreen.engine.screen;
