/**
 * A stateful, in-process Stripe simulator: {@link io.mlconnector.testkit.stripe.StripeSimulator}
 * serves Stripe's API v1 on a loopback port with its real rules (invoice state machine,
 * idempotency, pagination, errors, signed webhooks) so that clients are tested against behaviour,
 * not only object shapes.
 */
@NullMarked
package io.mlconnector.testkit.stripe;

import org.jspecify.annotations.NullMarked;
