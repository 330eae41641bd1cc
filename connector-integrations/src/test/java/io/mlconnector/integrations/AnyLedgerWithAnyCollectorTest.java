package io.mlconnector.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproLedger;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.syspro.SysproSync;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * N + M: the SYSPRO ledger paired with a collector no connector author wrote (an in-memory ledger
 * book made only for this test) through the published receivables integration, with no code
 * written for the pair: customers and invoices go out, payments come back through verified
 * deliveries, and everything reconciles.
 */
class AnyLedgerWithAnyCollectorTest {

  @Test
  void theSysproLedgerPairsWithACollectorWrittenOnlyForThisTest() throws Exception {
    try (SysproSimulator sim = SysproSimulator.builder()
            .operator(Operator.of("INTEG", "pw-integ").withODataPassword("pw-odata")).start();
        HttpTransport transport = HttpTransport.builder().sleeper(d -> {}).build();
        InMemoryStateStore store = new InMemoryStateStore()) {
      sim.setCurrentPeriod(YearMonth.now(ZoneOffset.UTC));
      sim.addCustomer(Customer.of("C100", "Northwind Traders").withCurrency("USD"));
      sim.addCustomer(Customer.of("C200", "Brighton Tea Company").withCurrency("GBP"));
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      sim.addArInvoice(ArInvoice.of("C100", "300001", today, new BigDecimal("1150.00")));
      sim.addArInvoice(ArInvoice.of("C100", "300002", today, new BigDecimal("200.00")));
      sim.addArInvoice(ArInvoice.of("C200", "300003", today, new BigDecimal("75.50")));
      SysproClient client = SysproClient.create(transport,
          SysproConfig.builder("acme", "acme/syspro").restBaseUrl(sim.restBaseUri().toString())
              .credentials(SysproCredentials.of("INTEG", "pw-integ", sim.companyId(), ""))
              .odata(sim.odataServiceUri().toString(), "INTEG", "pw-odata").build());
      LedgerBookCollector book = new LedgerBookCollector("acme", "book-secret");
      SysproLedger ledger = SysproLedger.of(SysproSync.builder(client).build());

      ReceivablesIntegration sync =
          ReceivablesIntegration.builder(SysproLedger.provider(t -> ledger), LedgerBookCollector.provider(book))
              .store(store).tenants(List.of("acme")).pendingGracePeriod(Duration.ZERO).build();
      try (sync; client) {
        assertThat(sync.pair()).isEqualTo("syspro-ledgerbook");
        assertThat(sync.flows()).containsExactly("syspro-customers", "syspro-invoices", "ledgerbook-payments",
            "ledgerbook-refunds", "ledgerbook-disputes");
        Map<String, RunReport> out = sync.runOnce("acme");
        assertThat(out.get("syspro-customers").written()).isEqualTo(2);
        assertThat(out.get("syspro-invoices").written()).isEqualTo(3);

        String first = book.invoiceOf(invoice("C100", "300001")).orElseThrow();
        String third = book.invoiceOf(invoice("C200", "300003")).orElseThrow();
        book.pay(first, Money.of("1150.00", "USD"));
        book.pay(third, Money.of("25.50", "GBP"));
        for (WebhookEvent e : book.events()) {
          for (WebhookEndpoint endpoint : sync.webhookEndpoints()) {
            WebhookResponse forged = endpoint.handle("acme", Map.of(), e.payload().getBytes(StandardCharsets.UTF_8));
            assertThat(forged.accepted()).as("a delivery without the shared secret").isFalse();
            WebhookResponse r = endpoint.handle("acme", book.headers(), e.payload().getBytes(StandardCharsets.UTF_8));
            assertThat(r.accepted()).as(r.body()).isTrue();
          }
        }
        Map<String, RunReport> back = sync.runOnce("acme");
        assertThat(back.get("ledgerbook-payments").written()).isEqualTo(2);

        assertThat(sim.invoiceBalance("C100", "300001")).isEqualByComparingTo("0");
        assertThat(sim.invoiceBalance("C200", "300003")).isEqualByComparingTo("50.00");
        assertThat(sim.arPayments()).hasSize(2);
        ReceivablesReconciliation report = sync.reconcile("acme");
        assertThat(report.lines()).hasSize(3);
        assertThat(report.allMatched()).as(report.format()).isTrue();

        // the same deliveries again change nothing
        for (WebhookEvent e : book.events()) {
          sync.webhookEndpoints().forEach(ep -> ep.handle("acme", book.headers(), e.payload().getBytes(StandardCharsets.UTF_8)));
        }
        sync.runOnce("acme");
        assertThat(sim.arPayments()).hasSize(2);
      }
    }
  }

  private static ExternalRef invoice(String customer, String number) {
    return SysproRefs.arInvoice("acme", customer, number, "I");
  }
}
