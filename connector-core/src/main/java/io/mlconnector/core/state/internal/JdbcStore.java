package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.update;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.Lease;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.PurgeResult;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.state.StateStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC state store, for H2 and PostgreSQL: one part per state kind ({@link JdbcCursors}, {@link
 * JdbcMappings}, {@link JdbcOperations}, {@link JdbcInbox}, {@link JdbcFiles}, {@link
 * JdbcRetries}, {@link JdbcAudit}, {@link JdbcLeases}) over shared {@link JdbcTables}; this class
 * hands each call to its part and keeps retention and closing. Every decision that guards against
 * duplicates is made by the database: a unique constraint, an {@code INSERT ... ON CONFLICT} (on
 * PostgreSQL), or a conditional {@code UPDATE} whose update count says who won (on H2 the row lock
 * makes a waiting UPDATE re-check its condition against the winner's committed row). The records
 * the store takes check their own fields; the parts check plain arguments.
 */
public final class JdbcStore implements StateStoreSpi {
  private final JdbcTables db;
  private final AutoCloseable ownedResource;
  private final JdbcCursors cursors;
  private final JdbcMappings mappings;
  private final JdbcOperations operations;
  private final JdbcInbox inbox;
  private final JdbcFiles files;
  private final JdbcRetries retries;
  private final JdbcAudit audit;
  private final JdbcLeases leases;
  private final JdbcWaitingWork waiting;

  /**
   * A store over {@code dataSource}, whose schema {@code schema} must already be migrated. {@code
   * ownedResource}, when not null, is closed by {@link #close()}.
   */
  public JdbcStore(
      DataSource dataSource,
      Dialect dialect,
      Schema schema,
      Clock clock,
      AutoCloseable ownedResource) {
    this(dataSource, null, dialect, schema, clock, ownedResource);
  }

  /**
   * As {@link #JdbcStore(DataSource, Dialect, Schema, Clock, AutoCloseable)}; on H2 the webhook
   * inbox keeps one connection from {@code intakeSource} for its group commits (null: it borrows
   * one from {@code dataSource} per group).
   */
  public JdbcStore(
      DataSource dataSource,
      @Nullable DataSource intakeSource,
      Dialect dialect,
      Schema schema,
      Clock clock,
      AutoCloseable ownedResource) {
    this.db = new JdbcTables(new Jdbc(dataSource), dialect, schema, clock);
    this.ownedResource = ownedResource;
    this.cursors = new JdbcCursors(db);
    this.mappings = new JdbcMappings(db);
    this.retries = new JdbcRetries(db);
    this.audit = new JdbcAudit(db);
    this.operations = new JdbcOperations(db, mappings, retries, audit);
    this.inbox = new JdbcInbox(db, intakeSource);
    this.files = new JdbcFiles(db);
    this.leases = new JdbcLeases(db);
    this.waiting = new JdbcWaitingWork(db);
  }

  @Override
  public Optional<String> cursor(String tenant, String flow, String stream) {
    return cursors.cursor(tenant, flow, stream);
  }

  @Override
  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    cursors.saveCursor(tenant, flow, stream, checkpoint);
  }

  @Override
  public Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem) {
    return mappings.mappingBySource(source, targetSystem);
  }

  @Override
  public Optional<Mapping> mappingByTarget(ExternalRef target) {
    return mappings.mappingByTarget(target);
  }

  @Override
  public void saveMapping(Mapping mapping) {
    mappings.saveMapping(mapping);
  }

  @Override
  public Claim begin(OperationIntent intent) {
    return operations.begin(intent);
  }

  @Override
  public Optional<Operation> operation(String tenant, String key) {
    return operations.operation(tenant, key);
  }

  @Override
  public List<Operation> pendingOperations(
      String tenant, String flow, Instant olderThan, int limit) {
    return operations.pendingOperations(tenant, flow, olderThan, limit);
  }

  @Override
  public void complete(Completion completion) {
    operations.complete(completion);
  }

  @Override
  public void fail(Failure failure) {
    operations.fail(failure);
  }

  @Override
  public boolean receive(InboxEvent event) {
    return inbox.receive(event);
  }

  @Override
  public List<Boolean> receiveAll(List<InboxEvent> events) {
    return inbox.receiveAll(events);
  }

  @Override
  public boolean hasWaitingWork(
      String tenant, String flow, @Nullable String inboxSource, Instant now) {
    return waiting.hasWaitingWork(tenant, flow, inboxSource, now);
  }

  @Override
  public List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max) {
    return inbox.claimInbox(tenant, source, owner, claimTtl, max);
  }

  @Override
  public void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note) {
    inbox.finishInbox(tenant, eventId, status, note);
  }

  @Override
  public void finishInbox(
      String tenant, Collection<Long> eventIds, InboxEvent.Status status, String note) {
    inbox.finishInbox(tenant, eventIds, status, note);
  }

  @Override
  public int ignoreInbox(String tenant, String source, Set<String> handledTypes, String note) {
    return inbox.ignoreInbox(tenant, source, handledTypes, note);
  }

  @Override
  public void releaseInbox(String tenant, long eventId, String owner) {
    inbox.releaseInbox(tenant, eventId, owner);
  }

  @Override
  public boolean recordFile(SeenFile file) {
    return files.recordFile(file);
  }

  @Override
  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    return files.file(tenant, flow, contentHash);
  }

  @Override
  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    files.updateFile(tenant, flow, contentHash, status);
  }

  @Override
  public boolean claimFile(
      String tenant, String flow, String contentHash, String name, String owner, Duration ttl) {
    return files.claimFile(tenant, flow, contentHash, name, owner, ttl);
  }

  @Override
  public void moveFile(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      String reason) {
    files.moveFile(tenant, flow, contentHash, owner, status, posted, parked, reason);
  }

  @Override
  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    return files.claimDocument(tenant, flow, naturalKey, contentHash);
  }

  @Override
  public void scheduleRetry(RetryItem item) {
    retries.scheduleRetry(item);
  }

  @Override
  public List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max) {
    return retries.claimDueRetries(tenant, flow, now, owner, claimTtl, max);
  }

  @Override
  public void removeRetry(String tenant, long itemId) {
    retries.removeRetry(tenant, itemId);
  }

  @Override
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    return retries.deadLetters(query);
  }

  @Override
  public int replay(DeadLetterQuery query) {
    return retries.replay(query);
  }

  @Override
  public void audit(AuditEntry entry) {
    audit.audit(entry);
  }

  @Override
  public Page<AuditEntry> audit(AuditQuery query) {
    return audit.audit(query);
  }

  @Override
  public boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl) {
    return leases.tryAcquireLease(tenant, flow, owner, ttl);
  }

  @Override
  public void releaseLease(String tenant, String flow, String owner) {
    leases.releaseLease(tenant, flow, owner);
  }

  @Override
  public Optional<Lease> lease(String tenant, String flow) {
    return leases.lease(tenant, flow);
  }

  @Override
  public PurgeResult purge(Instant cutoff) {
    Checks.notNull(cutoff, "cutoff");
    return db.jdbc.autoCommit(
        "purge old rows",
        c -> {
          long ops =
              update(
                  c,
                  "DELETE FROM " + db.operation + " WHERE status = 'DONE' AND updated_at < ?",
                  cutoff);
          long audits = update(c, "DELETE FROM " + db.audit + " WHERE occurred_at < ?", cutoff);
          long events =
              update(
                  c,
                  "DELETE FROM "
                      + db.inbox
                      + " WHERE status IN ('PROCESSED', 'IGNORED') AND received_at < ?",
                  cutoff);
          return new PurgeResult(ops, audits, events);
        });
  }

  @Override
  public void close() {
    inbox.close();
    db.jdbc.close();
    if (ownedResource != null) {
      try {
        ownedResource.close();
      } catch (Exception e) {
        throw new StateStoreException("state store could not close its connection pool", e);
      }
    }
  }
}
