package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.testkit.TestPostgres;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample on a PostgreSQL store ({@code store=postgresql}) on the testkit's {@link TestPostgres}:
 * skipped with a message when there is no server, except under {@code CI=true}.
 */
class PostgresStoreTest {
  @TempDir Path tempDir;

  @Test
  void theIntegrationRunsOnPostgresql() throws Exception {
    TestPostgres postgres = TestPostgres.require();
    String tenant = "pg" + UUID.randomUUID().toString().substring(0, 8);
    try (SimulatedSystems sims = SimulatedSystems.builder().start()) {
      List<ArInvoice> invoices = DemoCompany.seed(sims.syspro(), 2, 3, 9);
      Map<String, String> props = sims.properties(tenant, Map.of(
          "data.dir", tempDir.toString(),
          "webhook.host", "127.0.0.1", "webhook.port", "0",
          "store", "postgresql", "store.jdbc.url", postgres.url(), "store.jdbc.user", postgres.user(),
          "store.jdbc.password", postgres.password(),
          "store.table.prefix", "mlc_samples_", "engine.pending.grace", "PT0S"));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "test"), ReceivablesDemo.demoKeys())) {
        assertThat(app.store().toString()).contains("POSTGRESQL");
        sims.stripe().webhooks().addEndpoint(app.webhookUrl(), sims.webhookSecret());
        app.sync().runOnce(tenant);
        ArInvoice first = invoices.get(0);
        sims.stripe().payInvoice(Harness.stripeInvoice(app, first).orElseThrow());
        Harness.awaitDeliveries(sims.stripe());
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
            .pollInSameThread().untilAsserted(() -> {
              if (sims.syspro().invoiceBalance(first.customer(), first.invoice()).signum() != 0) {
                app.sync().runOnce(tenant);
              }
              assertThat(sims.syspro().invoiceBalance(first.customer(), first.invoice())).as("payment posted").isZero();
            });
        assertThat(sims.syspro().arPayments()).hasSize(1);
        assertThat(app.reconcile().allMatched()).isTrue();
      }
    }
  }
}
