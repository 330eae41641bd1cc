package io.mlconnector.core.state.spi;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state store's protocol with the engine: claims of write intents and their outcome, the
 * webhook inbox, the seen-files ledger, the retry queue, audit appends and leases. Store
 * implementers implement it (the contract tests in {@code connector-contracts} check every
 * promise); the engine calls it; hosts use the smaller {@link StateStore} they hand to the engine.
 *
 * <p>Same guarantees as {@link StateStore}: safe for concurrent use, duplicates prevented by unique
 * constraints and atomic claims, "in one transaction" means all or nothing, and a tenant's calls
 * only touch that tenant's rows.
 */
public interface StateStoreSpi extends StateStore {

  /**
   * {@code store} as the protocol the engine speaks.
   *
   * @throws IllegalArgumentException when {@code store} does not implement this SPI (every store of
   *     this library does; a host's own store must implement it, not only {@link StateStore})
   */
  static StateStoreSpi of(StateStore store) {
    Objects.requireNonNull(store, "store");
    if (store instanceof StateStoreSpi spi) {
      return spi;
    }
    throw new IllegalArgumentException(
        "store "
            + store.getClass().getName()
            + " does not implement "
            + StateStoreSpi.class.getName()
            + ", the protocol the engine needs");
  }

  /** Saves the checkpoint for this (flow, stream), replacing the previous one. */
  void saveCursor(String tenant, String flow, String stream, String checkpoint);

  /**
   * Claims the operation {@code intent.key()} atomically: inserts it as {@link
   * OperationStatus#PENDING} when absent, or moves it from {@link OperationStatus#FAILED} back to
   * PENDING (attempts + 1). Of several callers racing for one key, exactly one gets {@code won() ==
   * true}; the others see the operation as it stands.
   */
  Claim begin(OperationIntent intent);

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
  default java.util.List<Boolean> receiveAll(java.util.List<InboxEvent> events) {
    java.util.List<Boolean> fresh = new java.util.ArrayList<>(events.size());
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
  void finishInbox(String tenant, long eventId, InboxEvent.Status status, @Nullable String note);

  /**
   * Ends several claimed events' processing at once, as {@link #finishInbox(String, long,
   * InboxEvent.Status, String)} each, in one step where the store can (one transaction). The
   * default finishes them one by one.
   *
   * @throws IllegalArgumentException when {@code status} is RECEIVED or the tenant has no such
   *     event
   */
  default void finishInbox(
      String tenant, Collection<Long> eventIds, InboxEvent.Status status, @Nullable String note) {
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
      String tenant, String flow, String contentHash, String name, String owner, java.time.Duration ttl);

  /**
   * Moves a file {@code owner} claims to {@code status} with its counts of posted and parked
   * documents and a reason (for PARKED), atomically; a final status ends the claim's lease.
   *
   * @throws IllegalArgumentException when no such file is recorded
   * @throws IllegalStateException when the file may not move from its status to {@code status};
   *     the message names both
   * @throws io.mlconnector.core.state.StateConflictException when another owner claims the file
   *     (this one's claim expired and was taken over); nothing is changed then
   */
  void moveFile(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      @Nullable String reason);

  /**
   * Claims a document's natural key (for example vendor + normalised invoice number). Returns false
   * when the key was already claimed for the flow, by this file or another.
   */
  boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash);

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

  /** Appends an audit entry on its own (the write path appends through complete and fail). */
  void audit(AuditEntry entry);

  /**
   * Acquires the (tenant, flow) lease for {@code owner} until now + {@code ttl} when it is free,
   * expired, or already held by {@code owner} (a renewal). Of several callers racing for one free
   * lease, exactly one succeeds.
   */
  boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl);

  /** Releases the lease if {@code owner} holds it; does nothing otherwise. */
  void releaseLease(String tenant, String flow, String owner);
}
