package io.mlconnector.sapb1.internal;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.TaxLine;
import io.mlconnector.sapb1.B1FormatException;
import io.mlconnector.sapb1.BusinessPartner;
import io.mlconnector.sapb1.Document;
import io.mlconnector.sapb1.SapB1Client;
import io.mlconnector.sapb1.SapB1Refs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Business partners and A/R invoices as canonical records. */
public final class RecordMappers {
  private final String tenant;
  private final String localCurrency;
  private final CurrencyCodes currencies;

  /**
   * Mappers for {@code tenant}.
   *
   * @param currencies B1 currency codes to ISO 4217 codes and back (overrides, then the company's Currencies)
   */
  public RecordMappers(String tenant, String localCurrency, CurrencyCodes currencies) {
    this.tenant = tenant;
    this.localCurrency = localCurrency;
    this.currencies = currencies;
  }

  /**
   * The ISO currency of a B1 currency code.
   *
   * @throws B1FormatException naming the code when it is unknown to the company or not ISO 4217
   */
  public Currency currency(String b1Code) {
    return currencies.iso(b1Code);
  }

  /**
   * The B1 currency code of an ISO currency.
   *
   * @throws RejectedException naming the ISO code when no currency of the company stands for it
   */
  public String b1Currency(Currency iso) {
    return currencies.b1Code(iso).orElseThrow(() -> new RejectedException(ErrorDetails.of(SapB1Refs.SYSTEM,
        "currency").withRemote(null, "no currency of the SAP B1 company of tenant " + tenant + " stands for "
            + iso.getCurrencyCode() + " (InternationalDescription, DocumentsCode or Code); add it in B1 or map it"
            + " with SapB1Ledger.Options.currency")));
  }

  /** The company's local currency as B1 names it. */
  public String localCurrency() {
    return localCurrency;
  }

  /** A customer business partner as a canonical customer. */
  public Customer customer(BusinessPartner bp) {
    Customer.Builder b = Customer.builder()
        .ref(SapB1Refs.customer(tenant, bp.cardCode()))
        .version(version(bp.entity().integer("DataVersion"), bp.updateDate(), bp.updateTime()))
        .name(bp.cardName() == null || bp.cardName().isBlank() ? bp.cardCode() : bp.cardName())
        .active(bp.valid() && !bp.frozen());
    if (bp.email() != null && !bp.email().isBlank()) {
      b.email(bp.email().trim());
    }
    if (bp.phone() != null && !bp.phone().isBlank()) {
      b.phone(bp.phone().trim());
    }
    if (bp.currency() != null && !bp.currency().equals("##")) {
      b.currency(currency(bp.currency()));
    }
    if (bp.federalTaxId() != null && !bp.federalTaxId().isBlank()) {
      b.taxId(bp.federalTaxId().trim());
    }
    if (bp.payTermsGrpCode() != null) {
      b.paymentTerms(String.valueOf(bp.payTermsGrpCode()));
    }
    if (bp.street() != null || bp.city() != null || bp.country() != null) {
      Address.Builder a = Address.builder();
      if (bp.street() != null && !bp.street().isBlank()) {
        a.line(bp.street());
      }
      if (bp.city() != null && !bp.city().isBlank()) {
        a.city(bp.city());
      }
      if (bp.state() != null && !bp.state().isBlank()) {
        a.region(bp.state());
      }
      if (bp.zipCode() != null && !bp.zipCode().isBlank()) {
        a.postalCode(bp.zipCode());
      }
      if (bp.country() != null && !bp.country().isBlank()) {
        a.country(bp.country());
      }
      b.billingAddress(a.build());
    }
    return b.build();
  }

