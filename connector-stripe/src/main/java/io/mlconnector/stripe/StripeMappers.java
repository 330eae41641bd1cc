package io.mlconnector.stripe;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.TaxLine;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Default mappers from the canonical model to Stripe requests, and a {@link Mapper.Factory} that
 * offers them (hosts override either per tenant through the engine's mapper registry).
 *
 * <ul>
 *   <li>{@link Customer} to {@link StripeCustomerRequest}: name, e-mail, phone, billing address
 *       (first street line as {@code line1}, the others joined as {@code line2}), stamped with the
 *       customer's ref key and version.
 *   <li>{@link Invoice} (receivable) to {@link StripeInvoiceRequest}: the party must be synced to
 *       Stripe first (else the invoice is deferred); {@code days_until_due} is the days from issue
 *       to due date, else the tenant's reference table {@value #TABLE} key {@value
 *       #KEY_DAYS_UNTIL_DUE}, else 30; each line becomes an item (description, else item code,
 *       else "Line n") with its tax; invoice-level tax lines become items of their own; the ERP
 *       number goes to metadata {@code erp_number}. Cancelled or voided ERP invoices map to a
 *       cancellation. Payable invoices, credit notes and drafts are refused with a reason.
 * </ul>
 */
public final class StripeMappers {
  /** The reference table the invoice mapper reads. */
  public static final String TABLE = "stripe";
  /** The customer metadata key carrying the ERP customer's tax registration number. */
  public static final String TAX_ID_METADATA = "tax_id";
  /** Key in {@link #TABLE}: default days to pay when the ERP invoice has no due date. */
  public static final String KEY_DAYS_UNTIL_DUE = "days_until_due";
  /** Days to pay when neither the invoice nor the reference table says. */
  public static final int DEFAULT_DAYS_UNTIL_DUE = 30;

  private StripeMappers() {}

  /**
   * Canonical customer to Stripe customer request (the tax id, where there is one, in metadata
   * {@value #TAX_ID_METADATA}).
   *
   * @return the customer mapper
   */
  public static Mapper<Customer, StripeCustomerRequest> customer() {
    return StripeMappers::mapCustomer;
  }

  /**
   * Canonical receivable invoice to Stripe invoice request.
   *
   * @return the invoice mapper
   */
  public static Mapper<Invoice, StripeInvoiceRequest> invoice() {
    return StripeMappers::mapInvoice;
  }

  /**
   * A factory offering {@link #customer()} and {@link #invoice()}.
   *
   * @return a factory that answers null for any other pair of types
   */
  public static Mapper.Factory factory() {
    return (sourceType, targetType, tenant) -> {
      if (sourceType == Customer.class && targetType == StripeCustomerRequest.class) {
        return customer();
      }
      if (sourceType == Invoice.class && targetType == StripeInvoiceRequest.class) {
        return invoice();
      }
      return null;
    };
  }

  static StripeCustomerRequest mapCustomer(Customer c, MappingContext context) {
    StripeAddress address = null;
    Address a = c.billingAddress();
    if (a != null) {
      List<String> lines = a.lines();
      address =
          new StripeAddress(
              lines.isEmpty() ? null : lines.get(0),
              lines.size() > 1 ? String.join(", ", lines.subList(1, lines.size())) : null,
              a.city(),
              a.region(),
              a.postalCode(),
              a.country());
    }
    Map<String, String> metadata =
        c.taxId() == null || c.taxId().isBlank() ? Map.of() : Map.of(TAX_ID_METADATA, c.taxId());
    return new StripeCustomerRequest(c.ref().key(), c.version(), c.name(), c.email(), c.phone(), address, null, metadata);
  }

  static StripeInvoiceRequest mapInvoice(Invoice inv, MappingContext context) {
    if (inv.direction() != Invoice.Direction.RECEIVABLE) {
      throw context.refuse("invoice " + inv.ref().id() + " is payable; only receivable invoices are collected through Stripe");
    }
    if (inv.documentType() == Invoice.DocumentType.CREDIT_NOTE) {
      throw context.refuse("invoice " + inv.ref().id() + " is a credit note; credit notes are not issued as Stripe invoices");
    }
    if (inv.status() == Invoice.Status.DRAFT) {
      throw context.refuse("invoice " + inv.ref().id() + " is a draft in the ERP; only final invoices are sent for collection");
    }
    boolean cancelled = inv.status() == Invoice.Status.CANCELLED || inv.status() == Invoice.Status.VOID;
    ExternalRef customer = context.require(inv.party(), StripeCanonical.SYSTEM);
    int days;
    if (inv.dueDate() != null) {
      days = (int) ChronoUnit.DAYS.between(inv.issueDate(), inv.dueDate());
    } else {
      String configured = context.reference(TABLE, KEY_DAYS_UNTIL_DUE).orElse(null);
      try {
        days = configured == null ? DEFAULT_DAYS_UNTIL_DUE : Integer.parseInt(configured.trim());
      } catch (NumberFormatException e) {
        throw context.refuse("reference table '" + TABLE + "' key '" + KEY_DAYS_UNTIL_DUE + "' is not a number: '" + configured + "'");
      }
    }
    List<StripeInvoiceLine> lines = new ArrayList<>();
    for (InvoiceLine l : inv.lines()) {
      String description =
          l.description() != null ? l.description() : l.itemCode() != null ? l.itemCode() : "Line " + l.number();
      StripeInvoiceLine line = new StripeInvoiceLine(description, l.quantity(), l.unitPrice(), l.amount(), null, null, null);
      if (!l.taxAmount().isZero()) {
        line = line.withTax(l.taxAmount(), l.taxCode() != null ? "Tax " + l.taxCode() : "Tax", null);
      }
      lines.add(line);
    }
    for (TaxLine t : inv.taxes()) {
      String label = t.description() != null ? t.description() : t.code() != null ? "Tax " + t.code() : "Tax";
      lines.add(StripeInvoiceLine.of(label, t.amount()));
    }
    String description = inv.memo() != null ? inv.memo() : inv.number() != null ? "Invoice " + inv.number() : null;
    Map<String, String> metadata = inv.number() != null ? Map.of("erp_number", inv.number()) : Map.of();
    StripeInvoiceRequest request;
    try {
      request =
          new StripeInvoiceRequest(
              inv.ref().key(),
              inv.version(),
              customer.id(),
              inv.currency().getCurrencyCode().toLowerCase(Locale.ROOT),
              Math.max(0, days),
              description,
              lines,
              metadata);
    } catch (IllegalArgumentException e) {
      throw context.refuse("invoice " + inv.ref().id() + " cannot be a Stripe invoice: " + e.getMessage());
    }
    return cancelled ? request.asCancelled() : request;
  }
}
