package io.mlconnector.testkit.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Webhook delivery of the simulator: endpoints, signing secrets and the controls that make
 * delivery as unreliable as the real thing (at least once, unordered). Deliveries run on a
 * background thread; tests poll {@link #deliveries()} with a bounded timeout.
 *
 * <p>Each delivery is a JSON {@code POST} of the event signed like Stripe signs: {@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with one {@code v1} per
 * live secret of the endpoint. A non-2xx answer (or no answer) is retried with exponential backoff
 * up to {@link #maxAttempts(int)} attempts in total.
 */
public interface WebhookControls {
  /** Order of the deliveries released by {@link #release(Order)}. */
  enum Order {
    /** In the order the events happened. */
    AS_EMITTED,
    /** Newest first. */
    REVERSED,
    /** A shuffle seeded by the simulator's seed. */
    SHUFFLED
  }

  /**
   * Registers an endpoint receiving {@code enabledEvents} ({@code *} for all) signed with {@code
   * secret} (conventionally {@code whsec_...}).
   */
  WebhookEndpoint addEndpoint(URI url, String secret, Set<String> enabledEvents);

  /** Registers an endpoint receiving every event. */
  default WebhookEndpoint addEndpoint(URI url, String secret) {
    return addEndpoint(url, secret, Set.of("*"));
  }

  /** Removes an endpoint; deliveries already scheduled for it are abandoned. */
  void removeEndpoint(String endpointId);

  /**
   * Rolls an endpoint's secret. With {@code keepOld}, both secrets sign every delivery (two {@code
   * v1} entries) until {@link #expireOldSecrets(String)}.
   */
  void rotateSecret(String endpointId, String newSecret, boolean keepOld);

  /** Stops signing with every secret but the newest. */
  void expireOldSecrets(String endpointId);

  /** The next {@code count} deliveries are sent twice (at-least-once delivery). */
  WebhookControls duplicateNext(int count);

  /** The next {@code count} deliveries are dropped: never sent, never retried. */
  WebhookControls dropNext(int count);

  /** Every delivery waits this long (real time) before it is sent. */
  WebhookControls delay(Duration delay);

  /** Holds every new delivery until {@link #release(Order)}, so tests can reorder them. */
  WebhookControls hold();

  /** Sends the held deliveries in {@code order} and stops holding. */
  WebhookControls release(Order order);

  /** Attempts per delivery (first try included), default 4: the first try plus 3 retries. */
  WebhookControls maxAttempts(int attempts);

  /** Wait before the first retry (doubling each time), real time; default 200 ms. */
  WebhookControls retryBackoff(Duration backoff);

  /**
   * Shifts the signature timestamp {@code t} by this much (negative: in the past), to test a
   * verifier's tolerance; default zero.
   */
  WebhookControls signatureTimestampOffset(Duration offset);

  /** Adds a {@code v0=} entry (which verifiers must ignore) to every signature; default off. */
  WebhookControls includeV0Signature(boolean include);

  /** Every delivery attempt so far, oldest first. */
  List<WebhookDelivery> deliveries();

  /** Deliveries not yet finished (scheduled, waiting for a retry or held). */
  int pending();
}
