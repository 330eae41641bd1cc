package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.integrations.ReceivablesIntegration;
import io.mlconnector.integrations.ReceivablesReconciliation;
import io.mlconnector.samples.systems.StripeSystem;
import io.mlconnector.samples.systems.SysproSystem;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeInvoiceSink;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Simulators plus the sample app on a fresh H2 store, for one end-to-end test (test helper). */
final class Harness implements AutoCloseable {
  static final String TENANT = "acme";
  /** The flow of Stripe payments into SYSPRO. */
  static final String PAYMENTS = "stripe-payments";

  final SimulatedSystems sims;
  final SampleApp app;
  final Path dir;

  Harness() {
    this(s -> s, Map.of());
  }

  Harness(UnaryOperator<SimulatedSystems.Builder> simulators, Map<String, String> extra) {
    this(simulators, extra, b -> b);
  }

  Harness(UnaryOperator<SimulatedSystems.Builder> simulators, Map<String, String> extra,
      UnaryOperator<ReceivablesIntegration.Builder<?, ?>> custom) {
    this.sims = simulators.apply(SimulatedSystems.builder()).start();
    try {
      this.dir = Files.createTempDirectory("mlc-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>();
    props.put("data.dir", dir.toString());
    props.put("webhook.host", "127.0.0.1");
    props.put("webhook.port", "0");
    props.put("stripe.requests.per.second", "200");
    props.put("engine.pending.grace", "PT0S");
    props.put("stripe.rate.limit.backoff", "PT0.02S");
    props.put("stripe.rate.limit.backoff.max", "PT0.2S");
    props.putAll(extra);
    this.app = SampleApp.open(SampleConfig.of(sims.properties(TENANT, props), "test"), ReceivablesDemo.demoKeys(),
        b -> {
          b.retryPolicy(new RetryQueuePolicy(Duration.ofMillis(50), Duration.ofMillis(400), 30)).randomSeed(1);
          return custom.apply(b);
        });
    sims.stripe().webhooks().addEndpoint(app.webhookUrl(), sims.webhookSecret());
  }

  SysproSimulator syspro() {
    return sims.syspro();
  }

  StripeSimulator stripe() {
    return sims.stripe();
  }

  List<ArInvoice> seed(int customers, int invoices) {
    List<ArInvoice> out = DemoCompany.seed(syspro(), customers, invoices, 11);
    DemoCompany.addAddresses(sysproOf(app), customers);
    return out;
  }

  Map<String, RunReport> runOnce() {
    return app.runOnce();
  }

  /** The Stripe invoice a seeded SYSPRO invoice was issued as (after a re-issue, the current one). */
  static Optional<String> stripeInvoice(SampleApp app, ArInvoice inv) {
    return app.store()
        .mappingBySource(SysproRefs.arInvoice(app.tenant(), inv.customer(), inv.invoice(), inv.documentType()),
            StripeCanonical.SYSTEM)
        .map(StripeInvoiceSink::currentInvoice);
  }

  /** The app's Stripe connector. */
  static StripeConnector stripeOf(SampleApp app) {
    return ((StripeSystem) app.collectorSystem()).connector();
  }

  /** The app's SYSPRO client. */
  static SysproClient sysproOf(SampleApp app) {
    return ((SysproSystem) app.ledgerSystem()).client();
  }

  /** Waits (bounded) until {@code stripe} has no delivery left to make. */
  static void awaitDeliveries(StripeSimulator stripe) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(stripe.webhooks().pending()).as("webhook deliveries pending").isZero());
  }

  String stripeInvoice(ArInvoice inv) {
    return stripeInvoice(app, inv).orElseThrow(() -> new AssertionError(inv.invoice() + " is not in Stripe"));
  }

  /** Waits (bounded) until the Stripe simulator has no delivery left to make. */
  void awaitDeliveries() {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(stripe().webhooks().pending()).as("webhook deliveries pending").isZero());
  }

  /** Runs every flow until {@code done} holds, at most 30 s. */
  void runUntil(BooleanSupplier done) {
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
        .pollInSameThread().untilAsserted(() -> {
          Map<String, RunReport> last = runOnce();
          assertThat(done.getAsBoolean()).as(() -> "the condition; last run:" + lastRun(last)).isTrue();
        });
  }

  /** What the last run did, the audit trail and the dead letters: why a condition was not reached. */
  private String lastRun(Map<String, RunReport> last) {
    StringBuilder why = new StringBuilder();
    last.forEach((f, r) -> why.append("\n  ").append(f).append(' ').append(r.status()).append(" read=").append(r.read())
        .append(" written=").append(r.written()).append(" deferred=").append(r.deferred()).append(" failed=")
        .append(r.failed()).append(" parked=").append(r.parked()).append(" error=").append(r.error()));
    for (io.mlconnector.core.state.AuditEntry e : app.store().audit(new io.mlconnector.core.state.AuditQuery(
        TENANT, null, null, null, null, null, null, 30, null)).items()) {
      why.append("\n  audit ").append(e.flow()).append(' ').append(e.source()).append(' ').append(e.action())
          .append(' ').append(e.outcome()).append(' ').append(e.error());
    }
    deadLetters().forEach(d -> why.append("\n  parked ").append(d.source()).append(": ").append(d.lastError()));
    return why.toString();
  }

  /** Runs until the reconciliation report matches everywhere; returns it. */
  ReceivablesReconciliation reconcileWhenSettled() {
    ReceivablesReconciliation[] last = new ReceivablesReconciliation[1];
    runUntil(() -> (last[0] = app.reconcile()).allMatched());
    return last[0];
  }

  List<RetryItem> deadLetters() {
    return app.store().deadLetters(DeadLetterQuery.all(TENANT)).items();
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    sims.close();
    deleteTree(dir);
  }

  /** Removes a test's data directory (the H2 store, the credential files). */
  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
