package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One events read per tenant serves every webhook flow fed by the same system. */
class SharedBackstopTest {
  private static final String TENANT = "acme";

  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final Account account = new Account();
  private final Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
  private SyncEngine engine;

  /** The sending system's account: current objects and the event list every source reads. */
  static final class Account {
    final Map<String, Item> current = new ConcurrentHashMap<>();
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    /** The types each events read asked for, one entry per read. */
    final List<Set<String>> reads = new CopyOnWriteArrayList<>();
  }

  /** A source of one kind of object, fed by events of one type, that lists events of any type. */
  static final class Typed implements WebhookSource<Item> {
    private final Account account;
    private final String type;
    private final boolean anyType;

    Typed(Account account, String type, boolean anyType) {
      this.account = account;
      this.type = type;
      this.anyType = anyType;
    }

    @Override
    public String system() {
      return "erp";
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(type);
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      return type.equals(event.type())
          ? Optional.of(ExternalRef.of("erp", TENANT, "invoice", event.payload()))
          : Optional.empty();
    }

    @Override
    public Optional<Item> fetch(ExternalRef ref) {
      return Optional.ofNullable(account.current.get(ref.id()));
    }

    @Override
    public EventPage eventsSince(String cursor) {
      return eventsSince(cursor, eventTypes());
    }

    @Override
    public boolean listsEventsOfAnyType() {
      return anyType;
    }

    @Override
    public EventPage eventsSince(String cursor, Set<String> types) {
      account.reads.add(types);
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      List<WebhookEvent> out = new ArrayList<>();
      for (WebhookEvent e : account.events.subList(from, account.events.size())) {
        if (types.isEmpty() || types.contains(e.type())) {
          out.add(e);
        }
      }
      return new EventPage(out, Integer.toString(account.events.size()), false);
    }
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  private Flow<Item, Target> flow(String name, String type, boolean anyType, Duration interval) {
    return Flow.webhook(name, Item.class, t -> new Typed(account, type, anyType),
            t -> (headers, body) -> {
              throw new WebhookVerificationException(401, "not used");
            },
            Target.class, t -> sinks.computeIfAbsent(name, x -> new MemorySink(t, "target-" + name)))
        .mapper(Target::map)
        .schedule(interval, Duration.ZERO)
        .build();
  }

  private void account(String eventId, String type, String object) {
    account.current.put(object, Item.of(TENANT, object, 1, object));
    account.events.add(new WebhookEvent(eventId, type, object));
  }

  @Test
  void oneReadStoresEachEventForEveryFlowThatHandlesItsType() {
    engine = SyncEngine.builder().store(store).clock(clock).nodeId("node-1")
        .addFlow(flow("payments", "payment.succeeded", true, Duration.ofMinutes(1)))
        .addFlow(flow("refunds", "refund.created", true, Duration.ofMinutes(1)))
        .tenants(List.of(TENANT))
        .build();
    account("evt_1", "payment.succeeded", "pay-1");
    account("evt_2", "refund.created", "ref-1");
    account("evt_3", "customer.created", "cus-1");

    RunReport payments = engine.runOnce(TENANT, "payments");

    // the first run's one read asked for both flows' types and filled both inboxes
    assertThat(account.reads).containsExactly(Set.of("payment.succeeded", "refund.created"));
    assertThat(payments.written()).isEqualTo(1);
    assertThat(store.cursor(TENANT, "backstop/erp", "events")).contains("3");
    assertThat(store.cursor(TENANT, "payments", "events")).isEmpty();

    // the event the read found for the refunds flow is waiting in its inbox: its run writes it
    // although its own read (a host's runOnce always reads) finds nothing new
    RunReport refunds = engine.runOnce(TENANT, "refunds");
    assertThat(refunds.written()).isEqualTo(1);
    assertThat(account.reads).hasSize(2);
    assertThat(sinks.get("payments").stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("pay-1"));
    assertThat(sinks.get("refunds").stored()).singleElement()
        .satisfies(s -> assertThat(s.record().payload()).isEqualTo("ref-1"));
  }

  @Test
  void scheduledRunsOfATenantsFlowsShareOneReadPerPass() throws Exception {
    CountDownLatch finished = new CountDownLatch(3);
    engine = SyncEngine.builder().store(store).clock(clock).nodeId("node-1")
        .addFlow(flow("payments", "payment.succeeded", true, Duration.ofHours(1)))
        .addFlow(flow("refunds", "refund.created", true, Duration.ofHours(1)))
        .addFlow(flow("disputes", "dispute.created", true, Duration.ofHours(1)))
        .listener(new SyncListener() {
          @Override
          public void runFinished(RunReport report) {
            finished.countDown();
          }
        })
        .tenants(List.of(TENANT))
        .build();
    account("evt_1", "payment.succeeded", "pay-1");
    account("evt_2", "refund.created", "ref-1");
    account("evt_3", "dispute.created", "dis-1");

    engine.start();

    assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(account.reads).hasSize(1);
    assertThat(sinks).containsOnlyKeys("payments", "refunds", "disputes");
    assertThat(sinks.values()).allSatisfy(sink -> assertThat(sink.stored()).hasSize(1));
  }

  @Test
  void sourcesThatListOnlyTheirOwnTypesKeepOneReadAndCursorPerFlow() {
    engine = SyncEngine.builder().store(store).clock(clock).nodeId("node-1")
        .addFlow(flow("payments", "payment.succeeded", false, Duration.ofMinutes(1)))
        .addFlow(flow("refunds", "refund.created", false, Duration.ofMinutes(1)))
        .tenants(List.of(TENANT))
        .build();
    account("evt_1", "payment.succeeded", "pay-1");
    account("evt_2", "refund.created", "ref-1");

    engine.runOnce(TENANT, "payments");
    engine.runOnce(TENANT, "refunds");

    assertThat(account.reads).containsExactly(Set.of("payment.succeeded"), Set.of("refund.created"));
    assertThat(store.cursor(TENANT, "payments", "events")).contains("2");
    assertThat(store.cursor(TENANT, "refunds", "events")).contains("2");
    assertThat(store.cursor(TENANT, "backstop/erp", "events")).isEmpty();
  }
}
