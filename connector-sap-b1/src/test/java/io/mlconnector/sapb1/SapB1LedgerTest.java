package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.testkit.http.Fault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SapB1LedgerTest {

  private static ExternalRef stripe(String type, String id) {
    return ExternalRef.of("stripe", "acme", type, id);
  }

  private static WriteContext ctx(ExternalRef source) {
    return new WriteContext("acme", "flow", "op-" + source.id(), source, "1");
  }

  private static Payment payment(String id, long docEntry, String amount, String currency) {
    return Payment.builder().ref(stripe("payment", id)).version("1").direction(Payment.Direction.RECEIVED)
        .status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD).amount(Money.of(amount, currency))
        .date(LocalDate.of(2026, 3, 3))
        .apply(SapB1Refs.invoice("acme", docEntry), Money.of(amount, currency)).build();
  }

  @Test
  void customersAndInvoicesComeOutAsCanonicalRecordsInChangeOrder() {
    try (SimFixture f = new SimFixture(b -> b.vatRate("S1", 20))) {
      f.sim.addBusinessPartner(Map.of("CardCode", "C1", "CardName", "Acme", "EmailAddress", "ap@acme.test",
          "Currency", "EUR", "FederalTaxID", "DE123", "City", "Berlin", "Country", "DE", "PayTermsGrpCode", 3));
      f.sim.addBusinessPartner(Map.of("CardCode", "S1", "CardName", "Vendor", "CardType", "cSupplier"));
      f.sim.advance(Duration.ofSeconds(5));
      long doc = ((Number) f.sim.addInvoice(Map.of("CardCode", "C1", "NumAtCard", "PO-1", "DocumentLines", List.of(
          Map.of("ItemCode", "A", "ItemDescription", "Widget", "Quantity", 3, "Price", 10, "VatGroup", "S1")))).get("DocEntry"))
          .longValue();
      SapB1Ledger ledger = SapB1Ledger.of(f.client(true));
      SourcePage<Customer> cs = ledger.customers().read(new PollRequest(null, Duration.ZERO, 10));
      assertThat(cs.records()).singleElement().satisfies(c -> {
        assertThat(c.ref()).isEqualTo(SapB1Refs.customer("acme", "C1"));
        assertThat(c.email()).isEqualTo("ap@acme.test");
        assertThat(c.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(c.taxId()).isEqualTo("DE123");
        assertThat(c.paymentTerms()).isEqualTo("3");
        assertThat(c.billingAddress().city()).isEqualTo("Berlin");
      });
      assertThat(cs.next()).isEqualTo(Checkpoint.of("2026-03-02T09:00:00", "C1"));
      assertThat(ledger.customers().read(new PollRequest(cs.next(), Duration.ZERO, 10)).records()).isEmpty();

      SourcePage<Invoice> is = ledger.invoices().read(new PollRequest(null, Duration.ZERO, 10));
      Invoice inv = is.records().get(0);
      assertThat(inv.ref()).isEqualTo(SapB1Refs.invoice("acme", doc));
      assertThat(inv.currency().getCurrencyCode()).isEqualTo("EUR");
      assertThat(inv.total()).isEqualTo(Money.of("36.00", "EUR")); // in the document's currency, not local
      assertThat(inv.taxTotal()).isEqualTo(Money.of("6.00", "EUR"));
      assertThat(inv.lines()).singleElement().satisfies(l -> assertThat(l.description()).isEqualTo("Widget"));
      assertThat(inv.purchaseOrder()).isEqualTo("PO-1");
      assertThat(inv.status()).isEqualTo(Invoice.Status.OPEN);
      assertThat(is.next().tieBreaker()).isEqualTo(String.format("%012d", doc));
      assertThat(ledger.invoices().fetch(inv.ref())).contains(inv);
    }
  }

  @Test
  void aPaymentIsPostedOnceAndFoundByItsStampAfterALostAnswer() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long doc = f.sim.addInvoice("C1", "A", 1, 100);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(false));
      Payment p = payment("pi_1", doc, "40.00", "USD");
      assertThat(ledger.payments().findByStamp(p.ref(), ctx(p.ref()))).isEmpty();
      f.sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT,
          r -> r.method().equals("POST") && r.path().endsWith("/IncomingPayments"));
      assertThatThrownBy(() -> ledger.payments().create(p, ctx(p.ref()))).isInstanceOf(OutcomeUnknownException.class);
      f.sim.faults().reset();
      WriteResult found = ledger.payments().findByStamp(p.ref(), ctx(p.ref())).orElseThrow();
      assertThat(found.target().type()).isEqualTo(SapB1Refs.INCOMING_PAYMENT);
      List<Map<String, Object>> payments = f.sim.all("IncomingPayments");
      assertThat(payments).singleElement().satisfies(m -> {
        assertThat(m.get("Remarks")).isEqualTo("mlc:stripe:payment:pi_1");
        assertThat(m.get("TransferAccount")).isEqualTo("1020");
      });
      assertThat(f.sim.invoice(doc).get("PaidToDate")).isEqualTo(40.0);
      Invoice inv = ledger.invoices().fetch(SapB1Refs.invoice("acme", doc)).orElseThrow();
      assertThat(ledger.openBalance(inv)).isEqualTo(Money.of("60.00", "USD"));
    }
  }

  @Test
  void onePaymentOfSeveralInvoicesIsOneIncomingPaymentAppliedToEach() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long first = f.sim.addInvoice("C1", "A", 1, 100);
      long second = f.sim.addInvoice("C1", "B", 1, 50);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(true));
      Payment p = Payment.builder().ref(stripe("payment", "pi_3")).version("1").direction(Payment.Direction.RECEIVED)
          .status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD).amount(Money.of("120.00", "USD"))
          .date(LocalDate.of(2026, 3, 3))
          .apply(SapB1Refs.invoice("acme", first), Money.of("100.00", "USD"))
          .apply(SapB1Refs.invoice("acme", second), Money.of("20.00", "USD")).build();

      ledger.payments().create(p, ctx(p.ref()));

      assertThat(f.sim.all("IncomingPayments")).singleElement().satisfies(m -> {
        assertThat(m.get("Remarks")).isEqualTo("mlc:stripe:payment:pi_3");
        assertThat((List<?>) m.get("PaymentInvoices")).hasSize(2);
        assertThat(((Number) m.get("TransferSum")).doubleValue()).isEqualTo(120.0);
      });
      assertThat(f.sim.invoice(first).get("DocumentStatus")).isEqualTo("bost_Close");
      assertThat(f.sim.invoice(second).get("PaidToDate")).isEqualTo(20.0);
      Invoice open = ledger.invoices().fetch(SapB1Refs.invoice("acme", second)).orElseThrow();
      assertThat(ledger.openBalance(open)).isEqualTo(Money.of("30.00", "USD"));
    }
  }

  @Test
  void aPaymentLargerThanTheOpenBalanceIsRefusedWithSapsReason() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long doc = f.sim.addInvoice("C1", "A", 1, 100);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(true));
      Payment p = payment("pi_2", doc, "150.00", "USD");
      assertThatThrownBy(() -> ledger.payments().create(p, ctx(p.ref())))
          .isInstanceOf(RejectedException.class).hasMessageContaining("exceeds its open balance");
      assertThat(f.sim.all("IncomingPayments")).isEmpty();
    }
  }

  @Test
  void refundsReduceThePaymentAtomicallyAndAreFoundByStamp() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long doc = f.sim.addInvoice("C1", "A", 1, 100);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(true));
      Payment p = payment("pi_3", doc, "100.00", "USD");
      ledger.payments().create(p, ctx(p.ref()));
      assertThat(f.sim.invoice(doc).get("DocumentStatus")).isEqualTo("bost_Close");

      Refund partial = Refund.builder().ref(stripe("refund", "re_1")).version("1").payment(p.ref())
          .invoice(SapB1Refs.invoice("acme", doc)).status(Refund.Status.SUCCEEDED).amount(Money.of("30.00", "USD"))
          .date(LocalDate.of(2026, 3, 4)).build();
      WriteResult r1 = ledger.refunds().create(partial, ctx(partial.ref()));
      assertThat(f.sim.invoice(doc).get("PaidToDate")).isEqualTo(70.0);
      assertThat(f.sim.invoice(doc).get("DocumentStatus")).isEqualTo("bost_Open");
      assertThat(ledger.refunds().findByStamp(partial.ref(), ctx(partial.ref()))).contains(r1);

      Refund rest = Refund.builder().ref(stripe("refund", "re_2")).version("1").payment(p.ref())
          .invoice(SapB1Refs.invoice("acme", doc)).status(Refund.Status.SUCCEEDED).amount(Money.of("70.00", "USD"))
          .date(LocalDate.of(2026, 3, 5)).build();
      WriteResult r2 = ledger.refunds().create(rest, ctx(rest.ref()));
      assertThat(f.sim.invoice(doc).get("PaidToDate")).isEqualTo(0.0);
      assertThat(ledger.refunds().findByStamp(rest.ref(), ctx(rest.ref()))).contains(r2);
      assertThat(f.sim.all("IncomingPayments")).extracting(m -> m.get("Cancelled")).containsExactly("tYES", "tYES");

      Refund tooMuch = Refund.builder().ref(stripe("refund", "re_3")).version("1").payment(p.ref())
          .invoice(SapB1Refs.invoice("acme", doc)).status(Refund.Status.SUCCEEDED).amount(Money.of("1.00", "USD"))
          .date(LocalDate.of(2026, 3, 5)).build();
      assertThatThrownBy(() -> ledger.refunds().create(tooMuch, ctx(tooMuch.ref())))
          .isInstanceOf(RejectedException.class).hasMessageContaining("no open incoming payment of pi_3");
    }
  }

  @Test
  void aDisputeWithdrawsFundsAndAWonDisputeReturnsThemOnce() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long doc = f.sim.addInvoice("C1", "A", 1, 80);
      SapB1Ledger ledger = SapB1Ledger.of(f.client(false));
      Payment p = payment("pi_4", doc, "80.00", "USD");
      ledger.payments().create(p, ctx(p.ref()));
      Dispute.Builder d = Dispute.builder().ref(stripe("dispute", "dp_1")).payment(p.ref())
          .invoice(SapB1Refs.invoice("acme", doc)).reason(Dispute.Reason.FRAUDULENT).amount(Money.of("80.00", "USD"))
          .openedOn(LocalDate.of(2026, 3, 6));
      Dispute inquiry = d.version("1").status(Dispute.Status.INQUIRY).build();
      WriteResult none = ledger.disputes().create(inquiry, ctx(inquiry.ref()));
      assertThat(none.target().id()).startsWith("none:");
      assertThat(f.sim.invoice(doc).get("PaidToDate")).isEqualTo(80.0);

      Dispute open = d.version("2").status(Dispute.Status.NEEDS_RESPONSE).build();
      WriteResult w = ledger.disputes().update(none.target(), open, ctx(open.ref()));
      assertThat(f.sim.invoice(doc).get("PaidToDate")).isEqualTo(0.0);
      assertThat(ledger.disputes().findByStamp(open.ref(), ctx(open.ref()))).isPresent();

      Dispute won = d.version("3").status(Dispute.Status.WON).build();
      ledger.disputes().update(w.target(), won, ctx(won.ref()));
      ledger.disputes().update(w.target(), won, ctx(won.ref())); // a repeat posts nothing more
      assertThat(f.sim.invoice(doc).get("PaidToDate")).isEqualTo(80.0);
      List<Object> live = new ArrayList<>();
      for (Map<String, Object> m : f.sim.all("IncomingPayments")) {
        if ("tNO".equals(m.get("Cancelled"))) {
          live.add(m.get("Remarks"));
        }
      }
      assertThat(live).containsExactly("mlc:stripe:dispute:dp_1-W");
    }
  }

  @Test
  void theProviderNamesTheLedgerAndRefusesAClientWithoutAClearingAccount() {
    try (SimFixture f = new SimFixture()) {
      ReceivablesLedger.Provider provider = SapB1Ledger.provider(t -> f.client(false));
      assertThat(provider.system()).isEqualTo("sap-b1");
      assertThat(provider.invoiceType()).isEqualTo("ar-invoice");
      assertThat(provider.isInvoice(SapB1Refs.invoice("acme", 1))).isTrue();
      assertThat(provider.customerOf(SapB1Refs.invoice("acme", 1))).isEmpty();
      assertThat(provider.forTenant("acme")).isInstanceOf(SapB1Ledger.class);
      assertThatThrownBy(() -> provider.forTenant("other")).hasMessageContaining("configured for tenant acme");
      SapB1Config noAccount = SapB1Config.builder("acme", "x", f.sim.serviceRoot(false).toString(),
          f.config(false).build().credentials()).build();
      assertThatThrownBy(() -> SapB1Ledger.of(SapB1Client.create(f.transport, noAccount)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transferAccount");
    }
  }

  @Test
  void aCancelledInvoiceOwesNothing() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      long doc = f.sim.addInvoice("C1", "A", 1, 100);
      f.sim.action("Invoices", doc, "Cancel");
      SapB1Ledger ledger = SapB1Ledger.of(f.client(true));
      Invoice inv = ledger.invoices().fetch(SapB1Refs.invoice("acme", doc)).orElseThrow();
      assertThat(inv.status()).isEqualTo(Invoice.Status.CANCELLED);
      assertThat(ledger.openBalance(inv).isZero()).isTrue();
    }
  }

  @Test
  void stampsStayShortAndReadable() {
    assertThat(SapB1Refs.stamp(stripe("payment", "pi_3NxyzABCDEFGHIJKLMNOPQRS"))).isEqualTo(
        "mlc:stripe:payment:pi_3NxyzABCDEFGHIJKLMNOPQRS");
    assertThat(SapB1Refs.stamp(stripe("payment_intent", "pi_3NxyzABCDEFGHIJKLMNOPQRS"))).startsWith("mlc:stripe:payment_intent:pi_");
    String hashed = SapB1Refs.stamp(stripe("payment_intent", "pi_3NxyzABCDEFGHIJKLMNOPQRS"), "", 50);
    assertThat(hashed).startsWith("mlc#").hasSize(30);
    assertThat(SapB1Refs.stamp(stripe("payment", "o'brien"))).startsWith("mlc#");
  }
}
