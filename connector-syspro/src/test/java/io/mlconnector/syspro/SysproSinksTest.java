package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysproSinksTest {

  private static final String T = "acme";
  private SimFixture f;
  private SysproClient client;
  private SysproSync sync;

  @BeforeEach
  void start() {
    f = new SimFixture();
    f.seedLedgers();
    client = f.client();
    sync = SysproSync.builder(client).build();
  }

  @AfterEach
  void stop() {
    client.close();
    assertThat(f.sim.seatsInUse()).isZero();
    f.close();
  }

  private static WriteContext ctx(ExternalRef source) {
    return new WriteContext(T, "flow", "op-" + source.id(), source, "v1");
  }

  private static ExternalRef invoice() {
    return SysproRefs.arInvoice(T, "CUS001", "100234", "I");
  }

  @Test
  void paymentPostsOnceAndIsFoundByTheChargeId() {
    ExternalRef charge = ExternalRef.of("stripe", T, "charge", "ch_3PaYmEnT0001");
    Payment p =
        SimFixture.cardPayment(charge, "400.00", invoice(), "400.00")
            .reference("ch_3PaYmEnT0001")
            .build();
    Sink<Payment> sink = sync.payments();
    assertThat(sink.findByStamp(charge, ctx(charge))).isEmpty();

    WriteResult written = sink.create(p, ctx(charge));

    assertThat(written.target().type()).isEqualTo(SysproRefs.AR_PAYMENT);
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("750.00");
    assertThat(f.sim.arPaymentsWithReference("ch_3PaYmEnT0001")).hasSize(1);
    assertThat(sink.findByStamp(charge, ctx(charge)))
        .hasValueSatisfying(found -> assertThat(found.target()).isEqualTo(written.target()));
  }

  @Test
  void unappliedOrForeignPaymentsAreRefusedWithAReason() {
    ExternalRef charge = ExternalRef.of("stripe", T, "charge", "ch_partial");
    Payment partial =
        SimFixture.cardPayment(charge, "500.00", invoice(), "400.00").build();
    assertThatThrownBy(() -> sync.payments().create(partial, ctx(charge)))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("unapplied");

    Payment tooLong =
        partial.toBuilder().party(SysproRefs.customer(T, "CUSTOMER-CODE-TOO-LONG")).build();
    assertThatThrownBy(() -> sync.payments().create(tooLong, ctx(charge)))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("more than the 15 allowed");

    Payment stripeParty =
        partial.toBuilder().party(ExternalRef.of("stripe", T, "customer", "cus_1")).build();
    assertThatThrownBy(() -> sync.payments().create(stripeParty, ctx(charge)))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("syspro customer");
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");
  }

  @Test
  void refundReopensTheInvoiceByAnAdjustment() {
    payFull();
    ExternalRef refundRef = ExternalRef.of("stripe", T, "refund", "re_3RefUnd0001");
    Refund r =
        Refund.builder()
            .ref(refundRef)
            .version("1")
            .party(SysproRefs.customer(T, "CUS001"))
            .invoice(invoice())
            .amount(Money.of("100.00", "USD"))
            .date(LocalDate.of(2024, 1, 20))
            .build();
    WriteResult w = sync.refunds().create(r, ctx(refundRef));
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("100.00");
    assertThat(sync.refunds().findByStamp(refundRef, ctx(refundRef)))
        .hasValueSatisfying(found -> assertThat(found.target()).isEqualTo(w.target()));
    assertThat(f.sim.arPaymentsWithReference("re_3RefUnd0001")).hasSize(1);
  }

  @Test
  void disputeWithdrawsThenReversesOnceWhenWon() {
    payFull();
    ExternalRef du = ExternalRef.of("stripe", T, "dispute", "du_3DiSpUtE0001");
    ExternalRef charge = ExternalRef.of("stripe", T, "charge", "ch_full");
    Dispute open =
        Dispute.builder()
            .ref(du)
            .version("1")
            .payment(charge)
            .party(SysproRefs.customer(T, "CUS001"))
            .invoice(invoice())
            .status(Dispute.Status.NEEDS_RESPONSE)
            .reason(Dispute.Reason.FRAUDULENT)
            .amount(Money.of("1150.00", "USD"))
            .openedOn(LocalDate.of(2024, 1, 21))
            .build();
    WriteResult w = sync.disputes().create(open, ctx(du));
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");
    assertThat(f.sim.arPaymentsWithReference("du_3DiSpUtE0001")).hasSize(1);
    assertThat(sync.disputes().findByStamp(du, ctx(du)))
        .hasValueSatisfying(found -> assertThat(found.target()).isEqualTo(w.target()));

    Dispute won =
        new Dispute(
            du,
            "2",
            charge,
            open.party(),
            open.invoice(),
            Dispute.Status.WON,
            open.reason(),
            null,
            open.amount(),
            open.openedOn(),
            null,
            null);
    sync.disputes().update(w.target(), won, ctx(du));
    sync.disputes().update(w.target(), won, ctx(du));
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("0.00");
    assertThat(f.sim.arPaymentsWithReference("du_3DiSpUtE0001-W")).hasSize(1);
  }

  @Test
  void apInvoicePostsAndASecondCreateAdoptsIt() {
    ExternalRef bill = ExternalRef.of("stampli", T, "invoice", "stp-7781");
    Invoice inv =
        Invoice.builder()
            .ref(bill)
            .version("1")
            .vendor(SysproRefs.supplier(T, "SUP001"))
            .number("INV-88712")
            .status(Invoice.Status.OPEN)
            .issueDate(LocalDate.of(2024, 1, 15))
            .currency("USD")
            .addLine(
                InvoiceLine.builder()
                    .number(1)
                    .description("Paper")
                    .amount(Money.of("1000.00", "USD"))
                    .taxAmount(Money.of("150.00", "USD"))
                    .glAccount(SysproRefs.glAccount(T, "00-5100"))
                    .build())
            .build();
    Sink<Invoice> sink = sync.apInvoices();
    WriteResult first = sink.create(inv, ctx(bill));
    assertThat(first.target()).isEqualTo(SysproRefs.apInvoice(T, "SUP001", "INV-88712"));
    assertThat(sink.findByStamp(bill, ctx(bill)))
        .hasValueSatisfying(w -> assertThat(w.target()).isEqualTo(first.target()));
    assertThat(sink.create(inv, ctx(bill)).target()).isEqualTo(first.target());
    assertThat(f.sim.apInvoiceCount()).isEqualTo(1);

    Invoice paid = inv.toBuilder().version("2").status(Invoice.Status.PAID).build();
    assertThat(sink.update(first.target(), paid, ctx(bill)).target()).isEqualTo(first.target());
    Invoice changed =
        inv.toBuilder()
            .version("3")
            .lines(
                List.of(
                    InvoiceLine.builder()
                        .number(1)
                        .description("Paper")
                        .amount(Money.of("900.00", "USD"))
                        .glAccount(SysproRefs.glAccount(T, "00-5100"))
                        .build()))
            .build();
    assertThatThrownBy(() -> sink.update(first.target(), changed, ctx(bill)))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("posted for 1150.00");
  }

  @Test
  void journalPostsBalancedAndIsFoundByItsReference() {
    ExternalRef fee = ExternalRef.of("stripe", T, "balance_transaction", "txn_3FeE0001");
    JournalEntry je =
        JournalEntry.builder()
            .ref(fee)
            .version("1")
            .postingDate(LocalDate.of(2024, 1, 31))
            .currency("USD")
            .description("Stripe fees January")
            .reference("txn_3FeE0001")
            .debit(SysproRefs.glAccount(T, "00-5100"), Money.of("12.30", "USD"))
            .credit(SysproRefs.glAccount(T, "00-2300"), Money.of("12.30", "USD"))
            .build();
    WriteResult w = sync.journals().create(je, ctx(fee));
    assertThat(f.sim.glJournals()).hasSize(1);
    assertThat(sync.journals().findByStamp(fee, ctx(fee)))
        .hasValueSatisfying(found -> assertThat(found.target()).isEqualTo(w.target()));
  }

  @Test
  void supplierIsAddedUnderADerivedCodeThenUpdated() {
    ExternalRef vendorRef = ExternalRef.of("stampli", T, "vendor", "v-42");
    Vendor v =
        Vendor.builder().ref(vendorRef).version("1").name("Ink Works").currency("USD").build();
    Sink<Vendor> sink = sync.supplierSink();
    WriteResult w = sink.create(v, ctx(vendorRef));
    assertThat(w.target().id()).isEqualTo("V42");
    assertThat(f.sim.supplier("V42")).isPresent();
    assertThat(sink.findByStamp(vendorRef, ctx(vendorRef))).isPresent();
    sink.update(w.target(), v.toBuilder().name("Ink Works Ltd").build(), ctx(vendorRef));
    assertThat(f.sim.supplier("V42").orElseThrow().name()).isEqualTo("Ink Works Ltd");
  }

  private void payFull() {
    ExternalRef charge = ExternalRef.of("stripe", T, "charge", "ch_full");
    sync.payments()
        .create(
            SimFixture.cardPayment(charge, "1150.00", invoice(), "1150.00").build(),
            ctx(charge));
    assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("0");
  }
}
