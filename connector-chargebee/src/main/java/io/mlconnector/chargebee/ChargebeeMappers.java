package io.mlconnector.chargebee;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.MinorUnits;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.TaxLine;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Default mappers from the canonical model to Chargebee requests.
 *
 * <ul>
 *   <li>{@link Customer} to {@link ChargebeeCustomerRequest}: id = prefix + ERP code (refused with
 *       a reason when Chargebee would not take it), company = name, e-mail, phone, billing address
 *       (street lines 1, 2, the rest joined as 3), tax number as {@code vat_number}, currency.
 *   <li>{@link Invoice} (receivable) to {@link ChargebeeInvoiceRequest}: the customer must be
 *       synced first (else deferred); one charge per line (description, else item code, else "Line
 *       n"; zero lines left out, negative lines refused: Chargebee charges are positive, credit the
 *       ERP's discounts on the line), a charge per line tax and per invoice tax line; {@code
 *       po_number} from {@link ChargebeeCollectorOptions#poNumber()}; cancelled or void ERP invoices
 *       map to a cancellation. Under {@code SUBSCRIPTION_ITEMS}, lines whose item code has an entry
 *       {@code item_price.<code>} in reference table {@value #TABLE} become recurring items (whole
 *       quantities only); an invoice mixing them with other lines is refused with a reason.
 * </ul>
 */
public final class ChargebeeMappers {
  /** The reference table the mappers read. */
  public static final String TABLE = "chargebee";
  /** Key prefix in {@link #TABLE}: {@code item_price.<item code>} = a Chargebee item price id. */
  public static final String ITEM_PRICE_PREFIX = "item_price.";

  private ChargebeeMappers() {}

  /**
   * Canonical customer to Chargebee customer request, with {@code options}.
   *
   * @param options the tenant's options (customer id prefix and length)
   * @return the customer mapper
   */
  public static Mapper<Customer, ChargebeeCustomerRequest> customer(ChargebeeCollectorOptions options) {
    Objects.requireNonNull(options, "options");
    return (c, ctx) -> mapCustomer(c, ctx, options);
  }

  /**
   * Canonical receivable invoice to Chargebee invoice request, with {@code options}.
   *
   * @param options the tenant's options (billing model, {@code po_number} rule)
   * @return the invoice mapper
   */
  public static Mapper<Invoice, ChargebeeInvoiceRequest> invoice(ChargebeeCollectorOptions options) {
    Objects.requireNonNull(options, "options");
    return (i, ctx) -> mapInvoice(i, ctx, options);
  }

  /**
   * A factory offering both mappers, with each tenant's options; null for other type pairs.
   *
   * @param optionsByTenant gives the options of a tenant
   * @return the factory
   */
  public static Mapper.Factory factory(Function<String, ChargebeeCollectorOptions> optionsByTenant) {
    Objects.requireNonNull(optionsByTenant, "optionsByTenant");
    return (sourceType, targetType, tenant) -> {
      if (sourceType == Customer.class && targetType == ChargebeeCustomerRequest.class) {
        return customer(optionsByTenant.apply(tenant));
      }
      if (sourceType == Invoice.class && targetType == ChargebeeInvoiceRequest.class) {
        return invoice(optionsByTenant.apply(tenant));
      }
      return null;
    };
  }

  static ChargebeeCustomerRequest mapCustomer(Customer c, MappingContext ctx, ChargebeeCollectorOptions options) {
    String id;
    try {
      id = options.customerIdFor(c.ref());
    } catch (IllegalArgumentException e) {
      throw ctx.refuse(e.getMessage());
    }
    ChargebeeCustomerRequest.Address address = null;
    Address a = c.billingAddress();
    if (a != null) {
      List<String> lines = a.lines();
      address = new ChargebeeCustomerRequest.Address(
          lines.isEmpty() ? null : lines.get(0),
          lines.size() > 1 ? lines.get(1) : null,
          lines.size() > 2 ? String.join(", ", lines.subList(2, lines.size())) : null,
          a.city(), a.region(), a.postalCode(), a.country());
    }
    Integer netTerm = null;
    if (c.paymentTerms() != null) {
      netTerm = ctx.reference(TABLE, "net_term_days." + c.paymentTerms()).map(v -> parseInt(v, ctx)).orElse(null);
    }
    return new ChargebeeCustomerRequest(id, c.name(), c.email(), c.phone(), address, c.taxId(),
        c.currency() == null ? null : c.currency().getCurrencyCode(), netTerm);
  }

  private static Integer parseInt(String v, MappingContext ctx) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ctx.refuse("reference table '" + TABLE + "' has a net_term_days entry that is not a number: '" + v + "'");
    }
  }

  static ChargebeeInvoiceRequest mapInvoice(Invoice inv, MappingContext ctx, ChargebeeCollectorOptions options) {
    String what = "invoice " + inv.ref().id();
    if (inv.direction() != Invoice.Direction.RECEIVABLE) {
      throw ctx.refuse(what + " is payable; only receivable invoices are collected through Chargebee");
    }
    if (inv.documentType() == Invoice.DocumentType.CREDIT_NOTE) {
      throw ctx.refuse(what + " is a credit note; credit notes are not issued as Chargebee invoices");
    }
    if (inv.status() == Invoice.Status.DRAFT) {
      throw ctx.refuse(what + " is a draft in the ERP; only final invoices are sent for collection");
    }
    boolean cancelled = inv.status() == Invoice.Status.CANCELLED || inv.status() == Invoice.Status.VOID;
    ExternalRef customer = ctx.require(inv.party(), ChargebeeClient.SYSTEM);
    MinorUnits units = MinorUnits.iso();
    List<ChargebeeInvoiceRequest.Charge> charges = new ArrayList<>();
    List<ChargebeeInvoiceRequest.RecurringItem> recurring = new ArrayList<>();
    boolean subscriptions = options.billingModel() == ChargebeeCollectorOptions.BillingModel.SUBSCRIPTION_ITEMS;
    for (InvoiceLine l : inv.lines()) {
      String itemPrice = subscriptions && l.itemCode() != null
          ? ctx.reference(TABLE, ITEM_PRICE_PREFIX + l.itemCode()).orElse(null) : null;
      if (itemPrice != null) {
        BigDecimal q = l.quantity();
        if (q == null || q.signum() <= 0 || q.stripTrailingZeros().scale() > 0) {
          throw ctx.refuse(what + " line " + l.number() + ": recurring item " + l.itemCode()
              + " needs a whole, positive quantity, was " + q);
        }
        Money unit = l.unitPrice() != null ? l.unitPrice()
            : Money.of(l.amount().amount().divide(q, java.math.RoundingMode.UNNECESSARY), l.amount().currency());
        recurring.add(new ChargebeeInvoiceRequest.RecurringItem(itemPrice, q.intValueExact(), minor(units, unit, ctx, what)));
        addTax(charges, l, units, ctx, what);
        continue;
      }
      long amount = minor(units, l.amount(), ctx, what);
      if (amount < 0) {
        throw ctx.refuse(what + " line " + l.number() + " is negative (" + l.amount()
            + "); Chargebee charges must be positive: net the discount into the line it reduces");
      }
      if (amount > 0) {
        String d = l.description() != null ? l.description() : l.itemCode() != null ? l.itemCode() : "Line " + l.number();
        charges.add(new ChargebeeInvoiceRequest.Charge(d, amount));
      }
      addTax(charges, l, units, ctx, what);
    }
    for (TaxLine t : inv.taxes()) {
      long amount = minor(units, t.amount(), ctx, what);
      if (amount > 0) {
        String label = t.description() != null ? t.description() : t.code() != null ? "Tax " + t.code() : "Tax";
        charges.add(new ChargebeeInvoiceRequest.Charge(label, amount));
      }
    }
    if (!recurring.isEmpty() && !charges.isEmpty()) {
      boolean onlyTax = true;
      for (InvoiceLine l : inv.lines()) {
        String ip = l.itemCode() == null ? null : ctx.reference(TABLE, ITEM_PRICE_PREFIX + l.itemCode()).orElse(null);
        onlyTax &= ip != null;
      }
      if (!onlyTax) {
        throw ctx.refuse(what + " mixes recurring lines (item prices) with one-off lines; under SUBSCRIPTION_ITEMS "
            + "split it in the ERP, or bill the tenant with AD_HOC_CHARGES");
      }
    }
    String po;
    try {
      po = options.poNumber().apply(inv.ref());
    } catch (RuntimeException e) {
      throw ctx.refuse(what + ": no po_number can be made from its ref: " + e.getMessage());
    }
    if (po == null || po.isBlank() || po.length() > 100) {
      throw ctx.refuse(what + ": po_number must be 1 to 100 characters, was '" + po + "'");
    }
    String note = inv.memo() != null ? inv.memo() : inv.number() != null ? "Invoice " + inv.number() : null;
    try {
      return new ChargebeeInvoiceRequest(customer.id(), inv.currency().getCurrencyCode(), inv.issueDate(), po, note,
          charges, recurring, cancelled);
    } catch (IllegalArgumentException e) {
      throw ctx.refuse(what + " cannot be a Chargebee invoice: " + e.getMessage());
    }
  }

  private static void addTax(List<ChargebeeInvoiceRequest.Charge> charges, InvoiceLine l, MinorUnits units,
      MappingContext ctx, String what) {
    if (l.taxAmount() != null && !l.taxAmount().isZero()) {
      long tax = minor(units, l.taxAmount(), ctx, what);
      if (tax > 0) {
        charges.add(new ChargebeeInvoiceRequest.Charge(
            (l.taxCode() != null ? "Tax " + l.taxCode() : "Tax") + " (line " + l.number() + ")", tax));
      }
    }
  }

  private static long minor(MinorUnits units, Money m, MappingContext ctx, String what) {
    try {
      return units.toMinor(m);
    } catch (RuntimeException e) {
      throw ctx.refuse(what + ": " + e.getMessage());
    }
  }

  /** The Unix seconds of midnight UTC of an ERP date. */
  static long epochSeconds(java.time.LocalDate d) {
    return ChronoUnit.SECONDS.between(java.time.LocalDate.EPOCH.atStartOfDay(), d.atStartOfDay());
  }
}
