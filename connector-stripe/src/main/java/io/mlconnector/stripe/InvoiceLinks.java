package io.mlconnector.stripe;

import com.stripe.model.Charge;
import com.stripe.model.InvoicePayment;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Names the ERP invoice behind what Stripe reports (source-side reads): a payment's applications,
 * and the invoice a refund's or dispute's payment paid (Stripe's refund and dispute objects name
 * the payment, not the invoice). The ERP invoice is read from the Stripe invoice's stamp ({@link
 * StripeMetadata#SOURCE_REF}), which also holds on an invoice re-issued after an ERP change; an
 * invoice without a stamp (not issued by the connector) keeps its Stripe ref.
 */
final class InvoiceLinks {
  private final StripeConnector stripe;

  /** Links through {@code stripe}. */
  InvoiceLinks(StripeConnector stripe) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
  }

  /** The payment with its applications naming ERP invoices where the Stripe invoice is stamped. */
  Payment payment(Payment p) {
    if (p.applications().isEmpty()) {
      return p;
    }
    Payment.Builder b =
        Payment.builder().ref(p.ref()).version(p.version()).direction(p.direction()).status(p.status())
            .method(p.method()).amount(p.amount()).date(p.date()).reference(p.reference()).memo(p.memo())
            .extensions(p.extensions());
    if (p.party() != null) {
      b.party(p.party());
    }
    for (PaymentApplication a : p.applications()) {
      b.addApplication(new PaymentApplication(erpInvoice(a.invoice()), a.amount(), a.discount()));
    }
    return b.build();
  }

  /** The ERP invoice a Stripe invoice was issued for, or the Stripe ref when it carries no stamp. */
  ExternalRef erpInvoice(ExternalRef stripeInvoice) {
    if (!StripeCanonical.SYSTEM.equals(stripeInvoice.system()) || !"invoice".equals(stripeInvoice.type())) {
      return stripeInvoice;
    }
    com.stripe.model.Invoice inv = stripe.reads().retrieveStripeInvoice(stripeInvoice.id());
    String stamp = inv.getMetadata() == null ? null : inv.getMetadata().get(StripeMetadata.SOURCE_REF);
    if (stamp == null) {
      return stripeInvoice;
    }
    String[] parts = stamp.split(":", 3);
    if (parts.length != 3) {
      return stripeInvoice;
    }
    return ExternalRef.of(parts[0], stripeInvoice.tenant(), parts[1], parts[2]);
  }

  /** The refund with its invoice set (unchanged when its payment paid no invoice). */
  Refund refund(Refund r) {
    ExternalRef invoice = invoiceOf(r.payment());
    if (invoice == null || r.invoice() != null) {
      return r;
    }
    return new Refund(r.ref(), r.version(), r.payment(), r.party(), invoice, r.status(), r.amount(),
        r.date(), r.reason(), r.reference(), r.extensions());
  }

  /** The dispute with its invoice set (unchanged when its payment paid no invoice). */
  Dispute dispute(Dispute d) {
    ExternalRef payment = d.payment();
    if (payment != null && "charge".equals(payment.type())) {
      Charge c = stripe.reads().retrieveCharge(payment.id());
      if (c.getPaymentIntent() != null) {
        payment = ExternalRef.of(payment.system(), payment.tenant(), "payment_intent", c.getPaymentIntent());
      }
    }
    ExternalRef invoice = invoiceOf(payment);
    if (invoice == null || d.invoice() != null) {
      return d;
    }
    return new Dispute(d.ref(), d.version(), payment, d.party(), invoice, d.status(), d.reason(),
        d.reasonCode(), d.amount(), d.openedOn(), d.respondBy(), d.extensions());
  }

  private @Nullable ExternalRef invoiceOf(@Nullable ExternalRef payment) {
    if (payment == null || !"payment_intent".equals(payment.type())) {
      return null;
    }
    List<InvoicePayment> paid = stripe.reads().listInvoicePaymentsOfPaymentIntent(payment.id());
    for (InvoicePayment ip : paid) {
      if (ip.getInvoice() != null) {
        return erpInvoice(ExternalRef.of(StripeCanonical.SYSTEM, payment.tenant(), "invoice", ip.getInvoice()));
      }
    }
    return null;
  }
}
