package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Selects audit entries. Null fields match everything; results come newest first.
 *
 * @param tenant the tenant (required)
 * @param source only entries about this source record, or null
 * @param target only entries about this target record, or null
 * @param flow only this flow, or null
 * @param from only entries at or after this instant, or null
 * @param to only entries before this instant, or null
 * @param outcome only this outcome, or null
 * @param limit page size (1 to 1000)
 * @param pageToken the token of the previous page, or null for the first
 */
public record AuditQuery(
    String tenant,
    @Nullable ExternalRef source,
    @Nullable ExternalRef target,
    @Nullable String flow,
    @Nullable Instant from,
    @Nullable Instant to,
    AuditEntry.@Nullable Outcome outcome,
    int limit,
    @Nullable String pageToken) {
  /**
   * Checks the components.
   *
   * @param tenant the tenant (required)
   * @param source only entries about this source record, or null
   * @param target only entries about this target record, or null
   * @param flow only this flow, or null
   * @param from only entries at or after this instant, or null
   * @param to only entries before this instant, or null
   * @param outcome only this outcome, or null
   * @param limit page size (1 to 1000)
   * @param pageToken the token of the previous page, or null for the first
   */
  public AuditQuery {
    Objects.requireNonNull(tenant, "tenant");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
    }
  }

  /**
   * Every entry of a tenant, first page of 100.
   *
   * @param tenant the tenant
   * @return a query for every entry of {@code tenant}
   */
  public static AuditQuery all(String tenant) {
    return new AuditQuery(tenant, null, null, null, null, null, null, 100, null);
  }

  /**
   * This query restricted to entries about source record {@code ref}, from the first page.
   *
   * @param ref the source record, or null for any
   * @return a copy restricted to that source
   */
  public AuditQuery withSource(@Nullable ExternalRef ref) {
    return new AuditQuery(tenant, ref, target, flow, from, to, outcome, limit, null);
  }

  /**
   * This query restricted to entries about target record {@code ref}, from the first page.
   *
   * @param ref the target record, or null for any
   * @return a copy restricted to that target
   */
  public AuditQuery withTarget(@Nullable ExternalRef ref) {
    return new AuditQuery(tenant, source, ref, flow, from, to, outcome, limit, null);
  }

  /**
   * This query restricted to flow {@code name} between {@code fromInclusive} and {@code
   * toExclusive} (either may be null: unbounded), from the first page.
   *
   * @param name the flow's name, or null for any
   * @param fromInclusive only entries at or after this instant, or null
   * @param toExclusive only entries before this instant, or null
   * @return a copy restricted to that flow and time range
   */
  public AuditQuery withFlow(@Nullable String name, @Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
    return new AuditQuery(tenant, source, target, name, fromInclusive, toExclusive, outcome, limit, null);
  }

  /**
   * This query restricted to entries with outcome {@code value}, from the first page.
   *
   * @param value the outcome, or null for any
   * @return a copy restricted to that outcome
   */
  public AuditQuery withOutcome(AuditEntry.@Nullable Outcome value) {
    return new AuditQuery(tenant, source, target, flow, from, to, value, limit, null);
  }

  /**
   * This query with page size {@code size} (1 to 1000), from the first page.
   *
   * @param size the page size, 1 to 1000
   * @return a copy with that page size
   */
  public AuditQuery withLimit(int size) {
    return new AuditQuery(tenant, source, target, flow, from, to, outcome, size, null);
  }

  /**
   * This query continuing after the page whose {@link Page#nextPageToken()} is {@code token}.
   *
   * @param token the previous page's {@link Page#nextPageToken()}, or null for the first page
   * @return a copy that reads the page after it
   */
  public AuditQuery withPageToken(@Nullable String token) {
    return new AuditQuery(tenant, source, target, flow, from, to, outcome, limit, token);
  }
}
