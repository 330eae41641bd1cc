package io.mlconnector.core.model;

import static io.mlconnector.core.model.Fixtures.USD;
import static io.mlconnector.core.model.Fixtures.syspro;
import static io.mlconnector.core.model.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  private static Invoice.Builder invoice() {
    return Invoice.builder()
        .ref(syspro("invoice", "100123"))
        .version("2026-11-20T10:15:00Z")
        .customer(syspro("customer", "C001"))
        .number("100123")
        .issueDate(LocalDate.of(2026, 11, 1))
        .dueDate(LocalDate.of(2026, 12, 1))
        .currency(USD);
  }

  private static InvoiceLine line(int number, String amount, String tax) {
    return InvoiceLine.builder()
        .number(number)
        .description("line " + number)
        .amount(usd(amount))
        .taxAmount(usd(tax))
        .build();
  }

  @Test
  void totalsAreDerivedFromTheLines() {
    Invoice inv =
        invoice().addLine(line(1, "100.00", "15.00")).addLine(line(2, "50.00", "7.50")).build();

    assertThat(inv.subtotal()).isEqualTo(usd("150.00"));
    assertThat(inv.taxTotal()).isEqualTo(usd("22.50"));
    assertThat(inv.total()).isEqualTo(usd("172.50"));
    assertThat(inv.amountPaid()).isEqualTo(Money.zero(USD));
    assertThat(inv.amountDue()).isEqualTo(usd("172.50"));
    assertThat(inv.direction()).isEqualTo(Invoice.Direction.RECEIVABLE);
    assertThat(inv.documentType()).isEqualTo(Invoice.DocumentType.INVOICE);
    assertThat(inv.status()).isEqualTo(Invoice.Status.OPEN);
  }

  @Test
  void statedTotalsThatMatchAreKept() {
    Invoice inv =
        invoice()
            .addLine(line(1, "100.00", "15.00"))
            .subtotal(usd("100"))
            .taxTotal(usd("15.0"))
            .total(usd("115.00"))
            .build();
    assertThat(inv.total().amount()).isEqualTo(new BigDecimal("115.00"));
  }

  @Test
  void aTotalThatDisagreesWithTheLinesIsRefused() {
    assertThatThrownBy(
            () -> invoice().addLine(line(1, "100.00", "15.00")).total(usd("116.00")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invoice 100123 total USD 116.00 does not match its lines: subtotal USD 100.00 + tax"
                + " USD 15.00 = USD 115.00");
    assertThatThrownBy(
            () -> invoice().addLine(line(1, "100.00", "15.00")).subtotal(usd("99.99")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invoice 100123 subtotal USD 99.99 does not match its lines, which give USD 100.00");
    assertThatThrownBy(
            () -> invoice().addLine(line(1, "100.00", "15.00")).taxTotal(usd("0")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taxTotal USD 0 does not match its lines, which give USD 15.00");
  }

  @Test
  void invoiceLevelTaxLinesCountTowardsTheTotal() {
    Invoice inv =
        invoice()
            .addLine(InvoiceLine.of(1, "Consulting", usd("200.00")))
            .addTax(
                new TaxLine("VAT15", "VAT 15%", new BigDecimal("15"), usd("200.00"), usd("30.00")))
            .total(usd("230.00"))
            .build();
    assertThat(inv.taxTotal()).isEqualTo(usd("30.00"));
    assertThat(inv.taxes()).extracting(TaxLine::code).containsExactly("VAT15");
  }

  @Test
  void taxGivenBothWaysIsRefused() {
    assertThatThrownBy(
            () ->
                invoice()
                    .addLine(line(1, "100.00", "15.00"))
                    .addTax(TaxLine.of("VAT", usd("15.00")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invoice 100123 gives tax both per line (USD 15.00) and as tax lines (USD 15.00); give"
                + " it one way only");
  }

  @Test
  void everyAmountMustBeInTheInvoiceCurrency() {
    InvoiceLine rands = InvoiceLine.of(1, "x", Money.of("10.00", "ZAR"));
    assertThatThrownBy(() -> invoice().addLine(rands).build())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage(
            "Invoice 100123 line 1 amount is in ZAR but the record's currency is USD (ZAR 10.00)");
    assertThatThrownBy(
            () -> invoice().addLine(line(1, "1.00", "0")).total(Money.of("1.00", "EUR")).build())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("total is in EUR");
  }

  @Test
  void lineAmountFollowsQuantityAndUnitPrice() {
    InvoiceLine derived =
        InvoiceLine.builder().number(1).quantity("3").unitPrice(usd("19.99")).build();
    assertThat(derived.amount()).isEqualTo(usd("59.97"));

    InvoiceLine rounded =
        InvoiceLine.builder()
            .number(2)
            .quantity("3")
            .unitPrice(usd("0.3333"))
            .amount(usd("1.00"))
            .build();
    assertThat(rounded.amount()).isEqualTo(usd("1.00"));

    assertThatThrownBy(
            () ->
                InvoiceLine.builder()
                    .number(3)
                    .quantity("2")
                    .unitPrice(usd("10.00"))
                    .amount(usd("25.00"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "InvoiceLine 3 amount USD 25.00 does not match quantity 2 x unitPrice USD 10.00 ="
                + " 20.00");
    assertThatThrownBy(() -> InvoiceLine.builder().number(4).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("InvoiceLine 4 amount must not be null (or give a unitPrice)");
    assertThatThrownBy(() -> InvoiceLine.of(0, "x", usd("1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InvoiceLine.number must be 1 or more but was 0");
  }

  @Test
  void structuralRulesAreEnforced() {
    assertThatThrownBy(() -> invoice().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invoice 100123 lines must not be empty");
    assertThatThrownBy(
            () -> invoice().addLine(line(1, "1", "0")).addLine(line(1, "2", "0")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invoice 100123 has two lines numbered 1");
    assertThatThrownBy(
            () -> invoice().addLine(line(1, "1", "0")).dueDate(LocalDate.of(2026, 10, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invoice 100123 dueDate 2026-10-01 is before its issueDate 2026-11-01");
    assertThatThrownBy(() -> invoice().addLine(line(1, "-5.00", "0")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invoice 100123 total must not be negative but was USD -5.00");
    assertThatThrownBy(() -> invoice().issueDate(null).addLine(line(1, "1", "0")).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Invoice 100123 issueDate must not be null");
    assertThatThrownBy(() -> invoice().currency((Currency) null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Invoice 100123 currency must not be null");
  }

  @Test
  void aDiscountLineMayBeNegative() {
    Invoice inv =
        invoice()
            .addLine(InvoiceLine.of(1, "Widgets", usd("100.00")))
            .addLine(InvoiceLine.of(2, "Discount", usd("-10.00")))
            .build();
    assertThat(inv.total()).isEqualTo(usd("90.00"));
  }

  @Test
  void amountPaid() {
    Invoice paid = invoice().addLine(line(1, "100.00", "0")).status(Invoice.Status.PAID).build();
    assertThat(paid.amountPaid()).isEqualTo(usd("100.00"));
    assertThat(paid.amountDue().isZero()).isTrue();

    Invoice part = invoice().addLine(line(1, "100.00", "0")).amountPaid(usd("40")).build();
    assertThat(part.amountDue()).isEqualTo(usd("60.00"));

    assertThatThrownBy(
            () -> invoice().addLine(line(1, "100.00", "0")).amountPaid(usd("100.01")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invoice 100123 amountPaid USD 100.01 must be between zero and the total USD 100.00");
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<InvoiceLine> lines = new ArrayList<>(List.of(line(1, "10.00", "0")));
    Invoice inv = invoice().lines(lines).build();
    lines.add(line(2, "5.00", "0"));

    assertThat(inv.lines()).hasSize(1);
    assertThatThrownBy(() -> inv.lines().add(line(3, "1.00", "0")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> inv.taxes().add(TaxLine.of("VAT", usd("1"))))
        .isInstanceOf(UnsupportedOperationException.class);

    Invoice direct =
        new Invoice(
            inv.ref(),
            "v",
            Invoice.Direction.RECEIVABLE,
            Invoice.DocumentType.INVOICE,
            null,
            inv.party(),
            Invoice.Status.DRAFT,
            inv.issueDate(),
            null,
            null,
            USD,
            lines,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    lines.clear();
    assertThat(direct.lines()).hasSize(2);
    assertThat(direct.taxes()).isEmpty();
    assertThat(direct.extensions()).isEqualTo(Extensions.empty());
  }

  @Test
  void toBuilderReDerivesTotals() {
    Invoice inv = invoice().addLine(line(1, "10.00", "1.00")).build();
    Invoice more = inv.toBuilder().addLine(line(2, "5.00", "0.50")).version("v2").build();
    assertThat(more.total()).isEqualTo(usd("16.50"));
    assertThat(more.number()).isEqualTo("100123");
    assertThat(inv.total()).isEqualTo(usd("11.00"));
  }

  @Test
  void aPayableInvoiceNamesItsVendor() {
    Invoice ap =
        Invoice.builder()
            .ref(ExternalRef.of("stampli", "acme", "invoice", "ST-9"))
            .version("sha256:ab12")
            .vendor(syspro("supplier", "S100"))
            .issueDate(LocalDate.of(2026, 11, 2))
            .currency("USD")
            .addLine(InvoiceLine.of(1, "Freight", usd("12.00")))
            .build();
    assertThat(ap.direction()).isEqualTo(Invoice.Direction.PAYABLE);
    assertThat(ap.party()).isEqualTo(syspro("supplier", "S100"));
    assertThatThrownBy(() -> Invoice.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Invoice direction must not be null: call customer(ref) or vendor(ref)");
  }
}
