package io.mlconnector.stripe;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps stripe-java objects to the canonical model, for one tenant. Amounts go through {@link
 * StripeCurrencies}, dates are UTC days, and every reference to another Stripe object is an {@link
 * ExternalRef} of system {@code stripe} with Stripe's object name as its type ({@code
 * payment_intent}, {@code charge}, {@code invoice}, {@code customer}, {@code refund}, {@code
 * dispute}, {@code payout}, {@code balance_transaction}): the ERP side resolves them through the
 * engine's mappings (a Stripe invoice back to the ERP invoice it was issued for).
 *
 * <p>Versions are built from what changes an object's meaning for the ERP (its status and
 * amounts), so a re-delivered event or a second event about the same state maps to the same
 * version and the engine skips it.
 *
 * <p>The mappings from stripe-java's model classes are package-private (the connector's sources use
 * them), so an ISV's code never compiles against stripe-java's model and a stripe-java upgrade
 * cannot break it; what is public are the refs and the system name.
 */
public final class StripeCanonical {
  /** The system name in every ref this class builds. */
  public static final String SYSTEM = "stripe";

  private final String tenant;
  private final StripeCurrencies currencies;

  /**
   * A mapper for {@code tenant} with the given currency table.
   *
   * @param tenant the tenant every ref is stamped with; not blank
   * @param currencies the table that converts Stripe's minor units into {@link Money}
   * @throws IllegalArgumentException if {@code tenant} is blank
   */
  public StripeCanonical(String tenant, StripeCurrencies currencies) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.isBlank()) {
      throw new IllegalArgumentException("tenant must not be blank");
    }
    this.tenant = tenant;
    this.currencies = Objects.requireNonNull(currencies, "currencies");
  }

  /**
   * A ref to a Stripe object in this tenant.
   *
   * @param type Stripe's object name, e.g. {@code charge} or {@code payment_intent}
   * @param id the object's Stripe id, e.g. {@code ch_...}
   * @return the ref of system {@value #SYSTEM}
   */
  public ExternalRef ref(String type, String id) {
    return ExternalRef.of(SYSTEM, tenant, type, id);
  }

  /**
   * The Stripe object type an id belongs to, from its prefix ({@code ch_} is {@code charge}).
   *
   * @param id a Stripe id, or null
   * @return the object name, or null for null or an unknown prefix
   */
  public static @Nullable String typeOf(@Nullable String id) {
    if (id == null) {
      return null;
    }
    int u = id.indexOf('_');
    String prefix = u < 0 ? id : id.substring(0, u);
    switch (prefix) {
      case "ch":
      case "py":
        return "charge";
      case "pi":
        return "payment_intent";
      case "in":
        return "invoice";
      case "cus":
        return "customer";
      case "re":
      case "pyr":
        return "refund";
      case "dp":
      case "du":
        return "dispute";
      case "po":
        return "payout";
      case "txn":
        return "balance_transaction";
      default:
        return null;
    }
  }

  private @Nullable ExternalRef refOf(@Nullable String id) {
    String type = typeOf(id);
    return type == null ? null : ref(type, id);
  }

  private Money money(@Nullable Long minor, String currency) {
    return currencies.toMoney(minor == null ? 0 : minor, currency);
  }

  private static LocalDate day(@Nullable Long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds == null ? 0 : epochSeconds).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * A PaymentIntent as a received {@link Payment}, applied to the invoices its invoice payments
   * name. The amount is what was received; a PaymentIntent that received nothing maps with its
   * requested amount and status {@code FAILED}, {@code PENDING} or {@code CANCELLED}.
   *
   * @param pi the PaymentIntent, ideally with {@code latest_charge} expanded (for the method)
   * @param invoicePayments the invoice payments of this PaymentIntent (others are ignored)
   */
  Payment payment(PaymentIntent pi, List<InvoicePayment> invoicePayments) {
    return payment(pi, invoicePayments, java.util.function.UnaryOperator.identity());
  }

  /**
   * As {@link #payment(PaymentIntent, List)}, with each paid invoice's id passed through {@code
   * invoiceRoot} first: the connector's sources map a re-issued invoice to the first invoice of its
   * chain ({@link StripeMetadata#ORIGINAL}), the one the engine's mapping holds.
   */
  Payment payment(PaymentIntent pi, List<InvoicePayment> invoicePayments, java.util.function.UnaryOperator<String> invoiceRoot) {
    Objects.requireNonNull(pi, "pi");
    Objects.requireNonNull(invoiceRoot, "invoiceRoot");
    Payment.Status status = paymentStatus(pi.getStatus());
    long received = pi.getAmountReceived() == null ? 0 : pi.getAmountReceived();
    long amount = received > 0 ? received : (pi.getAmount() == null ? 0 : pi.getAmount());
    Payment.Builder b =
        Payment.builder()
            .ref(ref("payment_intent", pi.getId()))
            .version(pi.getStatus() + ":" + received)
            .direction(Payment.Direction.RECEIVED)
            .status(status)
            .method(method(pi.getLatestChargeObject()))
            .amount(money(amount, pi.getCurrency()))
            .date(day(pi.getCreated()))
            .reference(pi.getLatestCharge() != null ? pi.getLatestCharge() : pi.getId())
            .memo(pi.getDescription());
    if (pi.getCustomer() != null) {
      b.party(ref("customer", pi.getCustomer()));
    }
    if (invoicePayments != null && status == Payment.Status.SUCCEEDED) {
      for (InvoicePayment ip : invoicePayments) {
        if (ip.getPayment() != null
            && pi.getId().equals(ip.getPayment().getPaymentIntent())
            && "paid".equals(ip.getStatus())
            && ip.getAmountPaid() != null
            && ip.getAmountPaid() > 0) {
          b.apply(ref("invoice", invoiceRoot.apply(ip.getInvoice())), money(ip.getAmountPaid(), ip.getCurrency()));
        }
      }
    }
    return b.build();
  }

  private static Payment.Status paymentStatus(String s) {
    if (s == null) {
      return Payment.Status.PENDING;
    }
    switch (s) {
      case "succeeded":
        return Payment.Status.SUCCEEDED;
      case "canceled":
        return Payment.Status.CANCELLED;
      case "requires_payment_method":
        return Payment.Status.FAILED;
      default:
        return Payment.Status.PENDING;
    }
  }

  private static Payment.Method method(Charge charge) {
    if (charge == null || charge.getPaymentMethodDetails() == null || charge.getPaymentMethodDetails().getType() == null) {
      return Payment.Method.OTHER;
    }
    switch (charge.getPaymentMethodDetails().getType()) {
      case "card":
      case "card_present":
        return Payment.Method.CARD;
      case "us_bank_account":
      case "sepa_debit":
      case "bacs_debit":
      case "acss_debit":
      case "au_becs_debit":
        return Payment.Method.BANK_DEBIT;
      case "customer_balance":
      case "ach_credit_transfer":
        return Payment.Method.BANK_TRANSFER;
      case "link":
      case "paypal":
      case "cashapp":
        return Payment.Method.WALLET;
      default:
        return Payment.Method.OTHER;
    }
  }

  /** A Stripe refund as a canonical {@link Refund} of its PaymentIntent (or charge). */
  Refund refund(com.stripe.model.Refund r) {
    Objects.requireNonNull(r, "refund");
    Refund.Builder b =
        Refund.builder()
            .ref(ref("refund", r.getId()))
            .version(String.valueOf(r.getStatus()))
            .status(refundStatus(r.getStatus()))
            .amount(money(r.getAmount(), r.getCurrency()))
            .date(day(r.getCreated()))
            .reason(r.getReason())
            .reference(r.getId());
    if (r.getPaymentIntent() != null) {
      b.payment(ref("payment_intent", r.getPaymentIntent()));
    } else if (r.getCharge() != null) {
      b.payment(ref("charge", r.getCharge()));
    }
    return b.build();
  }

  private static Refund.Status refundStatus(String s) {
    if (s == null) {
      return Refund.Status.PENDING;
    }
    switch (s) {
      case "succeeded":
        return Refund.Status.SUCCEEDED;
      case "failed":
        return Refund.Status.FAILED;
      case "canceled":
        return Refund.Status.CANCELLED;
      default:
        return Refund.Status.PENDING;
    }
  }

  /** A Stripe dispute as a canonical {@link Dispute}; the Stripe reason is kept as the reason code. */
  Dispute dispute(com.stripe.model.Dispute d) {
    Objects.requireNonNull(d, "dispute");
    ExternalRef payment = d.getPaymentIntent() != null ? ref("payment_intent", d.getPaymentIntent()) : ref("charge", d.getCharge());
    Dispute.Builder b =
        Dispute.builder()
            .ref(ref("dispute", d.getId()))
            .version(String.valueOf(d.getStatus()))
            .payment(payment)
            .status(disputeStatus(d.getStatus()))
            .reason(disputeReason(d.getReason()))
            .reasonCode(d.getReason())
            .amount(money(d.getAmount(), d.getCurrency()))
            .openedOn(day(d.getCreated()));
    if (d.getEvidenceDetails() != null && d.getEvidenceDetails().getDueBy() != null) {
      b.respondBy(Instant.ofEpochSecond(d.getEvidenceDetails().getDueBy()));
    }
    return b.build();
  }

  private static Dispute.Status disputeStatus(String s) {
    if (s == null) {
      return Dispute.Status.NEEDS_RESPONSE;
    }
    switch (s) {
      case "warning_needs_response":
      case "warning_under_review":
        return Dispute.Status.INQUIRY;
      case "warning_closed":
        return Dispute.Status.CLOSED;
      case "under_review":
        return Dispute.Status.UNDER_REVIEW;
      case "won":
        return Dispute.Status.WON;
      case "lost":
        return Dispute.Status.LOST;
      default:
        return Dispute.Status.NEEDS_RESPONSE;
    }
  }

  private static Dispute.Reason disputeReason(String s) {
    if (s == null) {
      return Dispute.Reason.GENERAL;
    }
    switch (s) {
      case "fraudulent":
        return Dispute.Reason.FRAUDULENT;
      case "duplicate":
        return Dispute.Reason.DUPLICATE;
      case "product_not_received":
        return Dispute.Reason.PRODUCT_NOT_RECEIVED;
      case "product_unacceptable":
        return Dispute.Reason.PRODUCT_UNACCEPTABLE;
      case "credit_not_processed":
        return Dispute.Reason.CREDIT_NOT_PROCESSED;
      case "subscription_canceled":
        return Dispute.Reason.SUBSCRIPTION_CANCELED;
      case "unrecognized":
        return Dispute.Reason.UNRECOGNIZED;
      case "insufficient_funds":
      case "incorrect_account_details":
      case "bank_cannot_process":
      case "debit_not_authorized":
        return Dispute.Reason.BANK_ERROR;
      case "general":
        return Dispute.Reason.GENERAL;
      default:
        return Dispute.Reason.OTHER;
    }
  }

  /** A Stripe payout as a canonical {@link Payout}. */
  Payout payout(com.stripe.model.Payout p) {
    Objects.requireNonNull(p, "payout");
    LocalDate created = day(p.getCreated());
    LocalDate arrival = p.getArrivalDate() == null ? created : day(p.getArrivalDate());
    return Payout.builder()
        .ref(ref("payout", p.getId()))
        .version(String.valueOf(p.getStatus()))
        .status(payoutStatus(p.getStatus()))
        .amount(money(p.getAmount(), p.getCurrency()))
        .createdOn(created)
        .arrivalDate(arrival.isBefore(created) ? created : arrival)
        .destination(p.getDestination())
        .description(p.getDescription() != null ? p.getDescription() : p.getStatementDescriptor())
        .build();
  }

  private static Payout.Status payoutStatus(String s) {
    if (s == null) {
      return Payout.Status.PENDING;
    }
    switch (s) {
      case "paid":
        return Payout.Status.PAID;
      case "in_transit":
        return Payout.Status.IN_TRANSIT;
      case "failed":
        return Payout.Status.FAILED;
      case "canceled":
        return Payout.Status.CANCELLED;
      default:
        return Payout.Status.PENDING;
    }
  }

  /**
   * The fee of a balance transaction as a canonical {@link Fee} (the sum of its {@code
   * fee_details}, in the settlement currency), or empty when it carries no fee. The fee type
   * follows the transaction: a dispute's fee is {@code DISPUTE}, a payout's {@code PAYOUT};
   * otherwise the largest fee detail decides ({@code stripe_fee} is processing, {@code
   * application_fee} application, {@code tax} tax).
   *
   * @param txn the balance transaction
   * @param payoutId the payout that settled it, or null
   */
  Optional<Fee> fee(BalanceTransaction txn, @Nullable String payoutId) {
    Objects.requireNonNull(txn, "txn");
    if (txn.getFee() == null || txn.getFee() == 0) {
      return Optional.empty();
    }
    Fee.Builder b =
        Fee.builder()
            .ref(ref("balance_transaction", txn.getId()))
            .version(txn.getStatus() + ":" + txn.getFee())
            .type(feeType(txn))
            .amount(money(txn.getFee(), txn.getCurrency()))
            .date(day(txn.getCreated()))
            .description(txn.getDescription());
    ExternalRef source = refOf(txn.getSource());
    if (source != null) {
      b.source(source);
    }
    if (payoutId != null) {
      b.payout(ref("payout", payoutId));
    }
    return Optional.of(b.build());
  }

  private static Fee.Type feeType(BalanceTransaction txn) {
    String category = txn.getReportingCategory() != null ? txn.getReportingCategory() : txn.getType();
    if ("dispute".equals(category) || "adjustment".equals(txn.getType()) && txn.getSource() != null && txn.getSource().startsWith("dp_")) {
      return Fee.Type.DISPUTE;
    }
    if ("payout".equals(category)) {
      return Fee.Type.PAYOUT;
    }
    String largest = null;
    long max = Long.MIN_VALUE;
    if (txn.getFeeDetails() != null) {
      for (BalanceTransaction.FeeDetail d : txn.getFeeDetails()) {
        long a = d.getAmount() == null ? 0 : Math.abs(d.getAmount());
        if (a > max) {
          max = a;
          largest = d.getType();
        }
      }
    }
    if ("application_fee".equals(largest)) {
      return Fee.Type.APPLICATION;
    }
    if ("tax".equals(largest)) {
      return Fee.Type.TAX;
    }
    if ("stripe_fee".equals(largest) || "payment_method_passthrough_fee".equals(largest) || largest == null) {
      return Fee.Type.PROCESSING;
    }
    return Fee.Type.OTHER;
  }
}
