package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.CreditNote;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.param.CreditNoteCreateParams;
import com.stripe.param.CreditNoteListParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credit notes: pre-payment notes lower an open invoice's amount due (and pay it at zero),
 * post-payment notes go back as a balance credit, refund or out of band; amounts are bounded and
 * drafts, void and uncollectible invoices are refused.
 */
class StripeSimulatorCreditNotesTest {

  private static CreditNoteCreateParams.Line custom(long amount) {
    return CreditNoteCreateParams.Line.builder()
        .setType(CreditNoteCreateParams.Line.Type.CUSTOM_LINE_ITEM)
        .setDescription("Adjustment")
        .setQuantity(1L)
        .setUnitAmount(amount)
        .build();
  }

  @Test
  void aCreditNoteOnAnOpenInvoiceLowersWhatIsDue() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(3).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-CN1").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-CN1").getId());

      CreditNote note = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
          .setInvoice(inv.getId()).addLine(custom(1500L)).setMemo("price agreed lower")
          .putMetadata("erp_ref", "INV-CN1").build());

      assertThat(note.getId()).startsWith("cn_");
      assertThat(note.getType()).isEqualTo("pre_payment");
      assertThat(note.getStatus()).isEqualTo("issued");
      assertThat(note.getAmount()).isEqualTo(1500L);
      assertThat(note.getPrePaymentAmount()).isEqualTo(1500L);
      assertThat(note.getNumber()).isEqualTo(inv.getNumber() + "-CN-01");
      assertThat(note.getLines().getData()).singleElement()
          .satisfies(l -> assertThat(l.getType()).isEqualTo("custom_line_item"))
          .satisfies(l -> assertThat(l.getAmount()).isEqualTo(1500L));
      assertThat(note.getMetadata()).containsEntry("erp_ref", "INV-CN1");

      Invoice after = stripe.v1().invoices().retrieve(inv.getId());
      assertThat(after.getStatus()).isEqualTo("open");
      assertThat(after.getTotal()).isEqualTo(6500L);
      assertThat(after.getAmountDue()).isEqualTo(5000L);
      assertThat(after.getAmountRemaining()).isEqualTo(5000L);
      assertThat(after.getPrePaymentCreditNotesAmount()).isEqualTo(1500L);
      assertThat(sim.events()).extracting(e -> e.get("type")).contains("credit_note.created");

      assertThat(stripe.v1().creditNotes().list(CreditNoteListParams.builder().setInvoice(inv.getId()).build())
          .getData()).extracting(CreditNote::getId).containsExactly(note.getId());
      // paying now collects only what is left
      String chargeId = sim.payInvoice(inv.getId());
      assertThat(stripe.v1().charges().retrieve(chargeId).getAmount()).isEqualTo(5000L);
    }
  }

  @Test
  void creditingTheWholeAmountDueMarksTheInvoicePaidAndVoidingANoteGivesItBack() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(4).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-CN2").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-CN2").getId());
      CreditNote part = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
          .setInvoice(inv.getId()).addLine(custom(500L)).build());

      CreditNote voided = stripe.v1().creditNotes().voidCreditNote(part.getId());
      assertThat(voided.getStatus()).isEqualTo("void");
      assertThat(voided.getVoidedAt()).isNotNull();
      assertThat(stripe.v1().invoices().retrieve(inv.getId()).getAmountDue()).isEqualTo(6500L);

      CreditNote rest = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
          .setInvoice(inv.getId()).addLine(custom(6500L)).build());
      assertThat(rest.getNumber()).endsWith("-CN-02");
      Invoice after = stripe.v1().invoices().retrieve(inv.getId());
      assertThat(after.getStatus()).isEqualTo("paid");
      assertThat(after.getAmountRemaining()).isZero();
      assertThat(after.getAmountPaid()).isZero();
      assertThat(sim.events()).extracting(e -> e.get("type")).contains("credit_note.voided", "invoice.paid");
    }
  }

  @Test
  void aCreditNoteCannotExceedWhatIsLeftToCredit() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(5).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-CN3").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-CN3").getId());
      stripe.v1().creditNotes().create(CreditNoteCreateParams.builder().setInvoice(inv.getId()).addLine(custom(6000L)).build());

      assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
              .setInvoice(inv.getId()).addLine(custom(501L)).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("exceeds the amount that can still be credited")
          .hasMessageContaining("(500)");
      // an invoice line cannot be credited for more than it was
      String lineId = inv.getLines().getData().get(1).getId();
      assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
              .setInvoice(inv.getId())
              .addLine(CreditNoteCreateParams.Line.builder().setType(CreditNoteCreateParams.Line.Type.INVOICE_LINE_ITEM)
                  .setInvoiceLineItem(lineId).setAmount(4001L).build())
              .build()))
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(((InvalidRequestException) e).getParam()).isEqualTo("lines[0][amount]"));
      assertThat(sim.count("credit_note", n -> true)).isEqualTo(1);
      assertThat(stripe.v1().invoices().retrieve(inv.getId()).getAmountDue()).isEqualTo(500L);
    }
  }

  @Test
  void onlyOpenOrPaidInvoicesTakeCreditNotes() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(6).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-CN4").getId();
      Invoice draft = draftInvoice(stripe, customerId, "INV-CN4a");
      Invoice voided = stripe.v1().invoices().voidInvoice(
          stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-CN4b").getId()).getId());
      Invoice uncollectible = stripe.v1().invoices().markUncollectible(
          stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-CN4c").getId()).getId());

      for (Invoice inv : List.of(draft, voided, uncollectible)) {
        assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(inv.getId()).addLine(custom(100L)).build()))
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("open or paid")
            .hasMessageContaining(inv.getStatus());
      }
      assertThat(sim.count("credit_note", n -> true)).isZero();
    }
  }

  @Test
  void onAPaidInvoiceTheCreditGoesToTheBalanceOrBackAsARefund() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(7).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-CN5").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-CN5").getId());
      String chargeId = sim.payInvoice(inv.getId());

      CreditNote toBalance = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
          .setInvoice(inv.getId()).addLine(custom(1000L)).build());
      assertThat(toBalance.getType()).isEqualTo("post_payment");
      assertThat(toBalance.getPostPaymentAmount()).isEqualTo(1000L);
      assertThat(toBalance.getCustomerBalanceTransaction()).isNotNull();
      assertThat(stripe.v1().customers().retrieve(customerId).getBalance()).isEqualTo(-1000L);

      CreditNote refunded = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
          .setInvoice(inv.getId()).addLine(custom(2000L)).setRefundAmount(2000L).build());
      assertThat(refunded.getRefunds()).singleElement().satisfies(r -> assertThat(r.getAmountRefunded()).isEqualTo(2000L));
      Charge charge = stripe.v1().charges().retrieve(chargeId);
      assertThat(charge.getAmountRefunded()).isEqualTo(2000L);

      Invoice after = stripe.v1().invoices().retrieve(inv.getId());
      assertThat(after.getStatus()).isEqualTo("paid");
      assertThat(after.getPostPaymentCreditNotesAmount()).isEqualTo(3000L);
      assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
              .setInvoice(inv.getId()).addLine(custom(100L)).setRefundAmount(50L).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("must equal the credit note amount");
      assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
              .setInvoice(inv.getId()).addLine(custom(3501L)).build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("(3500)");
      Customer c = stripe.v1().customers().retrieve(customerId);
      assertThat(c.getBalance()).isEqualTo(-1000L);
      assertThat(sim.events().stream().filter(e -> "credit_note.created".equals(e.get("type"))).count()).isEqualTo(2);
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) sim.events().stream()
          .filter(e -> "credit_note.created".equals(e.get("type"))).findFirst().orElseThrow().get("data");
      assertThat(data.get("object")).isInstanceOf(Map.class);
    }
  }
}
