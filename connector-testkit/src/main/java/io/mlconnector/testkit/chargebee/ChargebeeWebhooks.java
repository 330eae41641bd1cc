package io.mlconnector.testkit.chargebee;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Webhook delivery of the Chargebee simulator. Chargebee signs nothing: a delivery is a JSON
 * {@code POST} of the event with the endpoint's optional HTTP Basic credentials. Any 2xx is
 * success; anything else (or no answer) is retried on the documented schedule, measured on the
 * simulator's clock: 2 minutes, then 6 minutes, 30 minutes, 1 hour, 5 hours, 1 day and 2 days after
 * the previous attempt (7 retries); after the last the event's {@code webhook_status} is {@code
 * failed}. Retries are sent when the clock is advanced ({@link ChargebeeSimulator#advanceClock}).
 * First attempts go out on a background thread as soon as the event happens; tests poll {@link
 * #deliveries()} with a bounded timeout.
 */
public interface ChargebeeWebhooks {
  /** The retry schedule: the wait before each retry, after the previous attempt. */
  List<Duration> RETRY_SCHEDULE = List.of(Duration.ofMinutes(2), Duration.ofMinutes(6), Duration.ofMinutes(30),
      Duration.ofHours(1), Duration.ofHours(5), Duration.ofDays(1), Duration.ofDays(2));

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
   * Registers an endpoint receiving {@code enabledEvents} (empty: all), with Basic credentials
   * ({@code username} null: none).
   *
   * @return the endpoint id
   */
  String addEndpoint(URI url, String username, String password, Set<String> enabledEvents);

  /** Registers an endpoint receiving every event with Basic credentials. */
  default String addEndpoint(URI url, String username, String password) {
    return addEndpoint(url, username, password, Set.of());
  }

  /** Removes an endpoint; retries pending for it are abandoned. */
  void removeEndpoint(String endpointId);

  /** The next {@code count} deliveries are sent twice. */
  ChargebeeWebhooks duplicateNext(int count);

  /** The next {@code count} deliveries are never sent (as if every retry had failed). */
  ChargebeeWebhooks dropNext(int count);

  /** Holds every new first attempt until {@link #release(Order)}, so tests can reorder them. */
  ChargebeeWebhooks hold();

  /** Sends the held deliveries in {@code order} and stops holding. */
  ChargebeeWebhooks release(Order order);

  /** Every delivery attempt so far, oldest first. */
  List<ChargebeeWebhookDelivery> deliveries();

  /** Deliveries not finished yet: being sent, held, or waiting for a retry. */
  int pending();
}
