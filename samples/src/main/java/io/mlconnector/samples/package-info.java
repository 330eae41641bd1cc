/**
 * The SYSPRO &lt;-&gt; Stripe sample: {@link io.mlconnector.samples.SysproStripeSync} (five flows on
 * the sync engine), {@link io.mlconnector.samples.SampleApp} (credentials, store, clients, webhook
 * server), the {@link io.mlconnector.samples.Main} command line ({@code demo}, {@code run}, {@code
 * ping}, {@code baseline}) and the {@link io.mlconnector.samples.Reconciliation} report.
 */
package io.mlconnector.samples;
