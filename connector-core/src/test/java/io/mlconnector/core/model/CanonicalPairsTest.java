package io.mlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each of the five integrations expressed in the canonical model: what a mapper on either side
 * would build, with system-specific details carried in extensions rather than model fields.
 */
class CanonicalPairsTest {

  private static final String TENANT = "acme";
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency ZAR = Currency.getInstance("ZAR");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 5);

  // Keys a SYSPRO connector and a Stripe connector would declare as constants.
  private static final Extensions.Key<String> SYSPRO_BRANCH =
      Extensions.Key.of("syspro.branch", String.class);
  private static final Extensions.Key<String> STRIPE_HOSTED_URL =
      Extensions.Key.of("stripe.hosted_invoice_url", String.class);
  private static final Extensions.Key<String> STRIPE_BALANCE_TXN =
      Extensions.Key.of("stripe.balance_transaction", String.class);
  private static final Extensions.Key<String> SYSPRO_JOURNAL_TYPE =
      Extensions.Key.of("syspro.journal_type", String.class);

  private static ExternalRef ref(String system, String type, String id) {
    return ExternalRef.of(system, TENANT, type, id);
  }

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  @Test
  void sysproToStripe() {
    ExternalRef customerRef = ref("syspro", "customer", "0000001");
    Customer customer =
        Customer.builder()
            .ref(customerRef)
            .version("2026-11-01T09:00:00Z")
            .name("Acme Trading")
            .email("ap@acme.example")
            .currency("USD")
            .paymentTerms("30")
            .billingAddress(
                Address.builder().line("1 Main Road").city("Austin").country("US").build())
            .extension(SYSPRO_BRANCH, "10")
            .build();
    Invoice arInvoice =
        Invoice.builder()
            .ref(ref("syspro", "invoice", "100123"))
            .version("2026-11-02T10:00:00Z")
            .customer(customer.ref())
            .number("100123")
            .issueDate(DAY)
            .dueDate(DAY.plusDays(30))
            .currency(USD)
            .addLine(
                InvoiceLine.builder()
                    .number(1)
                    .itemCode("WID-1")
                    .quantity("4")
                    .unitPrice(usd("25.00"))
                    .taxAmount(usd("8.25"))
                    .build())
            .addLine(InvoiceLine.of(2, "Freight", usd("12.50")))
            .total(usd("120.75"))
            .extension(SYSPRO_BRANCH, "10")
            .build();

    // The Stripe side of the same invoice after finalisation, and its line amounts on the wire.
    Invoice inStripe =
        arInvoice.toBuilder()
            .ref(ref("stripe", "invoice", "in_1"))
            .customer(ref("stripe", "customer", "cus_1"))
            .extensions(Extensions.of(STRIPE_HOSTED_URL, "https://invoice.stripe.com/i/1"))
            .build();
    assertThat(inStripe.lines())
        .extracting(l -> l.grossAmount().toMinorUnits())
        .containsExactly(10_825L, 1_250L);
    assertThat(inStripe.total().toMinorUnits()).isEqualTo(12_075);
    assertThat(inStripe.extensions().get(SYSPRO_BRANCH)).isEmpty();
    assertThat(arInvoice.extensions().require(SYSPRO_BRANCH)).isEqualTo("10");

    // Back into SYSPRO (ARSTPY): the charge as a payment applied to the ERP invoice by ref.
    Payment charge =
        Payment.builder()
            .ref(ref("stripe", "charge", "ch_1"))
            .version("evt_1")
            .party(customerRef)
            .method(Payment.Method.CARD)
            .amount(Money.ofMinor(12_075, USD))
            .date(DAY.plusDays(3))
            .reference("ch_1")
            .apply(arInvoice.ref(), arInvoice.total())
            .build();
    Refund refund =
        Refund.builder()
            .ref(ref("stripe", "refund", "re_1"))
            .version("evt_2")
            .payment(charge.ref())
            .invoice(arInvoice.ref())
            .amount(Money.ofMinor(1_250, USD))
            .date(DAY.plusDays(4))
            .reason("requested_by_customer")
            .build();
    Dispute dispute =
        Dispute.builder()
            .ref(ref("stripe", "dispute", "dp_1"))
            .version("evt_3")
            .payment(charge.ref())
            .status(Dispute.Status.NEEDS_RESPONSE)
            .reason(Dispute.Reason.PRODUCT_NOT_RECEIVED)
            .reasonCode("product_not_received")
            .amount(Money.ofMinor(10_825, USD))
            .openedOn(DAY.plusDays(10))
            .respondBy(Instant.parse("2026-11-25T23:59:59Z"))
            .build();

    assertThat(charge.unapplied().isZero()).isTrue();
    assertThat(charge.applications().get(0).invoice().key()).isEqualTo("syspro:invoice:100123");
    assertThat(refund.amount()).isEqualTo(usd("12.50"));
    assertThat(dispute.status().isFinal()).isFalse();
  }

  @Test
  void sapB1ToStripe() {
    // A business partner and an invoice whose DocTotal and VatSum are stated by the source.
    Customer partner =
        Customer.builder()
            .ref(ref("sap-b1", "BusinessPartners", "C20000"))
            .version("2026-11-01T08:30")
            .name("Norm Thompson")
            .build();
    Invoice invoice =
        Invoice.builder()
            .ref(ref("sap-b1", "Invoices", "512"))
            .version("W/\"A1B2\"")
            .customer(partner.ref())
            .number("1512")
            .issueDate(DAY)
            .currency(USD)
            .addLine(
                InvoiceLine.builder()
                    .number(1)
                    .itemCode("A00001")
                    .quantity("3")
                    .unitPrice(usd("33.3333"))
                    .amount(usd("100.00"))
                    .taxCode("CA")
                    .build())
            .addTax(
                new TaxLine("CA", "Sales tax", new BigDecimal("7.25"), usd("100.00"), usd("7.25")))
            .total(usd("107.25"))
            .build();
    Payment incoming =
        Payment.builder()
            .ref(ref("stripe", "payment_intent", "pi_1"))
            .version("evt_9")
            .party(partner.ref())
            .method(Payment.Method.BANK_DEBIT)
            .amount(usd("107.25"))
            .date(DAY)
            .apply(invoice.ref(), usd("107.25"))
            .build();

    assertThat(invoice.taxTotal()).isEqualTo(usd("7.25"));
    assertThat(incoming.applications())
        .singleElement()
        .satisfies(a -> assertThat(a.invoice().id()).isEqualTo("512"));
  }

  @Test
  void acumaticaToStripeFeesRefundsAndPayoutsAsJournals() {
    ExternalRef clearing = ref("acumatica", "Account", "10250");
    ExternalRef bank = ref("acumatica", "Account", "10200");
    ExternalRef feeExpense = ref("acumatica", "Account", "62000");
    ExternalRef finance = ref("acumatica", "Subaccount", "FIN-000");

    Fee fee =
        Fee.builder()
            .ref(ref("stripe", "balance_transaction", "txn_1"))
            .version("txn_1")
            .amount(usd("3.41"))
            .date(DAY)
            .source(ref("stripe", "charge", "ch_1"))
            .description("Stripe processing fees")
            .build();
    JournalEntry feeJournal =
        JournalEntry.builder()
            .ref(ref("acumatica", "JournalTransaction", "fee-" + fee.ref().id()))
            .version(fee.version())
            .postingDate(fee.date())
            .currency(USD)
            .source(fee.ref())
            .description(fee.description())
            .addLine(JournalLine.debit(feeExpense, fee.amount()).withCostCenter(finance))
            .credit(clearing, fee.amount())
            .extension(STRIPE_BALANCE_TXN, "txn_1")
            .build();

    Payout payout =
        Payout.builder()
            .ref(ref("stripe", "payout", "po_1"))
            .version("evt_20")
            .amount(usd("113.34"))
            .createdOn(DAY)
            .arrivalDate(DAY.plusDays(2))
            .destination("ba_1")
            .build();
    JournalEntry payoutJournal =
        JournalEntry.builder()
            .ref(ref("acumatica", "JournalTransaction", "payout-po_1"))
            .version(payout.version())
            .postingDate(payout.arrivalDate())
            .source(payout.ref())
            .debit(bank, payout.amount())
            .credit(clearing, payout.amount())
            .build();

    assertThat(feeJournal.total()).isEqualTo(usd("3.41"));
    assertThat(feeJournal.source()).isEqualTo(fee.ref());
    assertThat(payoutJournal.currency()).isEqualTo(USD);
    assertThat(payoutJournal.lines())
        .extracting(JournalLine::signedAmount)
        .containsExactly(usd("113.34"), usd("-113.34"));
  }

  @Test
  void sysproToChargebee() {
    Invoice invoice =
        Invoice.builder()
            .ref(ref("syspro", "invoice", "200001"))
            .version("2026-11-02T10:00:00Z")
            .customer(ref("syspro", "customer", "0000002"))
            .issueDate(DAY)
            .currency(ZAR)
            .addLine(InvoiceLine.of(1, "Annual support", Money.of("12000.00", ZAR)))
            .build();
    // Chargebee takes integer minor units and an upper-case currency code.
    assertThat(invoice.total().toMinorUnits()).isEqualTo(1_200_000);
    assertThat(invoice.currency().getCurrencyCode()).isEqualTo("ZAR");

    // A cancellation event coming back only changes the status (and so the version).
    Invoice cancelled =
        invoice.toBuilder().status(Invoice.Status.CANCELLED).version("evt_cb_7").build();
    assertThat(cancelled.total()).isEqualTo(invoice.total());
    assertThat(cancelled.amountDue()).isEqualTo(invoice.total());
  }

  @Test
  void stampliToSyspro() {
    ExternalRef materials = ref("syspro", "gl-account", "50-5000");
    GlAccount account =
        new GlAccount(
            materials,
            "sha256:1f",
            "50-5000",
            "Materials",
            GlAccount.Type.EXPENSE,
            true,
            null,
            Extensions.of(Extensions.Key.of("stampli.company", String.class), "ACME-US"));
    CostCenter ops = CostCenter.of(ref("syspro", "cost-center", "OPS"), "1", "OPS", "Operations");
    Vendor vendor =
        Vendor.builder()
            .ref(ref("syspro", "supplier", "S100"))
            .version("2026-10-01T00:00:00Z")
            .name("Industrial Supplies")
            .currency("USD")
            .defaultGlAccount(account.ref())
            .build();

    Invoice apInvoice =
        Invoice.builder()
            .ref(ref("stampli", "invoice", "ST-4711"))
            .version("sha256:9a7e")
            .vendor(vendor.ref())
            .number("INV-88")
            .issueDate(DAY)
            .postingDate(DAY.plusDays(1))
            .currency(USD)
            .purchaseOrder("PO-77")
            .addLine(
                InvoiceLine.builder()
                    .number(1)
                    .amount(usd("800.00"))
                    .glAccount(account.ref())
                    .costCenter(ops.ref())
                    .dimensions(Map.of("project", "P-12"))
                    .build())
            .addLine(
                InvoiceLine.builder()
                    .number(2)
                    .amount(usd("200.00"))
                    .glAccount(ref("syspro", "gl-account", "50-5100"))
                    .build())
            .addTax(TaxLine.of("VAT", usd("150.00")))
            .total(usd("1150.00"))
            .extension(SYSPRO_JOURNAL_TYPE, "N")
            .build();

    // The GL distribution that GENTJL posts: one debit per line and the tax, one AP credit.
    JournalEntry.Builder distribution =
        JournalEntry.builder()
            .ref(ref("syspro", "gl-journal", "ap-ST-4711"))
            .version(apInvoice.version())
            .postingDate(apInvoice.postingDate())
            .currency(USD)
            .source(apInvoice.ref());
    for (InvoiceLine line : apInvoice.lines()) {
      JournalLine debit = JournalLine.debit(line.glAccount(), line.amount());
      distribution.addLine(
          line.costCenter() == null ? debit : debit.withCostCenter(line.costCenter()));
    }
    distribution
        .debit(ref("syspro", "gl-account", "20-2200"), apInvoice.taxTotal())
        .credit(ref("syspro", "gl-account", "20-2000"), apInvoice.total());
    JournalEntry journal = distribution.build();

    Payment apPayment =
        Payment.builder()
            .ref(ref("stampli", "payment", "PAY-1"))
            .version("sha256:77")
            .direction(Payment.Direction.SENT)
            .party(vendor.ref())
            .method(Payment.Method.CHECK)
            .reference("001234")
            .amount(usd("1150.00"))
            .date(DAY.plusDays(20))
            .apply(apInvoice.ref(), usd("1150.00"))
            .build();

    assertThat(apInvoice.direction()).isEqualTo(Invoice.Direction.PAYABLE);
    assertThat(journal.total()).isEqualTo(usd("1150.00"));
    assertThat(journal.lines()).hasSize(4);
    assertThat(apPayment.direction()).isEqualTo(Payment.Direction.SENT);
    assertThat(List.of(account, ops, vendor))
        .allSatisfy(r -> assertThat(r).isInstanceOf(CanonicalRecord.class));
  }
}
