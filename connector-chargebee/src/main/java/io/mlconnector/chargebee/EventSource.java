package io.mlconnector.chargebee;

import io.mlconnector.chargebee.internal.CbJson;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A webhook source over Chargebee events of some types. The delivery only names an event: {@link
 * #objectOf} fetches that event by id over the authenticated API and takes the object (a
 * transaction, a subscription) from Chargebee's own copy (a forged body naming a real event id gains nothing; an unknown id is
 * refused and parked). {@link #eventsSince} reads {@code GET /events} by {@code occurred_at} (an
 * immutable key) reaching back by the client's read overlap; the inbox dedupes on event id.
 */
final class EventSource<T> implements WebhookSource<T> {
  private static final int PAGE = 500;

  private final ChargebeeClient client;
  private final String tenant;
  private final Set<String> types;
  private final Duration lookback;
  private final BiFunction<String, ChargebeeResource, T> mapper;
  private final String content;
  private final Function<String, Optional<ChargebeeResource>> retrieve;

  /** A source of transactions (payments, refunds). */
  EventSource(ChargebeeClient client, String tenant, Set<String> types, @Nullable Duration lookback,
      BiFunction<String, ChargebeeResource, T> mapper) {
    this(client, tenant, types, lookback, ChargebeeCanonical.TRANSACTION, client::transaction, mapper);
  }

  /**
   * A source of the {@code content} object of the events ({@code transaction}, {@code
   * subscription}), read again by {@code retrieve}.
   */
  EventSource(ChargebeeClient client, String tenant, Set<String> types, @Nullable Duration lookback, String content,
      Function<String, Optional<ChargebeeResource>> retrieve, BiFunction<String, ChargebeeResource, T> mapper) {
    this.content = content;
    this.retrieve = retrieve;
    this.client = client;
    this.tenant = tenant;
    this.types = Set.copyOf(types);
    this.lookback = lookback == null ? Duration.ofDays(4) : lookback;
    this.mapper = mapper;
  }

  @Override
  public String system() {
    return ChargebeeClient.SYSTEM;
  }

  @Override
  public Optional<ExternalRef> objectOf(WebhookEvent event) {
    if (!types.contains(event.type())) {
      return Optional.empty();
    }
    ChargebeeResource real = client.event(event.eventId()).orElseThrow(() -> new IllegalArgumentException(
        "event " + event.eventId() + " is unknown to Chargebee: the delivery is not acted on"));
    if (!types.contains(real.string("event_type"))) {
      return Optional.empty();
    }
    ChargebeeResource body = real.object("content");
    ChargebeeResource object = body == null ? null : body.object(content);
    if (object == null || object.id() == null) {
      throw new IllegalArgumentException("event " + event.eventId() + " carries no " + content);
    }
    return Optional.of(ChargebeeCanonical.ref(tenant, content, object.id()));
  }

  @Override
  public Optional<T> fetch(ExternalRef ref) {
    return retrieve.apply(ref.id()).map(t -> mapper.apply(tenant, t));
  }

  @Override
  public EventPage eventsSince(@Nullable String cursor) {
    long since = cursor == null ? client.nowSeconds() - lookback.getSeconds() : Long.parseLong(cursor);
    List<ChargebeeResource> events = client.readSince("events", "event", "occurred_at", since,
        ChargebeeQuery.all().in("event_type", types), PAGE);
    List<WebhookEvent> out = new ArrayList<>();
    long max = since;
    for (ChargebeeResource e : events) {
      out.add(new WebhookEvent(e.id(), e.string("event_type"), CbJson.write(e.attributes())));
      max = Math.max(max, e.number("occurred_at", 0));
    }
    return new EventPage(out, String.valueOf(max), events.size() >= PAGE);
  }
}
