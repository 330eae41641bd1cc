package io.mlconnector.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.PurgeResult;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every part of the {@link StateStoreContract} shares: the store under test, its clock, the
 * tenants, and fixtures for intents, completions, failures and audit entries.
 */
abstract class StoreContractSupport {
  /** This test's tenants: unique, so stores that share tables across tests stay apart. */
  protected final String T = "acme-" + UUID.randomUUID();

  /** A second tenant of this test, whose state must never show in {@link #T}'s. */
  protected final String OTHER = "globex-" + UUID.randomUUID();
  /** The instant {@link #clock} stands at when each test starts. */
  protected static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  /** The threads each concurrency race runs on. */
  protected static final int THREADS = 8;

  /** The clock the store under test reads, at {@link #START} when each test starts. */
  protected SimClock clock;
  /** The store under test, as the protocol the engine speaks. */
  protected StateStoreSpi store;

  /**
   * A store reading time from {@code clock}, holding nothing of this test's tenants. It may share
   * its tables with other tests of the class.
   *
   * @param clock the clock the store reads time from (leases, claims, retention)
   * @return an open store; the test closes it
   * @throws Exception if the store cannot be opened; the test fails
   */
  protected abstract StateStore newStore(SimClock clock) throws Exception;

  /**
   * A store that shares nothing with any other test (for purges, which span all tenants).
   *
   * @param clock the clock the store reads time from
   * @return an open store (by default {@link #newStore}, enough for a store that never shares tables)
   * @throws Exception if the store cannot be opened; the test fails
   */
  protected StateStore newIsolatedStore(SimClock clock) throws Exception {
    return newStore(clock);
  }

  /**
   * Rounds of each concurrency race.
   *
   * @return how many times each race is run (default 200)
   */
  protected int rounds() {
    return 200;
  }

  /**
   * Opens the store under test on a fresh {@link #clock}, before each test.
   *
   * @throws Exception if {@link #newStore} fails
   */
  @BeforeEach
  protected void openStore() throws Exception {
    clock = SimClock.at(START);
    store = StateStoreSpi.of(newStore(clock));
  }

  /** Closes the store under test, after each test. */
  @AfterEach
  protected void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ------------------------------------------------------------------ fixtures

  /**
   * A SYSPRO customer ref.
   *
   * @param tenant the ref's tenant
   * @param id the customer's id
   * @return the ref
   */
  protected static ExternalRef syspro(String tenant, String id) {
    return ExternalRef.of("syspro", tenant, "customer", id);
  }

  /**
   * A Stripe customer ref.
   *
   * @param tenant the ref's tenant
   * @param id the customer's id
   * @return the ref
   */
  protected static ExternalRef stripe(String tenant, String id) {
    return ExternalRef.of("stripe", tenant, "customer", id);
  }

  /**
   * An intent to create {@code source} in flow {@code customers}, at source version {@code v1}.
   *
   * @param tenant the intent's tenant
   * @param key the operation key
   * @param source the record to write
   * @return the intent
   */
  protected static OperationIntent intent(String tenant, String key, ExternalRef source) {
    return new OperationIntent(key, tenant, "customers", source, "v1", "create");
  }

  /**
   * An audit entry of a {@code create} in flow {@code customers}, run {@code run-1}, at the clock's
   * time; a failure's error is {@code boom}.
   *
   * @param tenant the entry's tenant
   * @param source the record written
   * @param target the target written, or null when the write did not land
   * @param outcome what came of the write
   * @return the entry (id 0: the store assigns one)
   */
  protected AuditEntry auditEntry(
      String tenant, ExternalRef source, @Nullable ExternalRef target, AuditEntry.Outcome outcome) {
    return new AuditEntry(
        0,
        tenant,
        "customers",
        "run-1",
        source,
        target,
        "create",
        outcome,
        outcome == AuditEntry.Outcome.SUCCEEDED ? null : "boom",
        "ab12",
        clock.instant());
  }

  /**
   * A successful completion of operation {@code key}: a mapping with attribute {@code number} and
   * its audit entry.
   *
   * @param tenant the operation's tenant
   * @param key the operation key
   * @param source the record written
   * @param target the target it landed as
   * @return the completion
   */
  protected Completion completion(String tenant, String key, ExternalRef source, ExternalRef target) {
    return new Completion(
        tenant,
        key,
        new Mapping(source, target, Map.of("number", "INV-1")),
        auditEntry(tenant, source, target, AuditEntry.Outcome.SUCCEEDED));
  }

  /**
   * A failure of operation {@code key}, retried a minute after the clock's time, with its audit entry.
   *
   * @param tenant the operation's tenant
   * @param key the operation key
   * @param source the record that was to be written
   * @param status {@link OperationStatus#FAILED} (to be retried) or {@link OperationStatus#PARKED}
   * @param error the error to record
   * @return the failure
   */
  protected Failure failure(
      String tenant, String key, ExternalRef source, OperationStatus status, String error) {
    return new Failure(
        tenant,
        key,
        status,
        error,
        clock.instant().plusSeconds(60),
        "{\"p\":1}",
        auditEntry(
            tenant,
            source,
            null,
            status == OperationStatus.PARKED
                ? AuditEntry.Outcome.PARKED
                : AuditEntry.Outcome.FAILED));
  }

  /**
   * Every audit entry of {@code tenant}, up to 1,000.
   *
   * @param tenant the tenant
   * @return the entries, newest first
   */
  protected List<AuditEntry> allAudit(String tenant) {
    return store.audit(AuditQuery.all(tenant).withLimit(1000)).items();
  }
}
