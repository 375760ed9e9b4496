/**
 * JMH micro-benchmarks ({@code FeaturizerBenchmark}, {@code TanimotoSearchBenchmark}) and end-to-end
 * harnesses that print figures ({@code FeaturizeThroughput}). Never run by the test suite; the README's
 * benchmark table gives the commands.
 */
package org.molscreen.benchmarks;
