package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.param.InvoiceAddLinesParams;
import com.stripe.param.InvoiceCreateParams;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/invoices/{id}/add_lines}: drafts only; {@code tax_amounts} count as tax. */
class StripeSimulatorAddLinesTest {

  private static InvoiceAddLinesParams.Line line(String description, long amount, Long tax, boolean inclusive) {
    InvoiceAddLinesParams.Line.Builder l = InvoiceAddLinesParams.Line.builder()
        .setAmount(amount).setDescription(description).putMetadata("erp_line", description);
    if (tax != null) {
      l.addTaxAmount(InvoiceAddLinesParams.Line.TaxAmount.builder()
          .setAmount(tax)
          .setTaxableAmount(amount)
          .setTaxRateData(InvoiceAddLinesParams.Line.TaxAmount.TaxRateData.builder()
              .setDisplayName("VAT").setInclusive(inclusive).setPercentage(new BigDecimal("20")).build())
          .build());
    }
    return l.build();
  }

  @Test
  void linesWithTaxAmountsAddUpToSubtotalTaxAndTotal() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(11).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-AL1").getId();
      Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customerId)
          .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(14L)
          .setCurrency("eur").build());

      Invoice inv = stripe.v1().invoices().addLines(draft.getId(), InvoiceAddLinesParams.builder()
          .addLine(line("Consulting", 10000L, 2000L, false))
          .addLine(line("Travel", 5000L, null, false))
          .build());

      assertThat(inv.getSubtotal()).isEqualTo(15000L);
      assertThat(inv.getTotalExcludingTax()).isEqualTo(15000L);
      assertThat(inv.getTotal()).isEqualTo(17000L);
      assertThat(inv.getAmountDue()).isEqualTo(17000L);
      assertThat(inv.getTotalTaxes()).singleElement().satisfies(t -> {
        assertThat(t.getAmount()).isEqualTo(2000L);
        assertThat(t.getTaxableAmount()).isEqualTo(10000L);
        assertThat(t.getTaxBehavior()).isEqualTo("exclusive");
        assertThat(t.getTaxRateDetails().getTaxRate()).startsWith("txr_");
      });
      InvoiceLineItem consulting = inv.getLines().getData().get(0);
      assertThat(consulting.getAmount()).isEqualTo(10000L);
      assertThat(consulting.getMetadata()).containsEntry("erp_line", "Consulting");
      assertThat(consulting.getTaxes()).singleElement().satisfies(t -> assertThat(t.getAmount()).isEqualTo(2000L));
      assertThat(inv.getLines().getData().get(1).getTaxes()).isEmpty();
      // each line is an invoice item on the invoice, as with POST /v1/invoiceitems
      assertThat(sim.count("invoiceitem", i -> draft.getId().equals(i.get("invoice")))).isEqualTo(2);

      Invoice open = stripe.v1().invoices().finalizeInvoice(draft.getId());
      assertThat(open.getAmountDue()).isEqualTo(17000L);
      String chargeId = sim.payInvoice(open.getId());
      assertThat(stripe.v1().charges().retrieve(chargeId).getAmount()).isEqualTo(17000L);
    }
  }

  @Test
  void inclusiveTaxIsInsideTheAmount() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(12).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-AL2").getId();
      Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customerId)
          .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(14L)
          .setCurrency("eur").build());

      Invoice inv = stripe.v1().invoices().addLines(draft.getId(), InvoiceAddLinesParams.builder()
          .addLine(line("Gross priced", 12000L, 2000L, true)).build());

      assertThat(inv.getTotal()).isEqualTo(12000L);
      assertThat(inv.getTotalExcludingTax()).isEqualTo(10000L);
      assertThat(inv.getTotalTaxes()).singleElement().satisfies(t -> assertThat(t.getTaxBehavior()).isEqualTo("inclusive"));
    }
  }

  @Test
  void onlyDraftsTakeLinesAndABadLineAddsNothing() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(13).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-AL3").getId();
      Invoice draft = draftInvoice(stripe, customerId, "INV-AL3");
      long itemsBefore = sim.count("invoiceitem", i -> true);

      InvoiceAddLinesParams noRate = InvoiceAddLinesParams.builder()
          .addLine(line("Fine", 100L, null, false))
          .addLine(InvoiceAddLinesParams.Line.builder().setAmount(100L).setDescription("Bad")
              .addTaxAmount(InvoiceAddLinesParams.Line.TaxAmount.builder().setAmount(20L).setTaxableAmount(100L).build())
              .build())
          .build();
      assertThatThrownBy(() -> stripe.v1().invoices().addLines(draft.getId(), noRate))
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(((InvalidRequestException) e).getParam())
              .isEqualTo("lines[1][tax_amounts][0][tax_rate_data]"));
      assertThat(sim.count("invoiceitem", i -> true)).isEqualTo(itemsBefore);
      assertThat(stripe.v1().invoices().retrieve(draft.getId()).getTotal()).isEqualTo(6500L);

      Invoice open = stripe.v1().invoices().finalizeInvoice(draft.getId());
      assertThatThrownBy(() -> stripe.v1().invoices().addLines(open.getId(), InvoiceAddLinesParams.builder()
              .addLine(line("Late", 100L, null, false)).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("draft")
          .satisfies(e -> assertThat(((InvalidRequestException) e).getCode()).isEqualTo("invoice_not_editable"));
    }
  }
}
