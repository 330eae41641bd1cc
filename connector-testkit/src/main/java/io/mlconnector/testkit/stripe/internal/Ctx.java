package io.mlconnector.testkit.stripe.internal;

import org.jspecify.annotations.Nullable;

/**
 * Who caused a change: the API request (its id, idempotency key and Stripe-Version) or a
 * test-control call (no request).
 *
 * @param requestId the {@code Request-Id} answered, or null for a test-control call
 * @param idempotencyKey the request's idempotency key, or null
 * @param apiVersion the version events are rendered in
 */
public record Ctx(@Nullable String requestId, @Nullable String idempotencyKey, String apiVersion) {
  /** A test-control call rendered in {@code apiVersion}. */
  public static Ctx control(String apiVersion) {
    return new Ctx(null, null, apiVersion);
  }
}
