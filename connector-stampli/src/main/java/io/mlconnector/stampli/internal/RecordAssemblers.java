package io.mlconnector.stampli.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.stampli.Entity;
import io.mlconnector.stampli.StampliConfig;
import io.mlconnector.stampli.StampliRefs;
import io.mlconnector.stampli.StampliTemplate;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Turns vendor and payment rows into canonical records, or malformed rows naming what is wrong. */
public final class RecordAssemblers {
  private RecordAssemblers() {}

  /** A vendor row. */
  public static FileRow<Vendor> vendor(Row r, String tenant, StampliTemplate template) {
    int line = (int) Math.min(Integer.MAX_VALUE, r.line());
    if (r.values().containsKey("__error")) {
      return FileRow.malformed(line, r.values().get("__error"));
    }
    try {
      String code = Values.id(StampliTemplate.VENDOR_CODE, require(r, StampliTemplate.VENDOR_CODE, template, Entity.VENDORS));
      String name = require(r, StampliTemplate.VENDOR_NAME, template, Entity.VENDORS);
      String status = r.get(StampliTemplate.VENDOR_STATUS);
      boolean active = status == null || status.equalsIgnoreCase("active") || status.equalsIgnoreCase("true")
          || status.equalsIgnoreCase("y") || status.equalsIgnoreCase("yes");
      Vendor.Builder b = Vendor.builder().ref(StampliRefs.vendor(tenant, code)).name(name)
          .email(r.get(StampliTemplate.EMAIL)).phone(r.get(StampliTemplate.PHONE))
          .taxId(r.get(StampliTemplate.TAX_ID)).paymentTerms(r.get(StampliTemplate.TERMS)).active(active);
      String cur = r.get(StampliTemplate.CURRENCY);
      if (cur != null) {
        b.currency(currency(cur));
      }
      Vendor draft = b.version("pending").build();
      return FileRow.of(line, draft.toBuilder().version(vendorVersion(draft)).build());
    } catch (IllegalArgumentException e) {
      return FileRow.malformed(line, "vendor (line " + r.line() + "): " + e.getMessage());
    }
  }

  /** A content version of a vendor (the fields that travel between systems). */
  public static String vendorVersion(Vendor v) {
    return InvoiceAssembler.sha256(v.name() + "|" + v.email() + "|" + v.phone() + "|" + v.taxId() + "|"
        + v.paymentTerms() + "|" + v.currency() + "|" + v.active()).substring(0, 32);
  }

  /** A payment row (one invoice paid). */
  public static FileRow<Payment> payment(Row r, String tenant, StampliTemplate template, Values values) {
    int line = (int) Math.min(Integer.MAX_VALUE, r.line());
    if (r.values().containsKey("__error")) {
      return FileRow.malformed(line, r.values().get("__error"));
    }
    try {
      String id = Values.id(StampliTemplate.PAYMENT_ID, require(r, StampliTemplate.PAYMENT_ID, template, Entity.PAYMENTS));
      String number = require(r, StampliTemplate.INVOICE_NUMBER, template, Entity.PAYMENTS);
      String vendor = require(r, StampliTemplate.VENDOR_CODE, template, Entity.PAYMENTS);
      String curText = r.get(StampliTemplate.CURRENCY);
      Currency currency = curText != null ? currency(curText) : template.defaultCurrency();
      if (currency == null) {
        throw new IllegalArgumentException("currency is missing and the template has no defaultCurrency");
      }
      BigDecimal amount = values.amount(StampliTemplate.AMOUNT, require(r, StampliTemplate.AMOUNT, template, Entity.PAYMENTS));
      String status = r.get(StampliTemplate.PAYMENT_STATUS);
      boolean voided = status != null && (status.equalsIgnoreCase("voided") || status.equalsIgnoreCase("void"));
      // the paid invoice's natural key: the company column when the file has one
      ExternalRef invoice = StampliRefs.invoice(tenant, StampliRefs.naturalKey(r.get(StampliTemplate.COMPANY), vendor, number, "I"));
      Payment p = Payment.builder()
          .ref(ExternalRef.of(StampliConfig.SYSTEM, tenant, StampliRefs.PAYMENT, id + "|" + vendor + "|" + Values.normalizeNumber(number)))
          .version(InvoiceAssembler.sha256(r.values().toString()).substring(0, 32))
          .direction(Payment.Direction.SENT)
          .party(StampliRefs.vendor(tenant, vendor))
          .status(voided ? Payment.Status.CANCELLED : Payment.Status.SUCCEEDED)
          .method(method(r.get(StampliTemplate.METHOD)))
          .amount(Money.of(amount.abs(), currency))
          .date(values.date(StampliTemplate.PAYMENT_DATE, require(r, StampliTemplate.PAYMENT_DATE, template, Entity.PAYMENTS)))
          .reference(r.get(StampliTemplate.REFERENCE))
          .apply(invoice, Money.of(amount.abs(), currency))
          .build();
      return FileRow.of(line, p);
    } catch (IllegalArgumentException e) {
      return FileRow.malformed(line, "payment (line " + r.line() + "): " + e.getMessage());
    }
  }

  private static Payment.Method method(String text) {
    if (text == null) {
      return Payment.Method.OTHER;
    }
    String t = text.toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.contains("ach") || t.contains("eft") || t.contains("bank")) {
      return Payment.Method.BANK_TRANSFER;
    }
    if (t.contains("check") || t.contains("cheque")) {
      return Payment.Method.CHECK;
    }
    if (t.contains("wire")) {
      return Payment.Method.BANK_TRANSFER;
    }
    if (t.contains("virtual")) {
      return Payment.Method.VIRTUAL_CARD;
    }
    if (t.contains("card")) {
      return Payment.Method.CARD;
    }
    return Payment.Method.OTHER;
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 code");
    }
  }

  private static String require(Row r, String field, StampliTemplate t, Entity e) {
    String v = r.get(field);
    if (v == null) {
      throw new IllegalArgumentException(field + " is missing (columns " + t.aliases(e).get(field) + ")");
    }
    return v;
  }
}
