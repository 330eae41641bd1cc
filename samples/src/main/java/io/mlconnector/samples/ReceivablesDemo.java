package io.mlconnector.samples;

import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.integrations.ReceivablesIntegration;
import io.mlconnector.integrations.ReceivablesReconciliation;
import io.mlconnector.samples.pairs.Pair.DemoResult;
import io.mlconnector.samples.pairs.ReceivablesPair;
import io.mlconnector.samples.systems.SimulatedCollector;
import io.mlconnector.samples.systems.SimulatedLedger;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The offline demo of a receivables pair: the ERP's and the collector's simulators, an embedded H2
 * store under the data directory, a webhook endpoint on a local port. It seeds the demo company,
 * syncs customers and invoices to the collector, has customers pay (in full and in part), refund
 * and dispute some invoices, cancels some in the ERP (voided in the collector), syncs the money back
 * into the ERP and prints a summary and the reconciliation report.
 */
public final class ReceivablesDemo {
  /** The demo's tenant. */
  public static final String TENANT = "demo";

  private final ReceivablesPair pair;
  private final PrintStream out;
  private final Path dataDir;
  private final int invoices;

  /** A demo of {@code pair} printing to {@code out}, keeping its store under {@code dataDir}. */
  public ReceivablesDemo(ReceivablesPair pair, PrintStream out, Path dataDir, int invoices) {
    this.pair = Objects.requireNonNull(pair, "pair");
    this.out = Objects.requireNonNull(out, "out");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    if (invoices < 1) {
      throw new IllegalArgumentException("invoices must be positive, was " + invoices);
    }
    this.invoices = invoices;
  }

  /** Runs the demo; the result says whether everything reconciles and nothing was parked. */
  public DemoResult run() throws InterruptedException {
    int customers = DemoCompany.customerCount();
    try (SimulatedLedger erp = pair.simulatedLedger().get();
        SimulatedCollector collector = pair.simulatedCollector().get()) {
      List<SeededInvoice> seeded = erp.seed(TENANT, customers, invoices, 7);
      out.printf("%s company: %d customers in %d currencies, %d AR invoices%n", erp.name(), customers,
          Math.min(customers, DemoCompany.customerCount()), seeded.size());
      Map<String, String> props = new HashMap<>();
      props.put("pair", pair.name());
      props.put("tenant", TENANT);
      props.putAll(erp.properties(TENANT));
      props.putAll(collector.properties(TENANT));
      props.put("data.dir", dataDir.toString());
      props.put("webhook.host", "127.0.0.1");
      props.put("webhook.port", "0");
      props.put("stripe.requests.per.second", "100");
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "demo"), demoKeys())) {
        erp.prepare(app.ledgerSystem(), customers);
        collector.deliverWebhooksTo(app.webhookUrl());
        out.printf("webhooks: %s%n", app.webhookUrl());
        ReceivablesIntegration sync = app.sync();

        Map<String, RunReport> first = app.runOnce();
        out.printf("%s -> %s: %d customers, %d invoices written%n", erp.name(), collector.name(),
            first.get(sync.customersFlow()).written(), first.get(sync.invoicesFlow()).written());

        List<String> story = customersPay(app, collector, erp, seeded);
        story.forEach(s -> out.println("  " + s));
        collector.awaitDeliveries(Duration.ofSeconds(30));

        ReceivablesReconciliation report = null;
        for (int i = 0; i < 20; i++) {
          Map<String, RunReport> r = app.runOnce();
          if (i == 0) {
            out.printf("%s -> %s: %d payments, %d refunds, %d disputes posted%n", collector.name(), erp.name(),
                r.get(sync.paymentsFlow()).written(), r.get(sync.refundsFlow()).written(),
                r.get(sync.disputesFlow()).written());
          }
          report = app.reconcile();
          if (report.allMatched()) {
            break;
          }
          Thread.sleep(500);
        }
        List<RetryItem> parked = app.store().deadLetters(DeadLetterQuery.all(TENANT)).items();
        out.printf("%n%s; parked records: %d%n", erp.summary(), parked.size());
        for (RetryItem p : parked) {
          out.printf("  parked %s: %s%n", p.source(), p.lastError());
        }
        out.printf("%nReconciliation (%s open items vs %s invoices)%n%s", erp.name(), collector.name(), report.format());
        int failing = report.mismatches().size() + parked.size();
        String detail = parked.isEmpty() ? "" : parked.size() + " parked";
        return new DemoResult(pair.name(), report.lines().size(), failing, detail);
      }
    }
  }

  /**
   * Simulated customers pay, part-pay, refund and dispute, and the ERP cancels some invoices (the
   * next run voids the collector's invoice); returns what happened, one line each.
   */
  static List<String> customersPay(
      SampleApp app, SimulatedCollector collector, SimulatedLedger erp, List<SeededInvoice> invoices) {
    List<String> story = new ArrayList<>();
    for (int i = 0; i < invoices.size(); i++) {
      SeededInvoice inv = invoices.get(i);
      Optional<String> id = collectorInvoice(app, inv);
      if (id.isEmpty()) {
        continue;
      }
      long due = collector.amountDue(id.get());
      int step = i % 6;
      if ((step == 3 || step == 4) && !collector.disputes()) {
        step = 0;
      }
      if (step == 2 && !collector.refunds()) {
        step = 1;
      }
      switch (step) {
        case 0 -> {
          collector.pay(id.get(), due);
          story.add(inv.number() + ": paid in full");
        }
        case 1 -> {
          collector.pay(id.get(), due / 2);
          story.add(inv.number() + ": paid in part (" + due / 2 + " of " + due + " minor units)");
        }
        case 2 -> {
          String payment = collector.pay(id.get(), due);
          collector.refund(payment, due / 4);
          story.add(inv.number() + ": paid, then " + due / 4 + " minor units refunded");
        }
        case 3 -> {
          String payment = collector.pay(id.get(), due);
          collector.openDispute(payment);
          story.add(inv.number() + ": paid, then disputed");
        }
        case 4 -> {
          String payment = collector.pay(id.get(), due);
          String dispute = collector.openDispute(payment);
          collector.closeDispute(dispute, true);
          story.add(inv.number() + ": paid, disputed, dispute won");
        }
        default -> {
          if (i % 12 == 11 && erp.cancel(inv)) {
            story.add(inv.number() + ": cancelled in " + erp.name() + ", to be voided in " + collector.name());
          } else {
            story.add(inv.number() + ": still open");
          }
        }
      }
    }
    return story;
  }

  /** The collector's invoice a seeded ERP invoice was issued as (after a re-issue, the current one). */
  public static Optional<String> collectorInvoice(SampleApp app, SeededInvoice inv) {
    return app.store().mappingBySource(inv.ref(), app.collectorSystem().collector().system())
        .flatMap(m -> app.sync().collector(app.tenant()).collected(m))
        .map(CollectedInvoice::id);
  }

  /** A credential-store key for this run only (real runs read theirs from the environment). */
  public static KeyProvider demoKeys() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return KeyProvider.of("demo", Map.of("demo", new SecretKeySpec(key, "AES")));
  }
}
