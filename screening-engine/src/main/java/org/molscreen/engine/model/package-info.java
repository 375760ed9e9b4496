/**
 * Models as files and in memory: the JSON model card (provenance, featurisation, metrics, domain), the
 * zip model file, loaded {@code ScreeningModel}s with ensemble prediction and applicability domain, and the
 * registry of bundled and user models, and how an affinity model's predictions rank library compounds
 * ({@code AffinityRanking}, chosen from the card's enrichment study). Cards and predictions are immutable; {@code ScreeningModel} is
 * thread-safe for prediction.
 */
package org.molscreen.engine.model;
