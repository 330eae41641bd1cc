package io.mlconnector.core.mapping;

import io.mlconnector.core.error.ConnectorException;
import java.util.Objects;

/**
 * A record can never be mapped as it is (a missing reference-table entry, an unsupported value):
 * the engine parks it with this reason until a person fixes the cause and replays it.
 */
public final class MappingRefusedException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** @param reason why, naming the field or table entry at fault; never a secret */
  public MappingRefusedException(String reason) {
    super("mapping", Objects.requireNonNull(reason, "reason"), null, false);
  }
}
