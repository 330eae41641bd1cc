package io.mlconnector.core.state;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Selects dead letters for listing or replay. Null fields match everything.
 *
 * @param tenant the tenant (required)
 * @param flow only this flow, or null
 * @param sourceType only sources of this record type, or null
 * @param errorContains only reasons containing this text, or null
 * @param parkedBefore only items parked before this instant, or null
 * @param limit page size (1 to 1000)
 * @param pageToken the token of the previous page, or null for the first
 * @param itemId only the dead letter with this id, or null
 */
public record DeadLetterQuery(
    String tenant,
    @Nullable String flow,
    @Nullable String sourceType,
    @Nullable String errorContains,
    @Nullable Instant parkedBefore,
    int limit,
    @Nullable String pageToken,
    @Nullable Long itemId) {
  /**
   * Checks the components.
   *
   * @param tenant the tenant (required)
   * @param flow only this flow, or null
   * @param sourceType only sources of this record type, or null
   * @param errorContains only reasons containing this text, or null
   * @param parkedBefore only items parked before this instant, or null
   * @param limit page size (1 to 1000)
   * @param pageToken the token of the previous page, or null for the first
   * @param itemId only the dead letter with this id, or null
   */
  public DeadLetterQuery {
    Objects.requireNonNull(tenant, "tenant");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
    }
  }

  /**
   * A query by filter fields only (no single item).
   *
   * @param tenant the tenant (required)
   * @param flow only this flow, or null
   * @param sourceType only sources of this record type, or null
   * @param errorContains only reasons containing this text, or null
   * @param parkedBefore only items parked before this instant, or null
   * @param limit page size (1 to 1000)
   * @param pageToken the token of the previous page, or null for the first
   */
  public DeadLetterQuery(
      String tenant,
      String flow,
      String sourceType,
      String errorContains,
      Instant parkedBefore,
      int limit,
      String pageToken) {
    this(tenant, flow, sourceType, errorContains, parkedBefore, limit, pageToken, null);
  }

  /**
   * Every dead letter of a tenant, first page of 100.
   *
   * @param tenant the tenant
   * @return a query for every dead letter of {@code tenant}
   */
  public static DeadLetterQuery all(String tenant) {
    return new DeadLetterQuery(tenant, null, null, null, null, 100, null);
  }

  /**
   * Exactly the dead letter {@code itemId} of a tenant (empty when it is not a dead letter).
   *
   * @param tenant the tenant
   * @param itemId the dead letter's store id ({@link RetryItem#id()})
   * @return a query for that one dead letter
   */
  public static DeadLetterQuery item(String tenant, long itemId) {
    return new DeadLetterQuery(tenant, null, null, null, null, 1, null, itemId);
  }
}
