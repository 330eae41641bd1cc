package io.mlconnector.integrations.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook source of a record kind a collector does not report (Chargebee has no disputes, say):
 * it takes no event and lists none, so its flow stays idle.
 *
 * @param <S> the record type
 */
public final class NoEvents<S> implements WebhookSource<S> {
  private final String system;

  /** No events of {@code system}. */
  public NoEvents(String system) {
    this.system = Objects.requireNonNull(system, "system");
  }

  @Override
  public String system() {
    return system;
  }

  @Override
  public Optional<ExternalRef> objectOf(WebhookEvent event) {
    return Optional.empty();
  }

  @Override
  public Optional<S> fetch(ExternalRef ref) {
    return Optional.empty();
  }
}
