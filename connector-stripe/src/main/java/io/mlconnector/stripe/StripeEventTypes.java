package io.mlconnector.stripe;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The Stripe event types the connector acts on; every other type is stored and ignored. */
public final class StripeEventTypes {
  /** An invoice was paid (also fires for payments made outside Stripe). */
  public static final String INVOICE_PAID = "invoice.paid";
  /** A payment attempt on an invoice failed (a dunning signal). */
  public static final String INVOICE_PAYMENT_FAILED = "invoice.payment_failed";
  /** A PaymentIntent succeeded: cash received. */
  public static final String PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded";
  /** A charge succeeded; links to the balance transaction with the fee. */
  public static final String CHARGE_SUCCEEDED = "charge.succeeded";
  /** A charge was refunded, wholly or partly. */
  public static final String CHARGE_REFUNDED = "charge.refunded";
  /** A dispute (chargeback) was opened; funds are withdrawn. */
  public static final String CHARGE_DISPUTE_CREATED = "charge.dispute.created";
  /** A dispute was closed (won, lost or accepted). */
  public static final String CHARGE_DISPUTE_CLOSED = "charge.dispute.closed";
  /** A payout reached the bank. */
  public static final String PAYOUT_PAID = "payout.paid";

  /** Every type the connector handles. */
  public static final Set<String> HANDLED =
      Set.of(
          INVOICE_PAID,
          INVOICE_PAYMENT_FAILED,
          PAYMENT_INTENT_SUCCEEDED,
          CHARGE_SUCCEEDED,
          CHARGE_REFUNDED,
          CHARGE_DISPUTE_CREATED,
          CHARGE_DISPUTE_CLOSED,
          PAYOUT_PAID);

  private StripeEventTypes() {}

  /**
   * Whether the connector acts on events of {@code type}.
   *
   * @param type the event's {@code type}, e.g. {@code invoice.paid}, or null
   * @return true for a type in {@link #HANDLED}; false for any other type and for null
   */
  public static boolean isHandled(@Nullable String type) {
    return type != null && HANDLED.contains(type);
  }
}
