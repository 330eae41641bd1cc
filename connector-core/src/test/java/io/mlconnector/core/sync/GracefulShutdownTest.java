package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.testkit.SimClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A shutdown while a run is busy lets the record in flight finish and gives every other claimed
 * inbox event or retry item back at once, so another node takes it without waiting for the claim
 * to lapse.
 */
class GracefulShutdownTest {

  private static final String SECRET = "whsec_acme";

  @Test
  void shutdownFinishesTheEventInFlightAndReleasesTheOtherClaims() throws Exception {
    SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryStateStore store = new InMemoryStateStore(clock);
    WebhookFlowTest.Objects erp = new WebhookFlowTest.Objects("acme");
    MemorySink sink = new MemorySink("acme");
    for (int i = 1; i <= 3; i++) {
      erp.current.put("inv-" + i, Item.of("acme", "inv-" + i, 1, "p" + i));
    }
    HeldCall held = HeldCall.first();
    sink.beforeCall = held;
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .clock(clock)
        .nodeId("node-1")
        .addFlow(Flow.webhook("erp-events", Item.class, t -> erp,
                t -> new WebhookFlowTest.HmacVerifier(SECRET), Target.class, t -> sink)
            .mapper(Target::map)
            .parallelism(1)
            .build())
        .tenants(List.of("acme"))
        .build();
    WebhookEndpoint endpoint = engine.webhookEndpoint("erp-events");
    for (int i = 1; i <= 3; i++) {
      byte[] raw = ("{\"id\":\"evt_" + i + "\",\"type\":\"invoice.updated\",\"object\":\"inv-" + i
          + "\"}").getBytes(StandardCharsets.UTF_8);
      String signature = HexFormat.of().formatHex(
          WebhookFlowTest.hmac(SECRET.getBytes(StandardCharsets.UTF_8), raw));
      assertThat(endpoint.handle("acme", Map.of("X-Signature", List.of(signature)), raw).status())
          .isEqualTo(200);
    }

    RunReport report = held.stopMidCall(engine, () -> engine.runOnce("acme", "erp-events"));

    assertThat(report.status()).isEqualTo(RunReport.Status.STOPPED);
    assertThat(report.written()).isEqualTo(1);
    assertThat(sink.stored()).hasSize(1);
    assertThat(store.lease("acme", "erp-events")).isEmpty();
    // the clock has not moved, so the 5-minute claims cannot have lapsed: they were given back
    List<InboxEvent> reclaimed =
        store.claimInbox("acme", "erp/erp-events", "node-2", Duration.ofMinutes(5), 10);
    assertThat(reclaimed).extracting(InboxEvent::eventId).containsExactlyInAnyOrder("evt_2", "evt_3");
    assertThat(reclaimed).extracting(InboxEvent::eventId)
        .doesNotContain(sink.stored().get(0).stamp().id().replace("inv-", "evt_"));
  }

  @Test
  void shutdownFinishesTheRetryInFlightAndReleasesTheOtherRetryClaims() throws Exception {
    try (EngineFixture f = new EngineFixture(flow -> flow.parallelism(1), e -> e)) {
      for (int i = 1; i <= 3; i++) {
        f.source.put(Item.of(EngineFixture.TENANT, "r" + i, i, "p" + i));
      }
      f.sink.plan = (call, context) -> MemorySink.Fault.SERVER_ERROR;
      assertThat(f.run().failed()).isEqualTo(3);
      f.sink.plan = (call, context) -> MemorySink.Fault.NONE;
      HeldCall held = HeldCall.first();
      f.sink.beforeCall = held;

      RunReport report = held.stopMidCall(f.engine, f::run);

      assertThat(report.status()).isEqualTo(RunReport.Status.STOPPED);
      assertThat(report.written()).isEqualTo(1);
      assertThat(f.sink.stored()).hasSize(1);
      // the clock has not moved, so the 5-minute claims cannot have lapsed: they were given back
      List<RetryItem> reclaimed = f.store.claimDueRetries(EngineFixture.TENANT, "invoices",
          f.clock.instant(), "node-2", Duration.ofMinutes(5), 10);
      assertThat(reclaimed).hasSize(2);
      assertThat(reclaimed).extracting(i -> i.source().id())
          .doesNotContain(f.sink.stored().get(0).stamp().id());
      assertThat(reclaimed).allSatisfy(i -> assertThat(i.attempts()).isEqualTo(1));
    }
  }
}
