package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import java.time.Instant;
import java.util.Optional;

/**
 * The engine's durable state, per tenant, as a host sees it: lookups (cursors, ID mappings,
 * operations, leases), the audit trail, dead letters and their replay, retention, and closing. It
 * holds cursors, ID mappings, the operation log, the webhook inbox, the seen-files ledger, the retry
 * queue with its dead letters, the audit trail and leases.
 *
 * <p>Hosts create a store ({@link InMemoryStateStore} for tests, {@link JdbcStateStore} on
 * embedded H2 (the default) or PostgreSQL), hand it to the engine, and use these methods to look
 * and to act as an operator. The engine's write protocol (begin, complete, fail, inbox and retry
 * claims, leases) is the {@link io.mlconnector.core.state.spi.StateStoreSpi}, which every store
 * implements and only the engine and store implementers call.
 *
 * <p>All implementations are safe for concurrent use by many threads, and the JDBC ones by many
 * processes sharing one database. Duplicates are prevented by unique constraints and atomic claims,
 * never by read-then-write checks. Methods that say "in one transaction" either apply every change
 * or none. Every method that takes a tenant only ever reads or writes that tenant's rows.
 */
public interface StateStore extends AutoCloseable {



  /**
   * The checkpoint last saved for this (flow, stream), or empty before the first one.
   *
   * @param tenant the tenant
   * @param flow the flow's name
   * @param stream the stream within the flow
   * @return the checkpoint, or empty before the first one was saved
   */
  Optional<String> cursor(String tenant, String flow, String stream);

  /**
   * The mapping of {@code source} into {@code targetSystem}, or empty. A source record maps to at
   * most one target per target system, and a target record to at most one source.
   *
   * @param source the source record
   * @param targetSystem the target system, for example {@code "stripe"}
   * @return the mapping, or empty when the source is not mapped into that system
   */
  Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem);

  /**
   * The mapping whose target is {@code target}, or empty.
   *
   * @param target the target record
   * @return the mapping, or empty when no source maps to it
   */
  Optional<Mapping> mappingByTarget(ExternalRef target);

  /**
   * Saves a mapping outside the write path (an adoption, a manual link). Replaces the attributes of
   * an existing identical pair.
   *
   * @param mapping the source, the target and their attributes
   * @throws StateConflictException when either side is already mapped to another record
   */
  void saveMapping(Mapping mapping);

  /**
   * The operation with this key, or empty.
   *
   * @param tenant the tenant
   * @param key the operation key ({@link OperationIntent#key()})
   * @return the operation, or empty when none has this key
   */
  Optional<Operation> operation(String tenant, String key);

  /**
   * Dead letters (parked items) matching the filter, oldest parked first, one page at a time.
   *
   * @param query the filter, page size and page token
   * @return one page of dead letters; empty items when none matches
   */
  Page<RetryItem> deadLetters(DeadLetterQuery query);

  /**
   * Makes the matching dead letters due again now, resetting their claim, and returns how many, in
   * one transaction. Their operations move from PARKED to FAILED so that the next attempt may claim
   * them. Every match is replayed: the query's limit and page token are ignored here.
   *
   * @param query the filter; its limit and page token are ignored
   * @return how many dead letters were made due again
   */
  int replay(DeadLetterQuery query);

  /**
   * Audit entries matching the query, newest first, one page at a time.
   *
   * @param query the filter, page size and page token
   * @return one page of entries; empty items when none matches
   */
  Page<AuditEntry> audit(AuditQuery query);

  /**
   * The current holder of the lease, or empty when it is free or expired.
   *
   * @param tenant the tenant
   * @param flow the flow's name
   * @return the live lease, or empty when it is free or expired
   */
  Optional<Lease> lease(String tenant, String flow);

  /**
   * Deletes, across all tenants, DONE operations last changed before {@code cutoff}, audit entries
   * dated before it, and PROCESSED or IGNORED inbox events received before it. Never removes a
   * PENDING, FAILED or PARKED operation, a mapping, a cursor, an inbox event not yet finished (or
   * PARKED), a retry item or dead letter, a seen file or a claimed document key. Choose a cutoff
   * older than any sender's redelivery window (Stripe retries an event for up to three days): an
   * event redelivered after its row was purged would be stored again.
   *
   * @param cutoff rows older than this instant are deleted
   * @return how many rows of each kind were deleted
   */
  PurgeResult purge(Instant cutoff);

  /** Releases connections and pools the store opened itself (never a host-supplied DataSource). */
  @Override
  void close();
}
