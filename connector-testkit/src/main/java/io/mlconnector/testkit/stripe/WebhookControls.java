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
   *
   * @param url where events are POSTed, http or https
   * @param secret the signing secret, not blank
   * @param enabledEvents event types ({@code invoice.paid}), families ({@code invoice.*}) or
   *     {@code *}; at least one
   * @return the endpoint, with a new {@code we_...} id
   * @throws IllegalArgumentException if the URL is not http(s), the secret is blank or no event
   *     type is named
   */
  WebhookEndpoint addEndpoint(URI url, String secret, Set<String> enabledEvents);

  /**
   * Registers an endpoint receiving every event.
   *
   * @param url where events are POSTed, http or https
   * @param secret the signing secret, not blank
   * @return the endpoint, with a new {@code we_...} id
   */
  default WebhookEndpoint addEndpoint(URI url, String secret) {
    return addEndpoint(url, secret, Set.of("*"));
  }

  /**
   * Removes an endpoint; deliveries already scheduled for it are abandoned.
   *
   * @param endpointId the endpoint's {@code we_...} id
   * @throws IllegalArgumentException if there is no such endpoint
   */
  void removeEndpoint(String endpointId);

  /**
   * Rolls an endpoint's secret. With {@code keepOld}, both secrets sign every delivery (two {@code
   * v1} entries) until {@link #expireOldSecrets(String)}.
   *
   * @param endpointId the endpoint's {@code we_...} id
   * @param newSecret the secret that signs from now on, not blank
   * @param keepOld true to keep signing with the earlier secrets as well
   * @throws IllegalArgumentException if there is no such endpoint or the secret is blank
   */
  void rotateSecret(String endpointId, String newSecret, boolean keepOld);

  /**
   * Stops signing with every secret but the newest.
   *
   * @param endpointId the endpoint's {@code we_...} id
   * @throws IllegalArgumentException if there is no such endpoint
   */
  void expireOldSecrets(String endpointId);

  /**
   * The next {@code count} deliveries are sent twice (at-least-once delivery).
   *
   * @param count how many, not negative; replaces the count still open
   * @return these controls
   */
  WebhookControls duplicateNext(int count);

  /**
   * The next {@code count} deliveries are dropped: never sent, never retried (recorded with status
   * 0).
   *
   * @param count how many, not negative; replaces the count still open
   * @return these controls
   */
  WebhookControls dropNext(int count);

  /**
   * Every delivery waits this long (real time) before it is sent.
   *
   * @param delay the wait, not negative; zero (the default) for none
   * @return these controls
   */
  WebhookControls delay(Duration delay);

  /**
   * Holds every new delivery until {@link #release(Order)}, so tests can reorder them.
   *
   * @return these controls
   */
  WebhookControls hold();

  /**
   * Sends the held deliveries in {@code order} and stops holding.
   *
   * @param order the order to send them in
   * @return these controls
   */
  WebhookControls release(Order order);

  /**
   * Attempts per delivery, the first try included.
   *
   * @param attempts at least 1; default 4 (the first try plus 3 retries)
   * @return these controls
   */
  WebhookControls maxAttempts(int attempts);

  /**
   * Wait before the first retry, doubling for each further retry.
   *
   * @param backoff real time, not negative; default 200 ms
   * @return these controls
   */
  WebhookControls retryBackoff(Duration backoff);

  /**
   * Shifts the signature timestamp {@code t} by this much (negative: in the past), to test a
   * verifier's tolerance; default zero.
   *
   * @param offset added to the delivery time, either sign
   * @return these controls
   */
  WebhookControls signatureTimestampOffset(Duration offset);

  /**
   * Adds a {@code v0=} entry (which verifiers must ignore) to every signature; default off.
   *
   * @param include whether to add it
   * @return these controls
   */
  WebhookControls includeV0Signature(boolean include);

  /**
   * Every delivery attempt so far.
   *
   * @return a snapshot, oldest first; dropped deliveries included
   */
  List<WebhookDelivery> deliveries();

  /**
   * Deliveries not yet finished (scheduled, waiting for a retry or held).
   *
   * @return the count now; 0 when delivery is idle
   */
  int pending();
}
