package io.mlconnector.samples.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Stripe webhook source under an inbox name of its own, optionally enriching what it fetches.
 *
 * <p>The engine keys its webhook inbox by the source's {@link #system()}, so flows fed by one
 * sender would claim each other's events; giving each flow its own inbox name ({@code
 * stripe-payments}, {@code stripe-refunds} ...) lets one delivery reach every flow, each of which
 * keeps the event types it handles. Record refs keep the system {@code stripe}.
 *
 * @param <S> the record type
 */
public final class InboxSource<S> implements WebhookSource<S> {
  private final WebhookSource<S> delegate;
  private final String inbox;
  private final UnaryOperator<S> enrich;

  /** Wraps {@code delegate} under the inbox name {@code inbox}. */
  public InboxSource(WebhookSource<S> delegate, String inbox, UnaryOperator<S> enrich) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.enrich = Objects.requireNonNull(enrich, "enrich");
  }

  @Override
  public String system() {
    return inbox;
  }

  @Override
  public Optional<ExternalRef> objectOf(WebhookEvent event) {
    return delegate.objectOf(event);
  }

  @Override
  public EventPage eventsSince(String cursor) {
    return delegate.eventsSince(cursor);
  }

  @Override
  public Optional<S> fetch(ExternalRef ref) {
    return delegate.fetch(ref).map(enrich);
  }
}
