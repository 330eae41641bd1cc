package io.mlconnector.syspro.internal;

import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Extensions;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.syspro.ODataRow;
import io.mlconnector.syspro.SysproExtensions;
import io.mlconnector.syspro.SysproRefs;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns SYSPRO table rows (SQL column names) into canonical records. */
public final class RowMappers {

  private RowMappers() {}

  /** An ISO currency for a SYSPRO code, or null when the code is not ISO 4217. */
  public static @Nullable Currency iso(@Nullable String code) {
    if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
      return null;
    }
    try {
      return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An {@code ArCustomer} row, without a tax id. */
  public static Customer customer(String tenant, ODataRow r, String version) {
    return customer(tenant, r, version, null);
  }

  /**
   * An {@code ArCustomer} row; {@code taxIdColumn} (or null for none) holds the tax registration
   * number.
   */
  public static Customer customer(String tenant, ODataRow r, String version, @Nullable String taxIdColumn) {
    String code = r.textOr("Customer", "");
    Extensions.Builder ext = Extensions.builder();
    r.text("Branch").ifPresent(b -> ext.put(SysproExtensions.BRANCH, b));
    r.decimal("CreditLimit").ifPresent(c -> ext.put(SysproExtensions.CREDIT_LIMIT, c));
    String cur = r.textOr("Currency", "");
    Currency currency = iso(cur);
    if (currency == null && !cur.isEmpty()) {
      ext.put(SysproExtensions.CURRENCY_CODE, cur);
    }
    return new Customer(
        SysproRefs.customer(tenant, code),
        version,
        r.textOr("Name", code),
        email(r.textOr("Email", null)),
        r.textOr("Telephone", null),
        address(r, "SoldToAddr", "SoldPostalCode"),
        address(r, "ShipToAddr", "ShipPostalCode"),
        currency,
        taxIdColumn == null ? null : r.textOr(taxIdColumn, null),
        r.textOr("TermsCode", null),
        !"Y".equalsIgnoreCase(r.textOr("CustomerOnHold", "N")),
        ext.build());
  }

  /** An {@code ApSupplier} row. */
  public static Vendor supplier(String tenant, ODataRow r, String version) {
    String code = r.textOr("Supplier", "");
    Extensions.Builder ext = Extensions.builder();
    r.text("Branch").ifPresent(b -> ext.put(SysproExtensions.BRANCH, b));
    String cur = r.textOr("Currency", "");
    Currency currency = iso(cur);
    if (currency == null && !cur.isEmpty()) {
      ext.put(SysproExtensions.CURRENCY_CODE, cur);
    }
    return new Vendor(
        SysproRefs.supplier(tenant, code),
        version,
        r.textOr("SupplierName", code),
        email(r.textOr("Email", null)),
        r.textOr("Telephone", null),
        address(r, "SupAddr", "SupPostalCode"),
        null,
        currency,
        r.textOr("TaxRegnNum", null),
        r.textOr("TermsCode", null),
        r.text("MerchGlCode").map(g -> SysproRefs.glAccount(tenant, g)).orElse(null),
        !"Y".equalsIgnoreCase(r.textOr("OnHold", "N")),
        ext.build());
  }

  /** A {@code GenMaster} row. */
  public static GlAccount glAccount(String tenant, ODataRow r, String version) {
    String code = r.textOr("GlCode", "");
    String type = r.textOr("AccountType", "");
    GlAccount.Type t;
    switch (type.toUpperCase(Locale.ROOT)) {
      case "A":
        t = GlAccount.Type.ASSET;
        break;
      case "L":
        t = GlAccount.Type.LIABILITY;
        break;
      case "C":
        t = GlAccount.Type.EQUITY;
        break;
      case "R":
        t = GlAccount.Type.REVENUE;
        break;
      case "E":
        t = GlAccount.Type.EXPENSE;
        break;
      default:
        t = null;
    }
    Extensions ext =
        type.isEmpty() ? Extensions.empty() : Extensions.of(SysproExtensions.ACCOUNT_TYPE, type);
    return new GlAccount(
        SysproRefs.glAccount(tenant, code),
        version,
        code,
        r.textOr("Description", code),
        t,
        true,
        null,
        ext);
  }

  /**
   * An {@code ArInvoice} row with its lines ({@code ArTrnDetail} rows). Without line rows, one line
   * carries the invoice value net of tax. Status PAID when {@code InvoiceBal1} is zero.
   */
  public static Invoice arInvoice(
      String tenant, ODataRow r, String version, List<ODataRow> lines, @Nullable Currency fallbackCurrency) {
    return arInvoice(tenant, r, version, lines, fallbackCurrency, false);
  }

  /**
   * An {@code ArInvoice} row with its lines; {@code cancelled} makes its status CANCELLED (else
   * PAID when {@code InvoiceBal1} is zero, OPEN otherwise).
   */
  public static Invoice arInvoice(
      String tenant,
      ODataRow r,
      String version,
      List<ODataRow> lines,
      @Nullable Currency fallbackCurrency,
      boolean cancelled) {
    String customer = r.textOr("Customer", "");
    String invoice = r.textOr("Invoice", "");
    String docType = r.textOr("DocumentType", "I");
    String cur = r.textOr("AccountCur", "");
    Currency currency = iso(cur) != null ? iso(cur) : fallbackCurrency;
    if (currency == null) {
      throw new IllegalArgumentException(
          "invoice "
              + invoice
              + " has no ISO currency (AccountCur '"
              + cur
              + "') and no default currency is set");
    }
    BigDecimal value = r.decimal("CurrencyValue").orElse(BigDecimal.ZERO);
    // a credit note may be held with negative values; the canonical credit note is positive
    boolean negated = "C".equals(docType) && value.signum() < 0;
    value = flip(value, negated);
    BigDecimal tax = flip(r.decimal("TaxPortion").orElse(BigDecimal.ZERO), negated);
    BigDecimal balance = flip(r.decimal("InvoiceBal1").orElse(BigDecimal.ZERO), negated);
    Invoice.Builder b =
        Invoice.builder()
            .ref(SysproRefs.arInvoice(tenant, customer, invoice, docType))
            .version(version)
            .customer(SysproRefs.customer(tenant, customer))
            .documentType(
                "C".equals(docType)
                    ? Invoice.DocumentType.CREDIT_NOTE
                    : "D".equals(docType)
                        ? Invoice.DocumentType.DEBIT_NOTE
                        : Invoice.DocumentType.INVOICE)
            .number(invoice)
            .status(
                cancelled
                    ? Invoice.Status.CANCELLED
                    : balance.signum() == 0 ? Invoice.Status.PAID : Invoice.Status.OPEN)
            .issueDate(
                r.date("InvoiceDate")
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "invoice " + invoice + " has no InvoiceDate")))
            .currency(currency)
            .purchaseOrder(r.textOr("CustomerPoNumber", null))
            .paymentTerms(r.textOr("TermsCode", null));
    BigDecimal total = BigDecimal.ZERO;
    if (lines.isEmpty()) {
      b.addLine(
          InvoiceLine.builder()
              .number(1)
              .description("Invoice " + invoice)
              .amount(Money.of(value.subtract(tax), currency))
              .taxAmount(Money.of(tax, currency))
              .build());
      total = value;
    } else {
      int n = 0;
      for (ODataRow l : lines) {
        n++;
        BigDecimal net = flip(l.decimal("NetSalesValue").orElse(BigDecimal.ZERO), negated);
        BigDecimal lineTax = flip(l.decimal("TaxValue").orElse(BigDecimal.ZERO), negated);
        InvoiceLine.Builder lb =
            InvoiceLine.builder()
                .number(l.decimal("DetailLine").map(BigDecimal::intValueExact).orElse(n))
                .description(l.textOr("StockDes", null))
                .itemCode(l.textOr("StockCode", null))
                .amount(Money.of(net, currency))
                .taxAmount(Money.of(lineTax, currency));
        l.decimal("QtyInvoiced").filter(q -> q.signum() != 0).ifPresent(lb::quantity);
        b.addLine(lb.build());
        total = total.add(net).add(lineTax);
      }
    }
    // a cancelled invoice's balance went to its credit note, not to payments
    BigDecimal paid = cancelled ? BigDecimal.ZERO : total.subtract(balance);
    if (paid.signum() < 0) {
      paid = BigDecimal.ZERO;
    }
    if (paid.compareTo(total) > 0) {
      paid = total;
    }
    b.amountPaid(Money.of(paid, currency))
        .extensions(
            Extensions.builder()
                .put(SysproExtensions.OPEN_BALANCE, balance)
                .put(SysproExtensions.BRANCH, r.textOr("Branch", ""))
                .build());
    return b.build();
  }

  private static BigDecimal flip(BigDecimal v, boolean negated) {
    return negated ? v.negate() : v;
  }

  private static @Nullable String email(@Nullable String e) {
    return e != null && e.contains("@") && e.chars().noneMatch(Character::isWhitespace) ? e : null;
  }

  private static @Nullable Address address(ODataRow r, String linePrefix, String postalColumn) {
    Address.Builder b = Address.builder();
    boolean any = false;
    for (int i = 1; i <= 5; i++) {
      String line = r.textOr(linePrefix + i, null);
      if (line != null) {
        b.line(line);
        any = true;
      }
    }
    String postal = r.textOr(postalColumn, null);
    if (postal != null) {
      b.postalCode(postal);
      any = true;
    }
    return any ? b.build() : null;
  }
}
