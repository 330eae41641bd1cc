package io.mlconnector.samples;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.stripe.StripeCustomerRequest;
import io.mlconnector.stripe.StripeInvoiceRequest;
import io.mlconnector.stripe.StripeMappers;
import io.mlconnector.syspro.SysproRefs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mappers of the SYSPRO &lt;-&gt; Stripe pair, offered by {@link #factory(StateStore)} to the
 * engine's {@link io.mlconnector.core.mapping.MapperRegistry} (override any of them per tenant
 * there).
 *
 * <ul>
 *   <li>Customer: connector-stripe's default, plus the tax id in the customer's metadata ({@value
 *       #TAX_ID_METADATA}).
 *   <li>Invoice: connector-stripe's default (an invoice cancelled in SYSPRO voids its Stripe
 *       invoice); an invoice already paid or cancelled in SYSPRO before it ever reached Stripe is
 *       refused (there is nothing to collect).
 *   <li>Payment, refund, dispute (Stripe to SYSPRO): the sources name the SYSPRO invoice behind
 *       the Stripe invoice (its stamp, which survives a re-issue); the mapper checks that this
 *       tenant's invoice flow issued it (else, as for a Stripe invoice ref it finds in no mapping,
 *       the record is deferred) and makes that invoice's customer the party. A payment that did not
 *       succeed is refused with its status, so it shows in the audit and the dead letters. A refund
 *       or dispute waits until its payment is posted.
 * </ul>
 */
public final class SysproStripeMappers {
  /** The customer metadata key carrying the SYSPRO tax registration number. */
  public static final String TAX_ID_METADATA = "tax_id";

  private SysproStripeMappers() {}

  /**
   * A factory offering every mapper of the pair; {@code store} resolves Stripe invoices back to
   * SYSPRO invoices.
   */
  public static Mapper.Factory factory(StateStore store) {
    Objects.requireNonNull(store, "store");
    Mapper<Customer, StripeCustomerRequest> customer = customer();
    Mapper<Invoice, StripeInvoiceRequest> invoice = invoice();
    Mapper<Payment, Payment> payment = payment(store);
    Mapper<Refund, Refund> refund = refund(store);
    Mapper<Dispute, Dispute> dispute = dispute(store);
    return (source, target, tenant) -> {
      if (source == Customer.class && target == StripeCustomerRequest.class) {
        return customer;
      }
      if (source == Invoice.class && target == StripeInvoiceRequest.class) {
        return invoice;
      }
      if (source == Payment.class && target == Payment.class) {
        return payment;
      }
      if (source == Refund.class && target == Refund.class) {
        return refund;
      }
      if (source == Dispute.class && target == Dispute.class) {
        return dispute;
      }
      return null;
    };
  }

  /** SYSPRO customer to Stripe customer request, with the tax id in metadata. */
  public static Mapper<Customer, StripeCustomerRequest> customer() {
    Mapper<Customer, StripeCustomerRequest> base = StripeMappers.customer();
    return (c, context) -> {
      StripeCustomerRequest r = base.map(c, context);
      if (c.taxId() == null || c.taxId().isBlank()) {
        return r;
      }
      Map<String, String> metadata = new HashMap<>(r.metadata());
      metadata.put(TAX_ID_METADATA, c.taxId());
      return new StripeCustomerRequest(r.sourceRef(), r.sourceVersion(), r.name(), r.email(), r.phone(),
          r.address(), r.preferredLocale(), metadata);
    };
  }

  /** SYSPRO AR invoice to Stripe invoice request. */
  public static Mapper<Invoice, StripeInvoiceRequest> invoice() {
    Mapper<Invoice, StripeInvoiceRequest> base = StripeMappers.invoice();
    return (inv, context) -> {
      if (inv.status() == Invoice.Status.PAID
          && context.resolve(inv.ref(), StripeCanonical.SYSTEM).isEmpty()) {
        throw context.refuse("invoice " + inv.number() + " was paid in SYSPRO before it reached Stripe;"
            + " there is nothing to collect");
      }
      if (inv.status() == Invoice.Status.CANCELLED
          && context.resolve(inv.ref(), StripeCanonical.SYSTEM).isEmpty()) {
        throw context.refuse("invoice " + inv.number() + " was cancelled in SYSPRO before it reached Stripe;"
            + " there is nothing to collect");
      }
      return base.map(inv, context);
    };
  }

