package io.mlconnector.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.stripe.StripeCurrencies;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproSync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's baseline: what a developer would write by hand without the SDK. It reads the
 * SYSPRO invoices (OData, one query per page) and then, one invoice after another, makes the
 * Stripe calls of the documented invoicing sequence (a customer the first time it is seen, the
 * draft invoice, one invoice item per line and per line tax, finalize, send) with stripe-java, each
 * with an idempotency key. The connector sends all lines in one {@code add_lines} request instead,
 * and issues the draft with one {@code send}, which finalizes it.
 */
public final class SerialBaseline {
  private SerialBaseline() {}

  /**
   * What one baseline run measured.
   *
   * @param invoices invoices issued
   * @param customers customers created
   * @param stripeRequests Stripe API requests made
   * @param elapsed wall-clock time, reading SYSPRO included
   */
  public record Result(int invoices, int customers, long stripeRequests, Duration elapsed) {
    /** Invoices per second. */
    public double invoicesPerSecond() {
      return invoices / (elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "serial baseline: %d invoices (%d customers, %d Stripe requests) in %.1f s = %.2f invoices/s, %.1f requests/s",
          invoices, customers, stripeRequests, elapsed.toNanos() / 1e9, invoicesPerSecond(),
          stripeRequests / (elapsed.toNanos() / 1e9));
    }
  }

  /**
   * Starts simulators with {@code latency} on both sides and Stripe's {@code rate} requests per
   * second, seeds {@code invoices} invoices and runs the baseline against them.
   */
  public static Result measure(int invoices, Duration latency, int rate) throws StripeException {
    try (PairSimulators<SysproSimulation, StripeSimulation> sims = simulators(latency, rate)) {
      DemoCompany.seed(sims.ledger().simulator(), DemoCompany.customerCount(), invoices, 7);
      return run(sims);
    }
  }

  /** SYSPRO and Stripe simulators with {@code latency} on both sides and Stripe's {@code rate} limit. */
  static PairSimulators<SysproSimulation, StripeSimulation> simulators(Duration latency, int rate) {
    SysproSimulation syspro = SysproSimulation.builder().latency(latency).start();
    return new PairSimulators<>("syspro-stripe", syspro, StripeSimulation.builder().latency(latency).rateLimit(rate).start());
  }

  /** Runs the baseline against already seeded simulators. */
  public static Result run(PairSimulators<SysproSimulation, StripeSimulation> sims) throws StripeException {
    long startRequests = sims.collector().simulator().requestCount();
    long t0 = System.nanoTime();
    List<io.mlconnector.core.model.Invoice> erp = new ArrayList<>();
    try (HttpTransport transport = HttpTransport.builder().build()) {
      Map<String, String> p = sims.properties("baseline", Map.of());
      SysproClient syspro = SysproClient.create(transport,
          SysproConfig.builder("baseline", "baseline/syspro")
              .restBaseUrl(p.get("syspro.rest.url"))
              .credentials(SysproCredentials.of(p.get("syspro.operator"), p.get("syspro.operator.password"),
                  p.get("syspro.company"), ""))
              .odata(p.get("syspro.odata.url"), p.get("syspro.operator"), p.get("syspro.odata.password"))
              .build());
      try {
        var source = SysproSync.builder(syspro).build().arInvoices();
        Checkpoint after = null;
        while (true) {
          SourcePage<io.mlconnector.core.model.Invoice> page = source.read(new PollRequest(after, Duration.ZERO, 500));
          erp.addAll(page.records());
          if (!page.hasMore() || page.next() == null) {
            break;
          }
          after = page.next();
        }
      } finally {
        syspro.close();
      }
    }
    StripeClient stripe = StripeClient.builder().setApiKey(sims.collector().simulator().apiKey()).setApiBase(sims.collector().simulator().baseUrl())
        .setMaxNetworkRetries(5).build();
    StripeCurrencies currencies = StripeCurrencies.standard();
    Map<String, String> customers = new HashMap<>();
    for (io.mlconnector.core.model.Invoice inv : erp) {
      String code = inv.party().id();
      String customerId = customers.get(code);
      if (customerId == null) {
        Customer c = stripe.v1().customers().create(
            CustomerCreateParams.builder().setName(code).putMetadata("erp_customer", code).build(),
            key("cus-" + code));
        customerId = c.getId();
        customers.put(code, customerId);
      }
      String cur = inv.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
      Invoice draft = stripe.v1().invoices().create(
          InvoiceCreateParams.builder().setCustomer(customerId)
              .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
              .setCurrency(cur).setAutoAdvance(false)
              .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
              .putMetadata("erp_invoice", inv.number()).build(),
          key("inv-" + inv.number()));
      int n = 0;
      for (InvoiceLine l : inv.lines()) {
        stripe.v1().invoiceItems().create(
            InvoiceItemCreateParams.builder().setCustomer(customerId).setInvoice(draft.getId()).setCurrency(cur)
                .setAmount(currencies.toMinorUnits(l.amount(), StripeCurrencies.Purpose.INVOICE))
                .setDescription(l.description() == null ? "Line " + l.number() : l.description()).build(),
            key("item-" + inv.number() + "-" + n++));
        if (!l.taxAmount().isZero()) {
          stripe.v1().invoiceItems().create(
              InvoiceItemCreateParams.builder().setCustomer(customerId).setInvoice(draft.getId()).setCurrency(cur)
                  .setAmount(currencies.toMinorUnits(l.taxAmount(), StripeCurrencies.Purpose.INVOICE))
                  .setDescription("Tax").build(),
              key("tax-" + inv.number() + "-" + n++));
        }
      }
      stripe.v1().invoices().finalizeInvoice(draft.getId(), key("fin-" + inv.number()));
      stripe.v1().invoices().sendInvoice(draft.getId(), key("send-" + inv.number()));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    return new Result(erp.size(), customers.size(), sims.collector().simulator().requestCount() - startRequests, elapsed);
  }

  private static RequestOptions key(String k) {
    return RequestOptions.builder().setIdempotencyKey("baseline-" + k).build();
  }
}
