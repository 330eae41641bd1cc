package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TaxMode#AS_TAX_AMOUNTS} end to end: lines added with {@code add_lines}, tax counted as tax. */
class StripeTaxAmountsTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = StripeConnector.create(Sim.config(sim).taxMode(TaxMode.AS_TAX_AMOUNTS).build());
  private String customerId;

  @BeforeEach
  void customer() {
    customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:T1", "v1", "Taxed"), "op-t1").id();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private StripeInvoiceRequest request(String ref) {
    return new StripeInvoiceRequest(ref, "v1", customerId, "eur", 14, null,
        List.of(
            StripeInvoiceLine.of("Consulting", Money.of("100.00", "EUR")).withTax(Money.of("20.00", "EUR"), "VAT 20%", new BigDecimal("20")),
            StripeInvoiceLine.of("Books", Money.of("50.00", "EUR")).withTax(Money.of("2.50", "EUR"), "VAT 5%", new BigDecimal("5")),
            StripeInvoiceLine.of("Exempt service", Money.of("10.00", "EUR"))),
        Map.of());
  }

  @Test
  void theTaxIsInvoiceTaxNotExtraLines() throws Exception {
    StripeInvoice inv = stripe.createInvoice(request("syspro:invoice:T100"), "op-t100");

    assertThat(inv.status()).isEqualTo("open");
    assertThat(inv.total()).isEqualTo(18250);
    assertThat(inv.amountDue()).isEqualTo(18250);
    Invoice raw = com.stripe.StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl()).build().v1().invoices().retrieve(inv.id());
    assertThat(raw.getSubtotal()).isEqualTo(16000L);
    assertThat(raw.getTotalExcludingTax()).isEqualTo(16000L);
    assertThat(raw.getTotalTaxes()).extracting(Invoice.TotalTax::getAmount).containsExactlyInAnyOrder(2000L, 250L);
    List<InvoiceLineItem> lines = raw.getLines().getData();
    assertThat(lines).extracting(InvoiceLineItem::getAmount).containsExactly(10000L, 5000L, 1000L);
    assertThat(lines).extracting(l -> l.getMetadata().get(StripeMetadata.LINE)).containsExactly("0", "1", "2");
    assertThat(lines.get(0).getTaxes()).singleElement().satisfies(t -> {
      assertThat(t.getAmount()).isEqualTo(2000L);
      assertThat(t.getTaxableAmount()).isEqualTo(10000L);
    });
    assertThat(lines.get(2).getTaxes()).isEmpty();
    assertThat(sim.countWithMetadata("invoiceitem", StripeMetadata.SOURCE_REF, "syspro:invoice:T100")).isEqualTo(3);

    String chargeId = sim.payInvoice(inv.id());
    assertThat(stripe.reads().retrieveCharge(chargeId).getAmount()).isEqualTo(18250L);
  }

  @Test
  void aLostAnswerToAddLinesAddsTheLinesOnce() {
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.path().endsWith("/add_lines"));
    assertThatThrownBy(() -> stripe.createInvoice(request("syspro:invoice:T101"), "op-t101")).isInstanceOf(TransientException.class);
    sim.faults().reset();

    StripeInvoice inv = stripe.createInvoice(request("syspro:invoice:T101"), "op-t101");

    assertThat(inv.total()).isEqualTo(18250);
    assertThat(sim.countWithMetadata("invoiceitem", StripeMetadata.SOURCE_REF, "syspro:invoice:T101")).isEqualTo(3);
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, "syspro:invoice:T101")).isEqualTo(1);
  }
}
