package io.mlconnector.samples;

import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The offline demo: a SYSPRO and a Stripe simulator, an embedded H2 store under the data
 * directory, a webhook endpoint on a local port. It seeds a company, syncs customers and invoices
 * to Stripe, has customers pay (in full and in part), refund and dispute some invoices, cancels
 * some in SYSPRO (voided in Stripe), syncs the money back into SYSPRO and prints a summary and the reconciliation report.
 */
public final class Demo {
  /** The demo's tenant. */
  public static final String TENANT = "demo";

  private final PrintStream out;
  private final Path dataDir;
  private final int customers;
  private final int invoices;

  /** A demo printing to {@code out}, keeping its store under {@code dataDir}. */
  public Demo(PrintStream out, Path dataDir, int customers, int invoices) {
    this.out = Objects.requireNonNull(out, "out");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    if (customers < 1 || invoices < 1) {
      throw new IllegalArgumentException("customers and invoices must be positive, were " + customers + ", " + invoices);
    }
    this.customers = customers;
    this.invoices = invoices;
  }

  /** Runs the demo; returns 0 when everything reconciles and nothing was parked, else 1. */
  public int run() throws InterruptedException {
    try (SimulatedSystems sims = SimulatedSystems.builder().start()) {
      List<ArInvoice> seeded = DemoCompany.seed(sims.syspro(), customers, invoices, 7);
      out.printf("SYSPRO company %s: %d customers in %d currencies, %d AR invoices%n", SimulatedSystems.COMPANY,
          customers, Math.min(customers, DemoCompany.customerCount()), seeded.size());
      Map<String, String> props =
          sims.properties(TENANT, Map.of(
              "data.dir", dataDir.toString(),
              "webhook.host", "127.0.0.1",
              "webhook.port", "0",
              "stripe.requests.per.second", "100"));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "demo"), demoKeys())) {
        DemoCompany.addAddresses(app.systems().syspro(), customers);
        StripeSimulator stripe = sims.stripe();
        stripe.webhooks().addEndpoint(app.webhooks().url(TENANT), sims.webhookSecret());
        out.printf("webhooks: %s%n", app.webhooks().url(TENANT));

        Map<String, RunReport> first = app.sync().runOnce(TENANT);
        out.printf("SYSPRO -> Stripe: %d customers, %d invoices written%n",
            first.get(SysproStripeSync.CUSTOMERS).written(), first.get(SysproStripeSync.INVOICES).written());

        List<String> story = customersPay(app, stripe, sims.syspro(), seeded);
        story.forEach(s -> out.println("  " + s));
        awaitDeliveries(stripe);

        Reconciliation report = null;
        for (int i = 0; i < 20; i++) {
          Map<String, RunReport> r = app.sync().runOnce(TENANT);
          if (i == 0) {
            out.printf("Stripe -> SYSPRO: %d payments, %d refunds, %d disputes posted%n",
                r.get(SysproStripeSync.PAYMENTS).written(), r.get(SysproStripeSync.REFUNDS).written(),
                r.get(SysproStripeSync.DISPUTES).written());
          }
          report = app.reconcile();
          if (report.allMatched()) {
            break;
          }
          Thread.sleep(500);
        }
        List<RetryItem> parked = app.store().deadLetters(DeadLetterQuery.all(TENANT)).items();
        out.printf("%nARSTPY postings in SYSPRO: %d; parked records: %d%n", sims.syspro().arPayments().size(), parked.size());
        for (RetryItem p : parked) {
          out.printf("  parked %s: %s%n", p.source(), p.lastError());
        }
        out.printf("%nReconciliation (SYSPRO open items vs Stripe invoices)%n%s", report.format());
        boolean ok = report.allMatched() && parked.isEmpty();
        out.println(ok ? "RESULT: everything reconciles" : "RESULT: NOT reconciled");
        return ok ? 0 : 1;
      }
    }
  }

  /**
   * Simulated customers pay, part-pay, refund and dispute, and SYSPRO cancels some invoices (a
   * credit note under the invoice's number; the next run voids the Stripe invoice); returns what
   * happened, one line each.
   */
  static List<String> customersPay(
      SampleApp app, StripeSimulator stripe, SysproSimulator syspro, List<ArInvoice> invoices) {
    List<String> story = new ArrayList<>();
    for (int i = 0; i < invoices.size(); i++) {
      ArInvoice inv = invoices.get(i);
      Optional<String> id = stripeInvoice(app, inv);
      if (id.isEmpty()) {
        continue;
      }
      long due = (Long) stripe.object(id.get()).get("amount_due");
      switch (i % 6) {
        case 0 -> {
          stripe.payInvoice(id.get());
          story.add(inv.invoice() + ": paid in full");
        }
        case 1 -> {
          stripe.payInvoice(id.get(), due / 2);
          story.add(inv.invoice() + ": paid in part (" + due / 2 + " of " + due + " minor units)");
        }
        case 2 -> {
          String charge = stripe.payInvoice(id.get());
          stripe.refund(charge, due / 4);
          story.add(inv.invoice() + ": paid, then " + due / 4 + " minor units refunded");
        }
        case 3 -> {
          String charge = stripe.payInvoice(id.get());
          stripe.openDispute(charge);
          story.add(inv.invoice() + ": paid, then disputed");
        }
        case 4 -> {
          String charge = stripe.payInvoice(id.get());
          String dispute = stripe.openDispute(charge);
          stripe.closeDispute(dispute, true);
          story.add(inv.invoice() + ": paid, disputed, dispute won");
        }
        default -> {
          if (i % 12 == 11) {
            syspro.cancelArInvoice(inv.customer(), inv.invoice());
            story.add(inv.invoice() + ": cancelled in SYSPRO (credit note), to be voided in Stripe");
          } else {
            story.add(inv.invoice() + ": still open");
          }
        }
      }
    }
    return story;
  }

  /** The Stripe invoice a seeded SYSPRO invoice was issued as. */
  static Optional<String> stripeInvoice(SampleApp app, ArInvoice inv) {
    return app.store()
        .mappingBySource(SysproRefs.arInvoice(app.tenant(), inv.customer(), inv.invoice(), inv.documentType()),
            StripeCanonical.SYSTEM)
        .map(SysproStripeSync::currentInvoice);
  }

  static void awaitDeliveries(StripeSimulator stripe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (stripe.webhooks().pending() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** A credential-store key for this run only (real runs read theirs from the environment). */
  static KeyProvider demoKeys() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return KeyProvider.of("demo", Map.of("demo", new SecretKeySpec(key, "AES")));
  }
}
