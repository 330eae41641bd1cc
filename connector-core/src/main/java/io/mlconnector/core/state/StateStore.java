package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Durable state of the sync engine, per tenant: cursors, ID mappings, the operation log, the
 * webhook inbox, the seen-files ledger, the retry queue with its dead letters, the audit trail and
 * leases.
 *
 * <p>Implementations: {@link InMemoryStateStore} for tests, and {@link JdbcStateStore} on embedded
 * H2 (the default) or PostgreSQL. All are safe for concurrent use by many threads, and the JDBC
 * ones by many processes sharing one database. Duplicates are prevented by unique constraints and
 * atomic claims, never by read-then-write checks. Methods that say "in one transaction" either
 * apply every change or none.
 *
 * <p>Every method that takes a tenant only ever reads or writes that tenant's rows.
 */
public interface StateStore extends AutoCloseable {

  // ---------------------------------------------------------------- cursors

  /** The checkpoint last saved for this (flow, stream), or empty before the first one. */
  Optional<String> cursor(String tenant, String flow, String stream);

  /** Saves the checkpoint for this (flow, stream), replacing the previous one. */
  void saveCursor(String tenant, String flow, String stream, String checkpoint);

  // ---------------------------------------------------------------- mappings

  /**
   * The mapping of {@code source} into {@code targetSystem}, or empty. A source record maps to at
   * most one target per target system, and a target record to at most one source.
   */
  Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem);

  /** The mapping whose target is {@code target}, or empty. */
  Optional<Mapping> mappingByTarget(ExternalRef target);

  /**
   * Saves a mapping outside the write path (an adoption, a manual link). Replaces the attributes of
   * an existing identical pair.
   *
   * @throws StateConflictException when either side is already mapped to another record
   */
  void saveMapping(Mapping mapping);

  // ---------------------------------------------------------------- operation log

  /**
   * Claims the operation {@code intent.key()} atomically: inserts it as {@link
   * OperationStatus#PENDING} when absent, or moves it from {@link OperationStatus#FAILED} back to
   * PENDING (attempts + 1). Of several callers racing for one key, exactly one gets {@code won() ==
   * true}; the others see the operation as it stands.
   */
  Claim begin(OperationIntent intent);

  /** The operation with this key, or empty. */
  Optional<Operation> operation(String tenant, String key);

  /**
   * PENDING operations of a flow last touched before {@code olderThan}, oldest first: the intents a
   * crash or lost response left open, to be resolved through the sink's find-by-stamp.
   */
  List<Operation> pendingOperations(String tenant, String flow, Instant olderThan, int limit);

  /**
   * Records a successful write in one transaction: saves the mapping (source to target, with its
   * attributes), moves the operation from PENDING to DONE with the target ref, appends the audit
   * entry and removes any retry-queue item for the same (flow, source).
   *
   * @throws StateConflictException when the operation is not PENDING (or was never begun), or
   *     either side of the mapping is already mapped to another record; nothing is changed then
   */
  void complete(Completion completion);

  /**
   * Records a failed write in one transaction: moves the operation from PENDING to FAILED (a
   * transient failure, with a retry-queue item due at {@code retryAt}) or PARKED (permanent, with a
   * dead letter carrying the reason), and appends the audit entry. The retry item or dead letter
   * replaces any item for the same (flow, source) and carries the operation's attempts so far.
   *
   * @throws StateConflictException when the operation is not PENDING (or was never begun); nothing
   *     is changed then
   */
  void fail(Failure failure);

  // ---------------------------------------------------------------- webhook inbox

  /**
   * Stores a received event. Returns false, changing nothing, when an event with the same (tenant,
   * source, event id) is already stored: the duplicate must still be answered with 2xx.
   */
  boolean receive(InboxEvent event);

  /**
   * Stores several received events durably at once (a group commit of webhook deliveries that
   * arrived together), as {@link #receive} each; returns, per event and in order, whether it was
   * new. A store that can does it in one transaction and makes that commit durable before it
   * returns (see the store's own documentation for what durable means there); the default
   * receives them one by one.
   */
  default List<Boolean> receiveAll(List<InboxEvent> events) {
    List<Boolean> fresh = new java.util.ArrayList<>(events.size());
    for (InboxEvent e : events) {
      fresh.add(receive(e));
    }
    return fresh;
  }

  /**
   * Claims up to {@code max} RECEIVED events of one source (or events whose earlier claim expired)
   * for {@code owner} until now + {@code claimTtl}, oldest first. No event is handed to two
   * claimers whose claims overlap in time.
   */
  List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max);

  /**
   * Ends an event's processing: PROCESSED, IGNORED or PARKED, with an optional note, and drops its
   * claim.
   *
   * @throws IllegalArgumentException when {@code status} is RECEIVED or the tenant has no such
   *     event
   */
  void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note);

  /**
   * Ends several claimed events' processing at once, as {@link #finishInbox(String, long,
   * InboxEvent.Status, String)} each, in one step where the store can (one transaction). The
   * default finishes them one by one.
   *
   * @throws IllegalArgumentException when {@code status} is RECEIVED or the tenant has no such
   *     event
   */
  default void finishInbox(
      String tenant, Collection<Long> eventIds, InboxEvent.Status status, String note) {
    for (long id : eventIds) {
      finishInbox(tenant, id, status, note);
    }
  }

  /**
   * Marks IGNORED, with {@code note}, every RECEIVED event of {@code source} that no one holds a
   * live claim on and whose type is not in {@code handledTypes}, in one step; returns how many.
   * Lets a run drop the events its flow never acts on without claiming them one by one (after a
   * restart, thousands may wait ahead of the ones it posts). The default does nothing and returns
   * 0: the engine then classifies each event as it claims it.
   *
   * @throws IllegalArgumentException when {@code handledTypes} is empty
   */
  default int ignoreInbox(String tenant, String source, Set<String> handledTypes, String note) {
    if (handledTypes.isEmpty()) {
      throw new IllegalArgumentException("handledTypes must not be empty");
    }
    return 0;
  }

  /**
   * Gives a claimed event back (graceful shutdown, a transient failure): it may be claimed again.
   */
  void releaseInbox(String tenant, long eventId, String owner);

  // ---------------------------------------------------------------- seen files and documents

  /**
   * Records a file by content hash. Returns false, changing nothing, when a file with this hash was
   * already recorded for the flow.
   */
  boolean recordFile(SeenFile file);

  /** The file recorded under this content hash, or empty. */
  Optional<SeenFile> file(String tenant, String flow, String contentHash);

  /**
   * Moves a recorded file to {@code status}, keeping its claim, counts and reason, whoever claims
   * it (an operator's correction; the engine uses {@link #moveFile}).
   *
   * @throws IllegalArgumentException when no such file is recorded
   * @throws IllegalStateException when the file may not move from its status to {@code status}
   *     (see {@link SeenFile.Status#next()}); the message names both
   */
  void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status);

  /**
   * Claims a file for {@code owner} until now + {@code ttl}, atomically: records it as {@link
   * SeenFile.Status#CLAIMED} when no file with this content hash is recorded for the flow, or takes
   * over a CLAIMED or PARSED file whose claim expired (a crashed claimer), has no claimant, or is
   * already {@code owner}'s (a renewal, or the same node after a restart), keeping its status. Of
   * several callers racing for one file, exactly one wins. Returns false, changing nothing, when
   * another owner holds a live claim or the file is final.
   */
  boolean claimFile(
      String tenant, String flow, String contentHash, String name, String owner, Duration ttl);

  /**
   * Moves a file {@code owner} claims to {@code status} with its counts of posted and parked
   * documents and a reason (for PARKED), atomically; a final status ends the claim's lease.
   *
   * @throws IllegalArgumentException when no such file is recorded
   * @throws IllegalStateException when the file may not move from its status to {@code status};
   *     the message names both
   * @throws StateConflictException when another owner claims the file (this one's claim expired
   *     and was taken over); nothing is changed then
   */
  void moveFile(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      String reason);

  /**
   * Claims a document's natural key (for example vendor + normalised invoice number). Returns false
   * when the key was already claimed for the flow, by this file or another.
   */
  boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash);

  // ---------------------------------------------------------------- retry queue and dead letters

  /**
   * Schedules a record for another attempt, replacing any item for the same (tenant, flow, source).
   */
  void scheduleRetry(RetryItem item);

  /**
   * Claims up to {@code max} retry items of a flow due at or before {@code now} (and not dead), for
   * {@code owner} until now + {@code claimTtl}, earliest due first. No item is handed to two
   * claimers whose claims overlap in time.
   */
  List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max);

  /** Removes a retry item (processed, or superseded). */
  void removeRetry(String tenant, long itemId);

  /** Dead letters (parked items) matching the filter, oldest parked first, one page at a time. */
  Page<RetryItem> deadLetters(DeadLetterQuery query);

  /**
   * Makes the matching dead letters due again now, resetting their claim, and returns how many, in
   * one transaction. Their operations move from PARKED to FAILED so that the next attempt may claim
   * them. Every match is replayed: the query's limit and page token are ignored here.
   */
  int replay(DeadLetterQuery query);

  // ---------------------------------------------------------------- audit

  /** Appends an audit entry on its own (the write path appends through complete and fail). */
  void audit(AuditEntry entry);

  /** Audit entries matching the query, newest first, one page at a time. */
  Page<AuditEntry> audit(AuditQuery query);

  // ---------------------------------------------------------------- leases

  /**
   * Acquires the (tenant, flow) lease for {@code owner} until now + {@code ttl} when it is free,
   * expired, or already held by {@code owner} (a renewal). Of several callers racing for one free
   * lease, exactly one succeeds.
   */
  boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl);

  /** Releases the lease if {@code owner} holds it; does nothing otherwise. */
  void releaseLease(String tenant, String flow, String owner);

  /** The current holder of the lease, or empty when it is free or expired. */
  Optional<Lease> lease(String tenant, String flow);

  // ---------------------------------------------------------------- retention

  /**
   * Deletes, across all tenants, DONE operations last changed before {@code cutoff}, audit entries
   * dated before it, and PROCESSED or IGNORED inbox events received before it. Never removes a
   * PENDING, FAILED or PARKED operation, a mapping, a cursor, an inbox event not yet finished (or
   * PARKED), a retry item or dead letter, a seen file or a claimed document key. Choose a cutoff
   * older than any sender's redelivery window (Stripe retries an event for up to three days): an
   * event redelivered after its row was purged would be stored again.
   */
  PurgeResult purge(Instant cutoff);

  /** Releases connections and pools the store opened itself (never a host-supplied DataSource). */
  @Override
  void close();
}
