package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.testkit.SimClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a restart with many events waiting, a run posts at once: events its flow never acts on are
 * dropped in bulk, not claimed and marked one by one; an event that cannot be read at all is
 * parked like any other record (audit, dead letter), not only in the inbox.
 */
class InboxRecoveryTest {
  private static final String TENANT = "acme";
  private static final String SECRET = "whsec_acme";

  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore memory = new InMemoryStateStore(clock);
  private final AtomicInteger singleIgnores = new AtomicInteger();
  private final AtomicInteger claims = new AtomicInteger();
  private final AtomicInteger writesBeforeFirstIgnore = new AtomicInteger(-1);
  private final MemorySink sink = new MemorySink(TENANT);
  private final StateStore store = StoreProxy.wrap(memory, (method, args) -> {
    if (method.getName().equals("finishInbox") && args[1] instanceof Long
        && args[2] == InboxEvent.Status.IGNORED) {
      singleIgnores.incrementAndGet();
    }
    if (method.getName().equals("claimInbox")) {
      claims.incrementAndGet();
    }
  });
  private SyncEngine engine;

  /** A source that says which event types it acts on, and cannot read an event about "garbled". */
  static class Declaring extends WebhookFlowTest.Objects {
    private final boolean declares;

    Declaring(String tenant, boolean declares) {
      super(tenant);
      this.declares = declares;
    }

    @Override
    public Set<String> eventTypes() {
      return declares ? Set.of("invoice.created", "invoice.updated") : Set.of();
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      if (event.payload().contains("\"garbled\"")) {
        throw new IllegalArgumentException("data.object is a string, not an object");
      }
      return super.objectOf(event);
    }
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  private Declaring start(boolean declares) {
    Declaring erp = new Declaring(TENANT, declares);
    engine = SyncEngine.builder()
        .store(store)
        .clock(clock)
        .nodeId("node-1")
        .addFlow(Flow.webhook("erp-events", Item.class, t -> erp,
                t -> new WebhookFlowTest.HmacVerifier(SECRET), Target.class, t -> sink)
            .mapper(Target::map)
            .build())
        .tenants(List.of(TENANT))
        .build();
    return erp;
  }

  private void deliver(String id, String type, String object) {
    String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"object\":\"" + object + "\"}";
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String signature = HexFormat.of().formatHex(WebhookFlowTest.hmac(SECRET.getBytes(StandardCharsets.UTF_8), raw));
    assertThat(engine.webhookEndpoint("erp-events").handle(TENANT, Map.of("x-signature", List.of(signature)), raw)
        .status()).isEqualTo(200);
  }

  /** 400 unrelated events received before the 3 this flow posts, as after a restart. */
  private void backlog(Declaring erp) {
    for (int i = 0; i < 400; i++) {
      deliver("evt_c" + i, i % 2 == 0 ? "customer.updated" : "charge.updated", "cus-" + i);
    }
    for (int i = 1; i <= 3; i++) {
      erp.current.put("inv-" + i, Item.of(TENANT, "inv-" + i, 1, "invoice " + i));
      deliver("evt_i" + i, "invoice.updated", "inv-" + i);
    }
  }

  @Test
  void eventsOfTypesTheFlowNeverActsOnAreDroppedInBulkBeforeAnyClaim() {
    backlog(start(true));

    clock.advance(Duration.ofSeconds(1));
    RunReport report = engine.runOnce(TENANT, "erp-events");

    assertThat(report.written()).isEqualTo(3);
    assertThat(report.skipped()).isEqualTo(400);
    assertThat(singleIgnores).as("unrelated events marked one at a time").hasValue(0);
    assertThat(claims).as("the first claim already holds the invoices; the second finds none").hasValue(2);
    assertThat(sink.stored()).hasSize(3);
    assertThat(memory.claimInbox(TENANT, "erp/erp-events", "probe", Duration.ofMinutes(1), 10)).isEmpty();
  }

  @Test
  void withoutDeclaredTypesIgnoredEventsAreFinishedOneStepPerTypeNotOneByOne() {
    backlog(start(false));

    clock.advance(Duration.ofSeconds(1));
    RunReport report = engine.runOnce(TENANT, "erp-events");

    assertThat(report.written()).isEqualTo(3);
    assertThat(report.skipped()).isEqualTo(400);
    assertThat(singleIgnores).hasValue(0);
    assertThat(memory.claimInbox(TENANT, "erp/erp-events", "probe", Duration.ofMinutes(1), 10)).isEmpty();
  }

  @Test
  void aSignedEventThatCannotBeReadIsParkedWithAuditAndDeadLetter() {
    Declaring erp = start(true);
    erp.current.put("inv-1", Item.of(TENANT, "inv-1", 1, "fine"));
    deliver("evt_bad", "invoice.updated", "garbled");
    deliver("evt_ok", "invoice.updated", "inv-1");

    clock.advance(Duration.ofSeconds(1));
    RunReport report = engine.runOnce(TENANT, "erp-events");

    assertThat(report.written()).as("the rest goes on").isEqualTo(1);
    assertThat(report.parked()).isEqualTo(1);
    List<RetryItem> dead = memory.deadLetters(DeadLetterQuery.all(TENANT)).items();
    assertThat(dead).singleElement().satisfies(d -> {
      assertThat(d.source().id()).isEqualTo("evt_bad");
      assertThat(d.source().type()).isEqualTo("event");
      assertThat(d.lastError()).contains("malformed event").contains("data.object is a string");
    });
    List<AuditEntry> audit = memory.audit(AuditQuery.all(TENANT)).items();
    assertThat(audit).filteredOn(a -> a.outcome() == AuditEntry.Outcome.PARKED)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.source().id()).isEqualTo("evt_bad");
          assertThat(a.error()).contains("malformed event");
        });
  }
}
