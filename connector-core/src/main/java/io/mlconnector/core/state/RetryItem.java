package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
import io.mlconnector.core.model.ExternalRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A record to try again, or (when {@code dead}) a parked dead letter waiting for a replay.
 *
 * @param id the store's id (0 before it is stored)
 * @param tenant the tenant
 * @param flow the flow
 * @param source the source record
 * @param operationKey the operation it belongs to, or null
 * @param payload what the retry needs to rebuild the record (opaque), or null
 * @param attempts attempts so far
 * @param nextAttemptAt when it is due; for a dead letter parked by {@link io.mlconnector.core.state.spi.StateStoreSpi#fail}, when it
 *     was parked
 * @param lastError the last failure's reason; never a secret
 * @param dead true for a parked dead letter
 */
public record RetryItem(
    long id,
    String tenant,
    String flow,
    ExternalRef source,
    @Nullable String operationKey,
    @Nullable String payload,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    boolean dead) {

  /**
   * Checks the fields: tenant and flow must not be null or blank, the source must belong to the
   * tenant, and the due time must not be null.
   *
   * @param id the store's id (0 before it is stored)
   * @param tenant the tenant
   * @param flow the flow
   * @param source the source record
   * @param operationKey the operation it belongs to, or null
   * @param payload what the retry needs to rebuild the record (opaque), or null
   * @param attempts attempts so far
   * @param nextAttemptAt when it is due; for a dead letter parked by {@link
   *     io.mlconnector.core.state.spi.StateStoreSpi#fail}, when it was parked
   * @param lastError the last failure's reason; never a secret
   * @param dead true for a parked dead letter
   */
  public RetryItem {
    Checks.text(tenant, "item.tenant");
    Checks.text(flow, "item.flow");
    Checks.ref(source, "item.source", tenant);
    Checks.notNull(nextAttemptAt, "item.nextAttemptAt");
  }
}
