package io.mlconnector.stripe;

import org.jspecify.annotations.Nullable;

/**
 * A Stripe customer as the connector sees it.
 *
 * @param id Stripe's id ({@code cus_...})
 * @param sourceRef the ERP reference stamped on it, or null when it was not written by the connector
 * @param sourceVersion the ERP version last written, or null
 * @param name the name, or null when the customer has none
 * @param email the e-mail address, or null
 * @param livemode true for a live-mode object
 * @param operationKey the idempotency key of the connector write that last changed it, or null
 */
public record StripeCustomer(
    String id,
    @Nullable String sourceRef,
    @Nullable String sourceVersion,
    @Nullable String name,
    @Nullable String email,
    boolean livemode,
    @Nullable String operationKey) {}
