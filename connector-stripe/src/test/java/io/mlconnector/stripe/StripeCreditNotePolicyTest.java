package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OpenInvoicePolicy#CREDIT_NOTE_FOR_DECREASE} end to end against the simulator's credit notes. */
class StripeCreditNotePolicyTest {
  private static final String REF = "syspro:invoice:CN1";
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe =
      StripeConnector.create(Sim.config(sim).openInvoicePolicy(OpenInvoicePolicy.CREDIT_NOTE_FOR_DECREASE).build());
  private String customerId;
  private StripeInvoice issued;

  @BeforeEach
  void issue() {
    customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C1", "v1", "Acme"), "op-c1").id();
    issued = stripe.createInvoice(request("v1", "100.00"), "op-v1");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private StripeInvoiceRequest request(String version, String amount) {
    return new StripeInvoiceRequest(REF, version, customerId, "usd", 30, "Invoice " + version,
        List.of(StripeInvoiceLine.of("Work", Money.of(amount, "USD"))), Map.of());
  }

  private List<Map<String, Object>> creditNotes() {
    java.util.ArrayList<Map<String, Object>> out = new java.util.ArrayList<>();
    sim.count("credit_note", n -> out.add(n));
    return out;
  }

  @Test
  void eachDecreaseCreditsOnlyItsOwnStepAndTheInvoiceStaysTheSame() {
    InvoiceChange first = stripe.changeInvoice(issued.id(), request("v2", "80.00"), "op-v2");

    assertThat(first.outcome()).isEqualTo(InvoiceChange.Outcome.CREDITED);
    assertThat(first.creditNoteId()).startsWith("cn_");
    assertThat(first.invoice().id()).isEqualTo(issued.id());
    assertThat(first.invoice().amountDue()).isEqualTo(8000);
    assertThat(first.invoice().sourceVersion()).isEqualTo("v2");
    Map<String, Object> note = sim.object(first.creditNoteId());
    assertThat(note.get("amount")).isEqualTo(2000L);
    assertThat(note.get("type")).isEqualTo("pre_payment");
    assertThat(note.get("memo")).isEqualTo("Invoice v2");
    assertThat(Sim.map(note.get("metadata"))).containsEntry(StripeMetadata.SOURCE_REF, REF);

    InvoiceChange second = stripe.changeInvoice(issued.id(), request("v3", "70.00"), "op-v3");

    assertThat(second.outcome()).isEqualTo(InvoiceChange.Outcome.CREDITED);
    assertThat(sim.object(second.creditNoteId()).get("amount")).isEqualTo(1000L);
    assertThat(second.invoice().amountDue()).isEqualTo(7000);
    assertThat(stripe.changeInvoice(issued.id(), request("v3", "70.00"), "op-v3b").outcome())
        .isEqualTo(InvoiceChange.Outcome.UNCHANGED);
    assertThat(creditNotes()).hasSize(2);
    assertThat(sim.count("invoice", i -> true)).isEqualTo(1);
    assertThat(sim.events()).extracting(e -> e.get("type")).doesNotContain("invoice.voided");

    // the customer pays what is left
    String chargeId = sim.payInvoice(issued.id());
    assertThat(stripe.reads().retrieveCharge(chargeId).getAmount()).isEqualTo(7000L);
  }

  @Test
  void anIncreaseAfterACreditIsVoidAndReissue() {
    stripe.changeInvoice(issued.id(), request("v2", "80.00"), "op-v2");

    InvoiceChange up = stripe.changeInvoice(issued.id(), request("v3", "90.00"), "op-v3");

    assertThat(up.outcome()).isEqualTo(InvoiceChange.Outcome.REISSUED);
    assertThat(up.replacedInvoiceId()).isEqualTo(issued.id());
    assertThat(up.invoice().total()).isEqualTo(9000);
    assertThat(sim.object(issued.id()).get("status")).isEqualTo("void");
    assertThat(creditNotes()).hasSize(1);
  }

  @Test
  void anUncollectibleInvoiceIsNotCreditedButReissued() throws Exception {
    com.stripe.StripeClient raw =
        com.stripe.StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl()).build();
    raw.v1().invoices().markUncollectible(issued.id());

    InvoiceChange change = stripe.changeInvoice(issued.id(), request("v2", "80.00"), "op-v2");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.REISSUED);
    assertThat(change.invoice().total()).isEqualTo(8000);
    assertThat(creditNotes()).isEmpty();
  }

  @Test
  void aDecreaseToWhatIsAlreadyPaidCreditsTheRestAndStripeMarksItPaid() {
    sim.payInvoice(issued.id(), 3000L);

    InvoiceChange change = stripe.changeInvoice(issued.id(), request("v2", "30.00"), "op-v2");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.CREDITED);
    assertThat(sim.object(change.creditNoteId()).get("amount")).isEqualTo(7000L);
    assertThat(change.invoice().status()).isEqualTo("paid");
    assertThat(change.invoice().amountPaid()).isEqualTo(3000);
  }

  @Test
  void aLostAnswerToTheCreditNoteIsRepairedWithoutASecondNote() {
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.path().equals("/v1/credit_notes"));
    assertThatThrownBy(() -> stripe.changeInvoice(issued.id(), request("v2", "80.00"), "op-v2"))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();
    assertThat(creditNotes()).hasSize(1);

    InvoiceChange change = stripe.changeInvoice(issued.id(), request("v2", "80.00"), "op-v2");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.CREDITED);
    assertThat(creditNotes()).singleElement().satisfies(n -> assertThat(n.get("id")).isEqualTo(change.creditNoteId()));
    assertThat(change.invoice().amountDue()).isEqualTo(8000);
  }

  @Test
  void aPartlyPaidInvoiceThatWouldNeedVoidingIsLeftToAPerson() {
    sim.payInvoice(issued.id(), 3000L);

    assertThatThrownBy(() -> stripe.changeInvoice(issued.id(), request("v2", "120.00"), "op-v2"))
        .isInstanceOf(io.mlconnector.core.error.ConflictException.class)
        .hasMessageContaining("partly paid (3000 of 10000");
    assertThatThrownBy(() -> stripe.cancelInvoice(issued.id(), "op-cancel"))
        .isInstanceOf(io.mlconnector.core.error.ConflictException.class)
        .hasMessageContaining("ERP cancellation needs a person");
    assertThat(sim.object(issued.id()).get("status")).isEqualTo("open");
    assertThat(sim.count("invoice", i -> true)).isEqualTo(1);
    // a decrease that stays within what is still due is still credited
    assertThat(stripe.changeInvoice(issued.id(), request("v2", "90.00"), "op-v2b").outcome())
        .isEqualTo(InvoiceChange.Outcome.CREDITED);
  }
}
