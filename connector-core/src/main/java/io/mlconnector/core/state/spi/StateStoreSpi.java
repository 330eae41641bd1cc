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
   * @param store the host's store; not null
   * @return {@code store} itself, typed as this SPI
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

  /**
   * Saves the checkpoint for this (flow, stream), replacing the previous one.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param stream the stream within the flow (a remote entity or feed)
   * @param checkpoint the opaque checkpoint the source returned, to resume from
   */
  void saveCursor(String tenant, String flow, String stream, String checkpoint);

  /**
   * Claims the operation {@code intent.key()} atomically: inserts it as {@link
   * OperationStatus#PENDING} when absent, or moves it from {@link OperationStatus#FAILED} back to
   * PENDING (attempts + 1). Of several callers racing for one key, exactly one gets {@code won() ==
   * true}; the others see the operation as it stands.
   *
   * @param intent the write about to be made, with its idempotency key
   * @return whether this caller won, and the operation as it stands after the claim
   */
  Claim begin(OperationIntent intent);

  /**
   * PENDING operations of a flow last touched before {@code olderThan}, oldest first: the intents a
   * crash or lost response left open, to be resolved through the sink's find-by-stamp.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param olderThan only operations last touched strictly before this instant
   * @param limit the most operations to return; positive
   * @return up to {@code limit} operations, oldest first; empty when none is left open
   */
  List<Operation> pendingOperations(String tenant, String flow, Instant olderThan, int limit);

  /**
   * Records a successful write in one transaction: saves the mapping (source to target, with its
   * attributes), moves the operation from PENDING to DONE with the target ref, appends the audit
   * entry and removes any retry-queue item for the same (flow, source).
   *
   * @param completion the operation, the mapping to save and the audit entry to append
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
   * @param failure the operation, whether the failure is permanent, the retry time or reason, and
   *     the audit entry to append
   * @throws StateConflictException when the operation is not PENDING (or was never begun); nothing
   *     is changed then
   */
  void fail(Failure failure);

  /**
   * Stores a received event. Returns false, changing nothing, when an event with the same (tenant,
   * source, event id) is already stored: the duplicate must still be answered with 2xx.
   *
   * @param event the received event, as the webhook delivered it
   * @return true when the event is new and now stored; false for a duplicate
   */
  boolean receive(InboxEvent event);

  /**
   * Stores several received events durably at once (a group commit of webhook deliveries that
   * arrived together), as {@link #receive} each; returns, per event and in order, whether it was
   * new. A store that can does it in one transaction and makes that commit durable before it
   * returns (see the store's own documentation for what durable means there); the default
   * receives them one by one.
   *
   * @param events the received events, in arrival order
   * @return per event, in the same order, true when it was new and false for a duplicate
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
   *
   * @param tenant the tenant whose rows the call touches
   * @param source the webhook source, for example {@code "stripe"}
   * @param owner who claims the events (a node id), to finish or release them later
   * @param claimTtl how long the claim holds before another claimer may take the events over
   * @param max the most events to claim; positive
   * @return the claimed events, oldest first; empty when none is waiting
   */
  List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max);

  /**
   * Ends an event's processing: PROCESSED, IGNORED or PARKED, with an optional note, and drops its
   * claim.
   *
   * @param tenant the tenant whose rows the call touches
   * @param eventId the event's store id ({@link InboxEvent#id()})
   * @param status the final status: PROCESSED, IGNORED or PARKED
   * @param note why (for example the park reason), or null
   * @throws IllegalArgumentException when {@code status} is RECEIVED or the tenant has no such
   *     event
   */
  void finishInbox(String tenant, long eventId, InboxEvent.Status status, @Nullable String note);

  /**
   * Ends several claimed events' processing at once, as {@link #finishInbox(String, long,
   * InboxEvent.Status, String)} each, in one step where the store can (one transaction). The
   * default finishes them one by one.
   *
   * @param tenant the tenant whose rows the call touches
   * @param eventIds the events' store ids
   * @param status the final status of all of them: PROCESSED, IGNORED or PARKED
   * @param note why, or null
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
   * @param tenant the tenant whose rows the call touches
   * @param source the webhook source, for example {@code "stripe"}
   * @param handledTypes the event types the flow acts on; not empty
   * @param note the note stored on each ignored event
   * @return how many events were marked IGNORED; 0 from the default
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
   *
   * @param tenant the tenant whose rows the call touches
   * @param eventId the event's store id ({@link InboxEvent#id()})
   * @param owner the claimer that gives it back; an event {@code owner} does not hold is left as it
   *     is
   */
  void releaseInbox(String tenant, long eventId, String owner);

  /**
   * Records a file by content hash. Returns false, changing nothing, when a file with this hash was
   * already recorded for the flow.
   *
   * @param file the file's tenant, flow, content hash, name and status
   * @return true when the file is new and now recorded; false when its hash was already recorded
   */
  boolean recordFile(SeenFile file);

  /**
   * The file recorded under this content hash.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param contentHash the file's content hash
   * @return the recorded file, or empty when none is recorded under this hash
   */
  Optional<SeenFile> file(String tenant, String flow, String contentHash);

  /**
   * Moves a recorded file to {@code status}, keeping its claim, counts and reason, whoever claims
   * it (an operator's correction; the engine uses {@link #moveFile}).
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param contentHash the file's content hash
   * @param status the status to move to
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
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param contentHash the file's content hash
   * @param name the file's name, recorded with a new file
   * @param owner who claims it (a node id)
   * @param ttl how long the claim holds before another owner may take it over
   * @return true when {@code owner} now holds the claim; false when another does or the file is
   *     final
   */
  boolean claimFile(
      String tenant, String flow, String contentHash, String name, String owner, java.time.Duration ttl);

  /**
   * Moves a file {@code owner} claims to {@code status} with its counts of posted and parked
   * documents and a reason (for PARKED), atomically; a final status ends the claim's lease.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param contentHash the file's content hash
   * @param owner the claimer moving it
   * @param status the status to move to
   * @param posted how many of its documents were posted so far
   * @param parked how many of its documents were parked so far
   * @param reason why the file is parked, or null
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
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param naturalKey the document's natural key
   * @param contentHash the content hash of the file the document comes from
   * @return true when this call claimed the key; false when it was already claimed
   */
  boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash);

  /**
   * Schedules a record for another attempt, replacing any item for the same (tenant, flow, source).
   *
   * @param item the record, its attempts so far, when it is due and the last error
   */
  void scheduleRetry(RetryItem item);

  /**
   * Claims up to {@code max} retry items of a flow due at or before {@code now} (and not dead), for
   * {@code owner} until now + {@code claimTtl}, earliest due first. No item is handed to two
   * claimers whose claims overlap in time.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param now the current time; items due at or before it are claimed
   * @param owner who claims the items (a node id)
   * @param claimTtl how long the claim holds before another claimer may take the items over
   * @param max the most items to claim; positive
   * @return the claimed items, earliest due first; empty when none is due
   */
  List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max);

  /**
   * Removes a retry item (processed, or superseded).
   *
   * @param tenant the tenant whose rows the call touches
   * @param itemId the item's store id ({@link RetryItem#id()}); an unknown id changes nothing
   */
  void removeRetry(String tenant, long itemId);

  /**
   * Appends an audit entry on its own (the write path appends through complete and fail).
   *
   * @param entry the entry to append
   */
  void audit(AuditEntry entry);

  /**
   * Whether a run of {@code flow} for {@code tenant} has work waiting in the store: an operation
   * left PENDING (of any age), a retry item of the flow due at or before {@code now} that {@link
   * #claimDueRetries} would hand out, or, when {@code inboxSource} is not null, an event of that
   * inbox source that {@link #claimInbox} would hand out. It only reads, and commits nothing: the
   * engine asks it before a scheduled run takes its lease, so that a run with nothing to do writes
   * nothing. The default answers true (a store that cannot tell has every run take its lease).
   *
   * @param tenant the tenant whose rows the call reads
   * @param flow the flow's name
   * @param inboxSource the inbox source of the flow's webhook events, or null for none
   * @param now the current time; retry items due at or before it count
   * @return false only when none of the above is waiting
   */
  default boolean hasWaitingWork(
      String tenant, String flow, @Nullable String inboxSource, Instant now) {
    return true;
  }

  /**
   * Acquires the (tenant, flow) lease for {@code owner} until now + {@code ttl} when it is free,
   * expired, or already held by {@code owner} (a renewal). Of several callers racing for one free
   * lease, exactly one succeeds.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param owner who takes the lease (a node id)
   * @param ttl how long the lease holds unless renewed
   * @return true when {@code owner} now holds the lease; false when another owner holds it
   */
  boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl);

  /**
   * Releases the lease if {@code owner} holds it; does nothing otherwise.
   *
   * @param tenant the tenant whose rows the call touches
   * @param flow the flow's name
   * @param owner the owner giving the lease up
   */
  void releaseLease(String tenant, String flow, String owner);
}
