/**
 * The samples application: the {@link io.mlconnector.samples.Main} command line ({@code demo},
 * {@code run}, {@code ping}), {@link io.mlconnector.samples.SampleApp} (credentials, store, clients,
 * webhook server) and the demo of every pair; the pairs themselves are in {@code pairs}, the
 * systems they connect in {@code systems}, and the recipes the README links to in {@code recipes}.
 */
package io.mlconnector.samples;
