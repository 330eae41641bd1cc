package io.mlconnector.core.state;

import java.time.Instant;
import java.util.Objects;

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
 */
public record DeadLetterQuery(
    String tenant,
    String flow,
    String sourceType,
    String errorContains,
    Instant parkedBefore,
    int limit,
    String pageToken) {
  public DeadLetterQuery {
    Objects.requireNonNull(tenant, "tenant");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
    }
  }

  /** Every dead letter of a tenant, first page of 100. */
  public static DeadLetterQuery all(String tenant) {
    return new DeadLetterQuery(tenant, null, null, null, null, 100, null);
  }
}
