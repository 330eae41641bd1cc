package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A scheduled run with nothing to do reads only: no lease, no cursor, no commit. */
class IdleRunTest {
  private static final String TENANT = "acme";
  private static final List<String> WRITES =
      List.of("tryAcquireLease", "releaseLease", "saveCursor", "begin", "complete", "fail",
          "claimInbox", "claimDueRetries", "ignoreInbox", "receive", "receiveAll", "scheduleRetry",
          "audit", "saveMapping");

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final StateStore store =
      StoreProxy.wrap(new InMemoryStateStore(), (method, args) -> calls.add(method.getName()));
  private final MemoryPollSource invoices = new MemoryPollSource(ChangeDetection.MONOTONIC_KEY);
  private final AtomicInteger pagesWithRecords = new AtomicInteger();
  private final SharedBackstopTest.Account account = new SharedBackstopTest.Account();
  private final Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();
  private final AtomicInteger leases = new AtomicInteger();
  private SyncEngine engine;

  /** The poll source, counting the pages that held records. */
  private final class Counting implements PollSource<Item> {
    @Override
    public ChangeDetection changeDetection() {
      return invoices.changeDetection();
    }

    @Override
    public SourcePage<Item> read(PollRequest request) {
      SourcePage<Item> page = invoices.read(request);
      if (!page.records().isEmpty()) {
        pagesWithRecords.incrementAndGet();
      }
      return page;
    }

    @Override
    public Optional<Item> fetch(ExternalRef ref) {
      return invoices.fetch(ref);
    }
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void idleScheduledRunsTakeNoLeaseAndWriteNothingUntilWorkArrives() {
    Duration every = Duration.ofMillis(20);
    engine = SyncEngine.builder().store(store).nodeId("node-1")
        .addFlow(Flow.poll("invoices", Item.class, t -> new Counting(), Target.class,
                t -> sinks.computeIfAbsent("invoices", x -> new MemorySink(t)))
            .mapper(Target::map)
            .schedule(every, Duration.ZERO)
            .build())
        .addFlow(Flow.webhook("payments", Item.class,
                t -> new SharedBackstopTest.Typed(account, "payment.succeeded", true),
                t -> (headers, body) -> {
                  throw new WebhookVerificationException(401, "not used");
                },
                Target.class, t -> sinks.computeIfAbsent("payments", x -> new MemorySink(t, "target-payments")))
            .mapper(Target::map)
            .schedule(every, Duration.ZERO)
            .build())
        .listener(new SyncListener() {
          @Override
          public void leaseAcquired(String tenant, String flow, String node) {
            leases.incrementAndGet();
          }

          @Override
          public void runFinished(RunReport report) {
            if (report.status() == RunReport.Status.COMPLETED) {
              finished.computeIfAbsent(report.run().flow(), f -> new AtomicInteger()).incrementAndGet();
            }
          }
        })
        .tenants(List.of(TENANT))
        .build();

    engine.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> runs("invoices") >= 5 && runs("payments") >= 5);

    assertThat(leases).hasValue(0);
    // the one write: the shared events read stores its first cursor (it needs no lease)
    assertThat(calls.stream().filter(WRITES::contains).toList()).containsExactly("saveCursor");

    invoices.put(Item.of(TENANT, "i1", 1, "invoice"));
    account.current.put("pay-1", Item.of(TENANT, "pay-1", 1, "payment"));
    account.events.add(new WebhookEvent("evt_1", "payment.succeeded", "pay-1"));
    await().atMost(Duration.ofSeconds(20)).until(() ->
        sinks.containsKey("invoices") && sinks.get("invoices").stored().size() == 1
            && sinks.containsKey("payments") && sinks.get("payments").stored().size() == 1);
    engine.shutdown(Duration.ofSeconds(5));

    // the runs that found work took their lease; the invoice's page was read twice: once to see
    // that there is work, once under the lease (a page read without it may be stale), and written once
    assertThat(leases.get()).isGreaterThanOrEqualTo(2);
    assertThat(pagesWithRecords).hasValue(2);
    assertThat(calls).contains("tryAcquireLease", "begin", "complete", "claimInbox");
  }

  private int runs(String flow) {
    AtomicInteger n = finished.get(flow);
    return n == null ? 0 : n.get();
  }
}
