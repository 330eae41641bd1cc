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

  protected final String OTHER = "globex-" + UUID.randomUUID();
  protected static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  protected static final int THREADS = 8;

  protected ManualClock clock;
  /** The store under test, as the protocol the engine speaks. */
  protected StateStoreSpi store;

  /**
   * A store reading time from {@code clock}, holding nothing of this test's tenants. It may share
   * its tables with other tests of the class.
   */
  protected abstract StateStore newStore(ManualClock clock) throws Exception;

  /** A store that shares nothing with any other test (for purges, which span all tenants). */
  protected StateStore newIsolatedStore(ManualClock clock) throws Exception {
    return newStore(clock);
  }

  /** Rounds of each concurrency race. */
  protected int rounds() {
    return 200;
  }

  @BeforeEach
  protected void openStore() throws Exception {
    clock = new ManualClock(START);
    store = StateStoreSpi.of(newStore(clock));
  }

  @AfterEach
  protected void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ------------------------------------------------------------------ fixtures

  protected static ExternalRef syspro(String tenant, String id) {
    return ExternalRef.of("syspro", tenant, "customer", id);
  }

  protected static ExternalRef stripe(String tenant, String id) {
    return ExternalRef.of("stripe", tenant, "customer", id);
  }

  protected static OperationIntent intent(String tenant, String key, ExternalRef source) {
    return new OperationIntent(key, tenant, "customers", source, "v1", "create");
  }

  protected AuditEntry auditEntry(
      String tenant, ExternalRef source, ExternalRef target, AuditEntry.Outcome outcome) {
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

  protected Completion completion(String tenant, String key, ExternalRef source, ExternalRef target) {
    return new Completion(
        tenant,
        key,
        new Mapping(source, target, Map.of("number", "INV-1")),
        auditEntry(tenant, source, target, AuditEntry.Outcome.SUCCEEDED));
  }

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

  protected List<AuditEntry> allAudit(String tenant) {
    return store.audit(AuditQuery.all(tenant).withLimit(1000)).items();
  }
}
