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

/**
 * A webhook source over Chargebee events of some types. The delivery only names an event: {@link
 * #objectOf} fetches that event by id over the authenticated API and takes the transaction from
 * Chargebee's own copy (a forged body naming a real event id gains nothing; an unknown id is
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

  EventSource(ChargebeeClient client, String tenant, Set<String> types, Duration lookback,
      BiFunction<String, ChargebeeResource, T> mapper) {
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
    ChargebeeResource content = real.object("content");
    ChargebeeResource txn = content == null ? null : content.object("transaction");
    if (txn == null || txn.id() == null) {
      throw new IllegalArgumentException("event " + event.eventId() + " carries no transaction");
    }
    return Optional.of(ChargebeeCanonical.ref(tenant, ChargebeeCanonical.TRANSACTION, txn.id()));
  }

  @Override
  public Optional<T> fetch(ExternalRef ref) {
    return client.transaction(ref.id()).map(t -> mapper.apply(tenant, t));
  }

  @Override
  public EventPage eventsSince(String cursor) {
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
