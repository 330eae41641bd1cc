package io.mlconnector.core.mapping;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.model.ExternalRef;
import java.util.Objects;

/**
 * A record cannot be mapped yet because a record it references is not synced. The engine retries
 * it later, or syncs the dependency on demand when the flow is configured to.
 */
public final class MappingDeferredException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient ExternalRef dependency;

  /**
   * @param dependency the record that must be synced first
   * @param reason why, for the audit trail; never a secret
   */
  public MappingDeferredException(ExternalRef dependency, String reason) {
    super("mapping", Objects.requireNonNull(reason, "reason"), null, false);
    this.dependency = Objects.requireNonNull(dependency, "dependency");
  }

  /** {@return the record that must be synced first} */
  public ExternalRef dependency() {
    return dependency;
  }
}
