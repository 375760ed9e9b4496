/**
 * JMH micro-benchmarks ({@code FeaturizerBenchmark}, {@code TanimotoSearchBenchmark}, {@code ScoringBenchmark},
 * {@code SmartsMatcherBenchmark}) and end-to-end harnesses that print figures ({@code FeaturizeThroughput},
 * {@code ScreenThroughput}). Never run by the test suite; the README's benchmark table gives the commands.
 */
package org.molscreen.benchmarks;
