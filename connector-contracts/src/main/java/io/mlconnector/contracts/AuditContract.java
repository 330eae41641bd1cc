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

/** The {@link StateStoreContract} for the audit trail: queries, filters and pages. */
abstract class AuditContract extends QueueContract {
  // ------------------------------------------------------------------ audit

  @Test
  void auditIsQueryableByRecordFlowTimeAndOutcome() {
    ExternalRef c1 = syspro(T, "C1");
    ExternalRef c2 = syspro(T, "C2");
    store.audit(
        new AuditEntry(
            0,
            T,
            "customers",
            "r1",
            c1,
            stripe(T, "cus_1"),
            "create",
            AuditEntry.Outcome.SUCCEEDED,
            null,
            "d1",
            START));
    store.audit(
        new AuditEntry(
            0,
            T,
            "customers",
            "r1",
            c2,
            null,
            "create",
            AuditEntry.Outcome.FAILED,
            "HTTP 500",
            null,
            START.plusSeconds(10)));
    store.audit(
        new AuditEntry(
            0,
            T,
            "invoices",
            "r2",
            c1,
            null,
            "skip",
            AuditEntry.Outcome.SKIPPED,
            null,
            null,
            START.plusSeconds(20)));
    store.audit(
        new AuditEntry(
            0,
            T,
            "customers",
            "r3",
            null,
            null,
            "dry-run",
            AuditEntry.Outcome.DRY_RUN,
            null,
            null,
            START.plusSeconds(30)));
    store.audit(
        new AuditEntry(
            0,
            OTHER,
            "customers",
            "r9",
            syspro(OTHER, "C1"),
            null,
            "create",
            AuditEntry.Outcome.SUCCEEDED,
            null,
            null,
            START.plusSeconds(5)));

    List<AuditEntry> all = allAudit(T);
    assertThat(all).extracting(AuditEntry::runId).containsExactly("r3", "r2", "r1", "r1");
    AuditEntry first = all.get(3);
    assertThat(first.id()).isPositive();
    assertThat(first.tenant()).isEqualTo(T);
    assertThat(first.flow()).isEqualTo("customers");
    assertThat(first.source()).isEqualTo(c1);
    assertThat(first.target()).isEqualTo(stripe(T, "cus_1"));
    assertThat(first.action()).isEqualTo("create");
    assertThat(first.outcome()).isEqualTo(AuditEntry.Outcome.SUCCEEDED);
    assertThat(first.error()).isNull();
    assertThat(first.payloadDigest()).isEqualTo("d1");
    assertThat(first.at()).isEqualTo(START);
    assertThat(all.get(2).error()).isEqualTo("HTTP 500");

    assertThat(store.audit(AuditQuery.all(T).withSource(c1)).items())
        .extracting(AuditEntry::flow)
        .containsExactly("invoices", "customers");
    assertThat(store.audit(AuditQuery.all(T).withTarget(stripe(T, "cus_1"))).items())
        .extracting(AuditEntry::source)
        .containsExactly(c1);
    assertThat(
            store
                .audit(AuditQuery.all(T).withFlow("customers", START, START.plusSeconds(30)))
                .items())
        .extracting(AuditEntry::at)
        .containsExactly(START.plusSeconds(10), START);
    assertThat(
            store
                .audit(AuditQuery.all(T).withFlow("customers", START.plusSeconds(1), null))
                .items())
        .extracting(AuditEntry::runId)
        .containsExactly("r3", "r1");
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.FAILED)).items())
        .extracting(AuditEntry::source)
        .containsExactly(c2);
    assertThat(store.audit(AuditQuery.all(OTHER)).items()).hasSize(1);
    assertThat(store.audit(AuditQuery.all(T).withSource(syspro(OTHER, "C1"))).items()).isEmpty();
  }

  @Test
  void auditPagesNewestFirstAcrossEntriesAtTheSameInstant() {
    for (int i = 0; i < 7; i++) {
      store.audit(
          new AuditEntry(
              0,
              T,
              "customers",
              "r" + i,
              null,
              null,
              "create",
              AuditEntry.Outcome.SUCCEEDED,
              null,
              null,
              START.plusSeconds(i / 3)));
    }
    List<String> seen = new ArrayList<>();
    AuditQuery q = AuditQuery.all(T).withLimit(3);
    Page<AuditEntry> page = store.audit(q);
    int pages = 1;
    seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
    while (page.hasMore()) {
      page = store.audit(q.withPageToken(page.nextPageToken()));
      seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("r6", "r5", "r4", "r3", "r2", "r1", "r0");
  }

  /**
   * Every page of {@code query}, followed through its page tokens; the run ids in order.
   *
   * @param query the first page's query; every page but the last must be full
   * @return the run id of every entry, in the order the pages return them
   */
  protected List<String> allPages(AuditQuery query) {
    List<String> seen = new ArrayList<>();
    Page<AuditEntry> page = store.audit(query);
    seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
    int pages = 1;
    while (page.hasMore()) {
      assertThat(page.items()).hasSize(query.limit());
      page = store.audit(query.withPageToken(page.nextPageToken()));
      seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
      assertThat(++pages).as("pages of %s", query).isLessThan(100);
    }
    return seen;
  }

  @Test
  void auditPagesUnderEachFilter() {
    ExternalRef c1 = syspro(T, "C1");
    ExternalRef c2 = syspro(T, "C2");
    ExternalRef cus1 = stripe(T, "cus_1");
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      AuditEntry entry =
          new AuditEntry(
              0,
              T,
              i % 4 == 0 ? "invoices" : "customers",
              "r" + i,
              i % 2 == 0 ? c1 : c2,
              i % 3 == 0 ? cus1 : null,
              "create",
              i % 5 == 0 ? AuditEntry.Outcome.FAILED : AuditEntry.Outcome.SUCCEEDED,
              i % 5 == 0 ? "HTTP 500" : null,
              null,
              START.plusSeconds(i / 2));
      store.audit(entry);
      written.add(entry);
      // another tenant's entries with the same refs and flows never show up
      store.audit(
          new AuditEntry(
              0,
              OTHER,
              entry.flow(),
              "other-" + i,
              syspro(OTHER, entry.source().id()),
              null,
              "create",
              entry.outcome(),
              entry.error(),
              null,
              entry.at()));
    }
    List<AuditEntry> newestFirst = new ArrayList<>(written);
    java.util.Collections.reverse(newestFirst);
    Instant from = START.plusSeconds(2);
    Instant to = START.plusSeconds(9);
    Map<AuditQuery, java.util.function.Predicate<AuditEntry>> filters =
        new java.util.LinkedHashMap<>();
    AuditQuery base = AuditQuery.all(T).withLimit(2);
    filters.put(base.withSource(c1), e -> e.source().equals(c1));
    filters.put(base.withTarget(cus1), e -> cus1.equals(e.target()));
    filters.put(
        base.withFlow("customers", from, to),
        e -> e.flow().equals("customers") && !e.at().isBefore(from) && e.at().isBefore(to));
    filters.put(
        base.withOutcome(AuditEntry.Outcome.FAILED),
        e -> e.outcome() == AuditEntry.Outcome.FAILED);
    filters.put(
        base.withSource(c1).withOutcome(AuditEntry.Outcome.SUCCEEDED),
        e -> e.source().equals(c1) && e.outcome() == AuditEntry.Outcome.SUCCEEDED);

    for (Map.Entry<AuditQuery, java.util.function.Predicate<AuditEntry>> f : filters.entrySet()) {
      List<String> expected =
          newestFirst.stream().filter(f.getValue()).map(AuditEntry::runId).toList();
      assertThat(expected).as("fixture of %s", f.getKey()).hasSizeGreaterThan(2);
      assertThat(allPages(f.getKey())).as("pages of %s", f.getKey()).isEqualTo(expected);
    }
  }
}