  /** A Stripe payment as an ARSTPY payment against the SYSPRO invoices it paid. */
  public static Mapper<Payment, Payment> payment(StateStore store) {
    Objects.requireNonNull(store, "store");
    return (p, context) -> {
      if (p.status() != Payment.Status.SUCCEEDED) {
        throw context.refuse("payment " + p.ref().id() + " is " + p.status()
            + "; only succeeded payments are posted to SYSPRO");
      }
      if (p.applications().isEmpty()) {
        throw context.refuse("payment " + p.ref().id() + " paid no Stripe invoice");
      }
      Payment.Builder b =
          Payment.builder().ref(p.ref()).version(p.version()).direction(p.direction())
              .status(p.status()).method(p.method()).amount(p.amount()).date(p.date())
              .reference(p.reference()).memo(p.memo()).extensions(p.extensions());
      String customer = null;
      for (PaymentApplication a : p.applications()) {
        ExternalRef erp = erpInvoice(store, context, a.invoice());
        String owner = SysproRefs.parts(erp, SysproRefs.AR_INVOICE, 3).get(0);
        if (customer != null && !customer.equals(owner)) {
          throw context.refuse("payment " + p.ref().id() + " pays invoices of two SYSPRO customers ("
              + customer + ", " + owner + "); ARSTPY posts one customer per payment");
        }
        customer = owner;
        b.addApplication(new PaymentApplication(erp, a.amount(), a.discount()));
      }
      return b.party(SysproRefs.customer(context.tenant(), customer)).build();
    };
  }

  /** A Stripe refund as an ARSTPY adjustment re-opening the SYSPRO invoice. */
  public static Mapper<Refund, Refund> refund(StateStore store) {
    Objects.requireNonNull(store, "store");
    return (r, context) -> {
      if (r.invoice() == null) {
        throw context.refuse("refund " + r.ref().id() + " is of a payment that paid no Stripe invoice");
      }
      if (r.payment() != null) {
        context.require(r.payment(), SysproRefs.SYSTEM);
      }
      ExternalRef erp = erpInvoice(store, context, r.invoice());
      String customer = SysproRefs.parts(erp, SysproRefs.AR_INVOICE, 3).get(0);
      return new Refund(r.ref(), r.version(), r.payment(), SysproRefs.customer(context.tenant(), customer),
          erp, r.status(), r.amount(), r.date(), r.reason(), r.reference(), r.extensions());
    };
  }

  /** A Stripe dispute as ARSTPY adjustments of the SYSPRO invoice. */
  public static Mapper<Dispute, Dispute> dispute(StateStore store) {
    Objects.requireNonNull(store, "store");
    return (d, context) -> {
      if (d.invoice() == null) {
        throw context.refuse("dispute " + d.ref().id() + " is of a payment that paid no Stripe invoice");
      }
      if (d.payment() != null) {
        context.require(d.payment(), SysproRefs.SYSTEM);
      }
      ExternalRef erp = erpInvoice(store, context, d.invoice());
      String customer = SysproRefs.parts(erp, SysproRefs.AR_INVOICE, 3).get(0);
      return new Dispute(d.ref(), d.version(), d.payment(), SysproRefs.customer(context.tenant(), customer),
          erp, d.status(), d.reason(), d.reasonCode(), d.amount(), d.openedOn(), d.respondBy(), d.extensions());
    };
  }

  /**
   * The SYSPRO AR invoice behind {@code invoice}: a SYSPRO ref (named by the source from the
   * Stripe invoice's stamp) must have been issued to Stripe by this tenant's invoice flow; a Stripe
   * ref is looked up in the ID mappings. Either defers the record while the invoice is not synced.
   */
  static ExternalRef erpInvoice(StateStore store, MappingContext context, ExternalRef invoice) {
    if (SysproRefs.SYSTEM.equals(invoice.system()) && SysproRefs.AR_INVOICE.equals(invoice.type())) {
      if (store.mappingBySource(invoice, StripeCanonical.SYSTEM).isEmpty()) {
        throw context.defer(invoice, "SYSPRO invoice " + invoice.id() + " is not (yet) issued in Stripe");
      }
      return invoice;
    }
    if (!StripeCanonical.SYSTEM.equals(invoice.system())) {
      throw context.refuse("expected a Stripe or SYSPRO invoice, got " + invoice);
    }
    List<ExternalRef> sources =
        store.mappingByTarget(invoice).map(Mapping::source).stream()
            .filter(s -> SysproRefs.SYSTEM.equals(s.system()) && SysproRefs.AR_INVOICE.equals(s.type()))
            .toList();
    if (sources.isEmpty()) {
      throw context.defer(invoice, "Stripe invoice " + invoice.id() + " is not (yet) mapped to a SYSPRO invoice");
    }
    return sources.get(0);
  }
}
