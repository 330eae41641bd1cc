package io.mlconnector.chargebee;

import io.mlconnector.chargebee.internal.CbJson;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook source over Chargebee events of some types. The delivery only names an event: {@link
 * #objectOf} fetches that event by id over the authenticated API and takes the object (a
 * transaction, a subscription) from Chargebee's own copy (a forged body naming a real event id gains nothing; an unknown id is
 * refused and parked).
 *
 * <p>The backstop reads {@code GET /events} by {@code occurred_at} (an immutable key), oldest first
 * ({@code sort_by[asc]=occurred_at}), filtered by {@code event_type[in]}, one page of 100 per call,
 * paged by Chargebee's {@code next_offset}. Chargebee lists events of any types it is asked for, so
 * one read per tenant serves every Chargebee webhook flow ({@link #listsEventsOfAnyType()}). The
 * cursor ({@link EventCursor}) holds the watermark (the latest {@code occurred_at} read) and, while
 * a read has more pages, the query and the offset of its next page: a page is never read twice in
 * one pass, however many events share one second, and a restart resumes at the page after the last
 * one stored. Each pass starts again the read overlap before the watermark (an event Chargebee
 * commits late is read then); the inbox dedupes on event id.
 */
final class EventSource<T> implements WebhookSource<T> {
  private static final Logger log = LoggerFactory.getLogger(EventSource.class);
  /** Chargebee's largest page. */
  private static final int PAGE = 100;

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

  /** The event types this source turns into objects: the backstop asks Chargebee for these only. */
  @Override
  public Set<String> eventTypes() {
    return types;
  }

  @Override
  public EventPage eventsSince(@Nullable String cursor) {
    return eventsSince(cursor, types);
  }

  /** Chargebee lists events of any types ({@code event_type[in]}): one read serves every Chargebee flow. */
  @Override
  public boolean listsEventsOfAnyType() {
    return true;
  }

  @Override
  public EventPage eventsSince(@Nullable String cursor, Set<String> eventTypes) {
    EventCursor at = cursor == null
        ? EventCursor.first(client.nowSeconds() - lookback.getSeconds())
        : EventCursor.parse(cursor);
    String query = EventCursor.queryKey(eventTypes);
    long after = at.inProgress() ? at.after() : Math.max(0, at.watermark() - client.config().readOverlap().getSeconds() - 1);
    // an offset belongs to its query: another set of types (the host changed its flows) starts over
    String offset = at.inProgress() && at.query().equals(query) ? at.offset() : null;
    ChargebeePage page;
    try {
      page = client.list("events", "event", query(after, eventTypes).offset(offset));
    } catch (RejectedException e) {
      if (offset == null) {
        throw e;
      }
      // Chargebee refused a saved offset (how long one stays valid is not documented): read the
      // query again from its start; the inbox drops what was stored already
      log.info("chargebee refused the saved events offset ({}); reading from occurred_at > {} again", e.getMessage(), after);
      page = client.list("events", "event", query(after, eventTypes));
    }
    List<WebhookEvent> out = new ArrayList<>(page.items().size());
    long watermark = at.watermark();
    for (ChargebeeResource e : page.items()) {
      out.add(new WebhookEvent(e.id(), e.string("event_type"), CbJson.write(e.attributes())));
      watermark = Math.max(watermark, e.number("occurred_at", 0));
    }
    if (page.nextOffset() != null) {
      return new EventPage(out, new EventCursor(watermark, after, query, page.nextOffset()).toString(), true);
    }
    return new EventPage(out, EventCursor.done(watermark).toString(), false);
  }

  private static ChargebeeQuery query(long after, Set<String> eventTypes) {
    ChargebeeQuery q = ChargebeeQuery.all();
    if (!eventTypes.isEmpty()) {
      q = q.in("event_type", new TreeSet<>(eventTypes));
    }
    return q.filter("occurred_at", "after", after).sortAsc("occurred_at").limit(PAGE);
  }
}
