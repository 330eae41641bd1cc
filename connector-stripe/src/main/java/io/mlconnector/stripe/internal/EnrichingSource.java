package io.mlconnector.stripe.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A Stripe webhook source that enriches what it fetches (links a payment, refund or dispute to the
 * ERP invoice behind the Stripe invoice it concerns). The engine gives every webhook flow its own
 * inbox, so one delivery reaches the payments, refunds and disputes flows, each of which keeps the
 * event types it handles.
 *
 * @param <S> the record type
 */
public final class EnrichingSource<S> implements WebhookSource<S> {
  private final WebhookSource<S> delegate;
  private final UnaryOperator<S> enrich;

  /** Wraps {@code delegate}, applying {@code enrich} to every fetched record. */
  public EnrichingSource(WebhookSource<S> delegate, UnaryOperator<S> enrich) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.enrich = Objects.requireNonNull(enrich, "enrich");
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
  public Set<String> eventTypes() {
    return delegate.eventTypes();
  }

  @Override
  public EventPage eventsSince(String cursor) {
    return delegate.eventsSince(cursor);
  }

  @Override
  public boolean listsEventsOfAnyType() {
    return delegate.listsEventsOfAnyType();
  }

  @Override
  public EventPage eventsSince(String cursor, Set<String> types) {
    return delegate.eventsSince(cursor, types);
  }

  @Override
  public Optional<S> fetch(ExternalRef ref) {
    return delegate.fetch(ref).map(enrich);
  }
}
