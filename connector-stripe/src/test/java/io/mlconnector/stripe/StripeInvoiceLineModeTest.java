package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeInvoiceLineModeTest {
  private final StripeSimulator sim = Sim.start();

  @AfterEach
  void stop() {
    sim.close();
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static StripeInvoiceRequest request(String ref, String customerId) {
    return new StripeInvoiceRequest(ref, "v1", customerId, "usd", 30, null,
        List.of(
            StripeInvoiceLine.of("Widgets", new BigDecimal("3"), usd("12.50"), usd("37.50")),
            StripeInvoiceLine.of("Freight", usd("10.00")).withTax(usd("1.50"), "VAT 15%", new BigDecimal("15")),
            StripeInvoiceLine.of("Labour", usd("20.00")).withTax(usd("3.00"), "VAT 15%", new BigDecimal("15"))),
        Map.of());
  }

  private List<Map<String, Object>> items(String invoiceId) {
    List<Map<String, Object>> out = new ArrayList<>();
    sim.count("invoiceitem", o -> invoiceId.equals(o.get("invoice")) && out.add(o));
    return out;
  }

  @Test
  void byDefaultAllLinesGoInOneRequest() {
    StripeConnector stripe = Sim.connector(sim);
    assertThat(stripe.config().lineMode()).isEqualTo(InvoiceLineMode.ADD_LINES);
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:L1", "v1", "Lines"), "op-l1").id();
    long before = sim.requestCount();

    StripeInvoice invoice = stripe.createInvoice(request("syspro:invoice:L1", customerId), "op-inv-l1");

    // draft, add_lines, send (which finalizes the draft)
    assertThat(sim.requestCount() - before).isEqualTo(3);
    assertThat(invoice.status()).isEqualTo("open");
    assertThat(invoice.total()).isEqualTo(3750 + 1000 + 150 + 2000 + 300);
    List<Map<String, Object>> items = items(invoice.id());
    assertThat(items).extracting(i -> Sim.map(i.get("metadata")).get(StripeMetadata.LINE))
        .containsExactlyInAnyOrder("0", "1", "2", "tax:1", "tax:2");
    assertThat(items).allSatisfy(i -> assertThat(Sim.map(i.get("metadata"))).containsEntry(StripeMetadata.SOURCE_REF, "syspro:invoice:L1"));
    assertThat(items.stream().filter(i -> "Widgets".equals(i.get("description"))).findFirst().orElseThrow())
        .containsEntry("quantity", 3L)
        .containsEntry("amount", 3750L);
  }

  @Test
  void invoiceItemsModeSendsOneRequestPerLine() {
    StripeConnector stripe = StripeConnector.create(Sim.config(sim).lineMode(InvoiceLineMode.INVOICE_ITEMS).build());
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:L2", "v1", "Items"), "op-l2").id();
    long before = sim.requestCount();

    StripeInvoice invoice = stripe.createInvoice(request("syspro:invoice:L2", customerId), "op-inv-l2");

    // draft, 3 lines + 2 tax lines, send (which finalizes the draft)
    assertThat(sim.requestCount() - before).isEqualTo(7);
    assertThat(invoice.total()).isEqualTo(3750 + 1000 + 150 + 2000 + 300);
    assertThat(items(invoice.id())).hasSize(5);
  }

  @Test
  void aLostAddLinesAnswerDoesNotAddTheLinesTwice() {
    StripeConnector stripe = StripeConnector.create(Sim.config(sim).maxNetworkRetries(0).readTimeout(java.time.Duration.ofMillis(500)).build());
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:L3", "v1", "Lost"), "op-l3").id();
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.path().endsWith("/add_lines"));
    assertThatThrownBy(() -> stripe.createInvoice(request("syspro:invoice:L3", customerId), "op-inv-l3"))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();

    StripeInvoice invoice = stripe.createInvoice(request("syspro:invoice:L3", customerId), "op-inv-l3");

    assertThat(invoice.status()).isEqualTo("open");
    assertThat(invoice.total()).isEqualTo(3750 + 1000 + 150 + 2000 + 300);
    assertThat(items(invoice.id())).hasSize(5);
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, "syspro:invoice:L3")).isEqualTo(1);
  }
}