  /**
   * An A/R invoice as a canonical invoice in its own currency: lines at their net amounts, VAT as
   * one tax line, and any difference between those and {@code DocTotal} (B1's header discount or
   * rounding) as an explicit line. Cancelled is CANCELLED; fully paid is PAID; closed without being
   * paid (written off in B1) is UNCOLLECTIBLE.
   */
  public Invoice invoice(Document d) {
    Currency cur = currency(d.currency() == null ? localCurrency : d.currency());
    boolean foreign = d.foreign(localCurrency);
    BigDecimal rate = d.docRate() == null || d.docRate().signum() == 0 ? BigDecimal.ONE : d.docRate();
    Invoice.Builder b = Invoice.builder()
        .ref(SapB1Refs.invoice(tenant, d.docEntry()))
        .version(version(d.entity().integer("DataVersion"), d.updateDate(), d.updateTime()))
        .customer(SapB1Refs.customer(tenant, d.cardCode()))
        .documentType(Invoice.DocumentType.INVOICE)
        .number(d.docNum() == null ? String.valueOf(d.docEntry()) : String.valueOf(d.docNum()))
        .issueDate(d.docDate())
        .currency(cur);
    if (d.docDueDate() != null && !d.docDueDate().isBefore(d.docDate())) {
      b.dueDate(d.docDueDate());
    }
    int scale = Math.max(cur.getDefaultFractionDigits(), 0);
    BigDecimal net = BigDecimal.ZERO;
    int n = 1;
    for (Document.DocumentLine l : d.lines()) {
      BigDecimal amount = foreign
          ? (l.rowTotalFc().signum() != 0 ? l.rowTotalFc() : l.lineTotal().divide(rate, scale, RoundingMode.HALF_UP))
          : l.lineTotal();
      amount = amount.setScale(scale, RoundingMode.HALF_UP);
      String description = l.description() != null && !l.description().isBlank() ? l.description()
          : l.itemCode() != null ? l.itemCode() : "Line " + (l.lineNum() + 1);
      InvoiceLine.Builder lb = InvoiceLine.builder().number(n++).description(description)
          .quantity(l.quantity()).amount(Money.of(amount, cur));
      if (l.itemCode() != null) {
        lb.itemCode(l.itemCode());
      }
      b.addLine(lb.build());
      net = net.add(amount);
    }
    BigDecimal vat = d.vat(localCurrency).setScale(scale, RoundingMode.HALF_UP);
    BigDecimal total = d.total(localCurrency).setScale(scale, RoundingMode.HALF_UP);
    BigDecimal diff = total.subtract(net).subtract(vat);
    if (diff.signum() != 0) {
      b.addLine(InvoiceLine.of(n, diff.signum() < 0 ? "Discount and rounding" : "Rounding", Money.of(diff, cur)));
    }
    if (vat.signum() != 0) {
      b.addTax(TaxLine.of("VAT", Money.of(vat, cur)));
    }
    b.total(Money.of(total, cur));
    BigDecimal paid = d.paid(localCurrency).setScale(scale, RoundingMode.HALF_UP).min(total).max(BigDecimal.ZERO);
    Invoice.Status status;
    if (d.cancelled()) {
      status = Invoice.Status.CANCELLED;
    } else if (paid.compareTo(total) >= 0 && total.signum() > 0) {
      status = Invoice.Status.PAID;
    } else if ("bost_Close".equals(d.status()) || "C".equals(d.status())) {
      status = Invoice.Status.UNCOLLECTIBLE;
    } else {
      status = Invoice.Status.OPEN;
    }
    b.status(status).amountPaid(Money.of(paid, cur));
    if (d.numAtCard() != null && !d.numAtCard().isBlank()) {
      b.purchaseOrder(d.numAtCard());
    }
    if (d.payTermsGrpCode() != null) {
      b.paymentTerms(String.valueOf(d.payTermsGrpCode()));
    }
    if (d.comments() != null && !d.comments().isBlank()) {
      b.memo(d.comments());
    }
    return b.build();
  }

  /** The ref of the customer of an invoice ref's document, read by the caller. */
  public ExternalRef customerRef(String cardCode) {
    return SapB1Refs.customer(tenant, cardCode);
  }

  private static String version(Long dataVersion, java.time.LocalDate date, java.time.LocalTime time) {
    String at = date == null ? "" : date + "T" + (time == null ? "00:00:00" : time);
    return dataVersion != null ? "v" + dataVersion + "@" + at : at.isEmpty() ? "0" : at;
  }

  /** Whether {@code code} is the local currency (B1 name). */
  public boolean isLocal(String code) {
    return code == null || code.equals(localCurrency);
  }

  /** The client's system name (for errors). */
  public static String system() {
    return SapB1Client.SYSTEM;
  }
}
