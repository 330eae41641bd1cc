package io.mlconnector.samples.internal;

import com.stripe.model.Charge;
import com.stripe.model.InvoicePayment;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Refund;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.stripe.StripeConnector;
import java.util.List;
import java.util.Objects;

/**
 * Adds to refunds and disputes read from Stripe the Stripe invoice their payment paid (a source-side
 * read: Stripe's refund and dispute objects name the payment, not the invoice), so mappers can find
 * the SYSPRO invoice to adjust.
 */
public final class InvoiceLinks {
  private final StripeConnector stripe;

  /** Links through {@code stripe}. */
  public InvoiceLinks(StripeConnector stripe) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
  }

  /** The refund with its invoice set (unchanged when its payment paid no invoice). */
  public Refund refund(Refund r) {
    ExternalRef invoice = invoiceOf(r.payment());
    if (invoice == null || r.invoice() != null) {
      return r;
    }
    return new Refund(r.ref(), r.version(), r.payment(), r.party(), invoice, r.status(), r.amount(),
        r.date(), r.reason(), r.reference(), r.extensions());
  }

  /** The dispute with its invoice set (unchanged when its payment paid no invoice). */
  public Dispute dispute(Dispute d) {
    ExternalRef payment = d.payment();
    if (payment != null && "charge".equals(payment.type())) {
      Charge c = stripe.retrieveCharge(payment.id());
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

  private ExternalRef invoiceOf(ExternalRef payment) {
    if (payment == null || !"payment_intent".equals(payment.type())) {
      return null;
    }
    List<InvoicePayment> paid = stripe.listInvoicePaymentsOfPaymentIntent(payment.id());
    for (InvoicePayment ip : paid) {
      if (ip.getInvoice() != null) {
        return ExternalRef.of(StripeCanonical.SYSTEM, payment.tenant(), "invoice", ip.getInvoice());
      }
    }
    return null;
  }
}
