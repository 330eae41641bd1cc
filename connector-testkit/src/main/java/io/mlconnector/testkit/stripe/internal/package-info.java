/**
 * Internals of the Stripe simulator: routing, form parameters, the object store, invoices,
 * payments and webhooks; not public API.
 */
@NullMarked
package io.mlconnector.testkit.stripe.internal;

import org.jspecify.annotations.NullMarked;
