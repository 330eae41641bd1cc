package io.mlconnector.samples.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import com.stripe.model.Event;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeEvents;
import io.mlconnector.stripe.StripeSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Stripe webhook source that enriches what it fetches (links a payment to its SYSPRO invoice) and
 * can bound the first backstop read. The engine gives every webhook flow its own inbox, so one
 * delivery reaches the payments, refunds and disputes flows, each of which keeps the event types it
 * handles.
 *
 * @param <S> the record type
 */
public final class EnrichingSource<S> implements WebhookSource<S> {
  private final WebhookSource<S> delegate;
  private final UnaryOperator<S> enrich;
  private final StripeConnector stripe;
  private final Duration firstLookback;

  /**
   * Wraps {@code delegate}, applying {@code enrich} to every fetched record. With {@code firstLookback} set, the
   * first backstop read (no cursor yet) reads the events of that last stretch of time instead of
   * connector-stripe's default look-back ({@link StripeSources#DEFAULT_LOOKBACK}).
   */
  public EnrichingSource(WebhookSource<S> delegate, UnaryOperator<S> enrich, StripeConnector stripe,
      Duration firstLookback) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.enrich = Objects.requireNonNull(enrich, "enrich");
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.firstLookback = firstLookback;
  }

  @Override
  public String system() {
    return delegate.system();
  }

  @Override
  public Optional<ExternalRef> objectOf(WebhookEvent event) {
    return delegate.objectOf(event);
  }

  @Override
  public EventPage eventsSince(String cursor) {
    if (cursor != null || firstLookback == null) {
      return delegate.eventsSince(cursor);
    }
    StripeEvents events =
        stripe.listEventsSince(null, stripe.config().clock().instant().minus(firstLookback), 500);
    List<WebhookEvent> out = new ArrayList<>();
    for (Event e : events.events()) {
      out.add(new WebhookEvent(e.getId(), e.getType(),
          e.getRawJsonObject() != null ? e.getRawJsonObject().toString() : e.toJson()));
    }
    return new EventPage(out, events.lastEventId(), events.hasMore());
  }

  @Override
  public Optional<S> fetch(ExternalRef ref) {
    return delegate.fetch(ref).map(enrich);
  }
}
