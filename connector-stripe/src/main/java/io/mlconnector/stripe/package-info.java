/**
 * Stripe connector on stripe-java's {@code StripeClient}: {@link
 * io.mlconnector.stripe.StripeConnector} writes customers and invoices (with their lines) and reads
 * payments, refunds, disputes, fees and payouts back; {@link io.mlconnector.stripe.StripeCollector}
 * is the collector role the integrations pair with any ERP ledger; {@link
 * io.mlconnector.stripe.StripeWebhookVerifier} checks {@code Stripe-Signature} in constant time
 * within a timestamp tolerance.
 *
 * <p>Configuration is one immutable {@link io.mlconnector.stripe.StripeConfig} per tenant
 * credential; the API key is never printed. Implementation classes are in {@code
 * io.mlconnector.stripe.internal}.
 */
@NullMarked
package io.mlconnector.stripe;

import org.jspecify.annotations.NullMarked;
