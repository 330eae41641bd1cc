package io.mlconnector.testkit.chargebee;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
   * @param url where events are POSTed
   * @param username the Basic user name, or null to send no {@code Authorization} header
   * @param password the Basic password, or null (read as empty) when there is no user name
   * @param enabledEvents event types delivered, for example {@code payment_succeeded}; empty for
   *     all
   * @return the endpoint id
   */
  String addEndpoint(
      URI url, @Nullable String username, @Nullable String password, Set<String> enabledEvents);

  /**
   * Registers an endpoint receiving every event with Basic credentials.
   *
   * @param url where events are POSTed
   * @param username the Basic user name, or null to send no {@code Authorization} header
   * @param password the Basic password, or null (read as empty) when there is no user name
   * @return the endpoint id
   */
  default String addEndpoint(URI url, @Nullable String username, @Nullable String password) {
    return addEndpoint(url, username, password, Set.of());
  }

  /**
   * Removes an endpoint; retries pending for it are abandoned.
   *
   * @param endpointId the id {@link #addEndpoint} returned; an unknown id is ignored
   */
  void removeEndpoint(String endpointId);

  /**
   * The next {@code count} deliveries are sent twice.
   *
   * @param count how many; replaces the count still open
   * @return these controls
   */
  ChargebeeWebhooks duplicateNext(int count);

  /**
   * The next {@code count} deliveries are never sent (as if every retry had failed); each is
   * recorded with status 0 and the event's {@code webhook_status} becomes {@code failed}.
   *
   * @param count how many; replaces the count still open
   * @return these controls
   */
  ChargebeeWebhooks dropNext(int count);

  /**
   * Holds every new first attempt until {@link #release(Order)}, so tests can reorder them.
   *
   * @return these controls
   */
  ChargebeeWebhooks hold();

  /**
   * Sends the held deliveries in {@code order} and stops holding.
   *
   * @param order the order to send them in
   * @return these controls
   */
  ChargebeeWebhooks release(Order order);

  /**
   * Every delivery attempt so far.
   *
   * @return a snapshot, oldest first; dropped deliveries included
   */
  List<ChargebeeWebhookDelivery> deliveries();

  /**
   * Deliveries not finished yet: being sent, held, or waiting for a retry.
   *
   * @return the count now; 0 when delivery is idle
   */
  int pending();
}
