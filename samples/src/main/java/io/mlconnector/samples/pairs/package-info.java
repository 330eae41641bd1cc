/**
 * The pairs the sample runs: {@link io.mlconnector.samples.pairs.Pairs} lists them, one line
 * each, and every pair is run the same way ({@code demo}, {@code run}, {@code ping}).
 */
package io.mlconnector.samples.pairs;
