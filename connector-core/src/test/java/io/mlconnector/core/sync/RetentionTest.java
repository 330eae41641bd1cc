package io.mlconnector.core.sync;

import static org.awaitility.Awaitility.await;
import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.PurgeResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The engine applies the configured retention: DONE operations and audit entries older than it go,
 * PENDING intents and mappings stay.
 */
class RetentionTest {

  @Test
  void purgeExpiredRemovesOldDoneWorkButKeepsMappingsAndPendingIntents() {
    try (EngineFixture f = new EngineFixture(flow -> flow, e -> e.retention(Duration.ofDays(30)))) {
      f.source.put(Item.of(TENANT, "r1", 1, "p"));
      f.run();
      ExternalRef r1 = ExternalRef.of("erp", TENANT, "invoice", "r1");
      // an intent whose write is still open (a crash between intent and answer, say)
      ExternalRef r2 = ExternalRef.of("erp", TENANT, "invoice", "r2");
      f.store.begin(new OperationIntent("open-key", TENANT, "invoices", r2, "2", "create"));

      f.clock.advance(Duration.ofDays(29));
      assertThat(f.engine.purgeExpired()).isEqualTo(new PurgeResult(0, 0, 0));
      f.clock.advance(Duration.ofDays(2));
      PurgeResult purged = f.engine.purgeExpired();

      assertThat(purged.operations()).isEqualTo(1);
      assertThat(purged.auditEntries()).isPositive();
      assertThat(f.store.audit(AuditQuery.all(TENANT)).items()).isEmpty();
      assertThat(f.store.mappingBySource(r1, "crm")).isPresent();
      assertThat(f.store.operation(TENANT, "open-key")).hasValueSatisfying(
          op -> assertThat(op.status()).isEqualTo(OperationStatus.PENDING));
    }
  }

  @Test
  void aStartedEnginePurgesOnItsInterval() throws Exception {
    try (EngineFixture f = new EngineFixture(flow -> flow.schedule(Duration.ofDays(1), Duration.ZERO),
        e -> e.retention(Duration.ofDays(30)).purgeInterval(Duration.ofMillis(20)))) {
      f.source.put(Item.of(TENANT, "r1", 1, "p"));
      f.run();
      f.clock.advance(Duration.ofDays(31));

      f.engine.start();
      AuditQuery old =
          AuditQuery.all(TENANT).withFlow("invoices", null, f.clock.instant().minus(Duration.ofDays(30)));

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
          .untilAsserted(() -> assertThat(f.store.audit(old).items()).isEmpty());
      assertThat(f.store.mappingBySource(ExternalRef.of("erp", TENANT, "invoice", "r1"), "crm"))
          .isPresent();
    }
  }

  @Test
  void purgeWithoutRetentionIsRefusedAndBadSettingsAreNamed() {
    try (EngineFixture f = new EngineFixture()) {
      assertThatThrownBy(f.engine::purgeExpired)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no retention configured; set SyncEngine.Builder.retention");
    }
    assertThatThrownBy(() -> SyncEngine.builder().retention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention must be positive, was PT0S");
    assertThatThrownBy(() -> SyncEngine.builder().purgeInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("purgeInterval must be positive, was PT-1S");
  }
}
