package io.mlconnector.stripe;

/**
 * A Stripe customer as the connector sees it.
 *
 * @param id Stripe's id ({@code cus_...})
 * @param sourceRef the ERP reference stamped on it, or null when it was not written by the connector
 * @param sourceVersion the ERP version last written, or null
 * @param name the name
 * @param email the e-mail address, or null
 * @param livemode true for a live-mode object
 * @param operationKey the idempotency key of the connector write that last changed it, or null
 */
public record StripeCustomer(
    String id, String sourceRef, String sourceVersion, String name, String email, boolean livemode, String operationKey) {}
