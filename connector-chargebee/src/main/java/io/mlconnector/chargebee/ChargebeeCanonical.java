package io.mlconnector.chargebee;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Chargebee transactions as canonical records. Refs: {@code chargebee:customer:<id>}, {@code
 * chargebee:invoice:<id>}, {@code chargebee:transaction:<id>}, {@code
 * chargebee:subscription:<id>}; versions are {@code resource_version}.
 */
public final class ChargebeeCanonical {
  /** Ref type of customers. */
  public static final String CUSTOMER = "customer";
  /** Ref type of invoices. */
  public static final String INVOICE = "invoice";
  /** Ref type of transactions (payments and refunds). */
  public static final String TRANSACTION = "transaction";
  /** Ref type of subscriptions. */
  public static final String SUBSCRIPTION = "subscription";

  private ChargebeeCanonical() {}

  /**
   * A Chargebee ref.
   *
   * @param tenant the tenant
   * @param type one of the ref types above, e.g. {@link #INVOICE}
   * @param id Chargebee's id
   * @return the ref of system {@value ChargebeeClient#SYSTEM}
   */
  public static ExternalRef ref(String tenant, String type, String id) {
    return ExternalRef.of(ChargebeeClient.SYSTEM, tenant, type, id);
  }

  /**
   * Minor units of {@code currency} as money.
   *
   * @param minor the amount in minor units, as Chargebee reports it
   * @param currency ISO 4217 code, any case
   * @return the amount with the currency's exponent as its scale
   */
  public static Money money(long minor, String currency) {
    return Money.ofMinor(minor, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
  }

  /**
   * A {@code type: payment} transaction as a received payment applied to Chargebee invoices.
   *
   * @param tenant the tenant the refs are stamped with
   * @param t the transaction
   * @return the payment; applied to its linked invoices only when it succeeded
   * @throws IllegalArgumentException if the transaction is not a payment
   */
  public static Payment payment(String tenant, ChargebeeResource t) {
    return payment(tenant, t, UnaryOperator.identity());
  }

  /**
   * As {@link #payment(String, ChargebeeResource)}, naming each invoice by {@code invoiceId} of
   * its Chargebee id (the collector names the first invoice of a re-issue chain).
   *
   * @param tenant the tenant the refs are stamped with
   * @param t the transaction
   * @param invoiceId maps a Chargebee invoice id to the id the payment should name
   * @return the payment; applied to its linked invoices only when it succeeded
   * @throws IllegalArgumentException if the transaction is not a payment
   */
  public static Payment payment(String tenant, ChargebeeResource t, UnaryOperator<String> invoiceId) {
    if (!"payment".equals(t.string("type"))) {
      throw new IllegalArgumentException("transaction " + t.id() + " is a " + t.string("type") + ", not a payment");
    }
    String currency = t.string("currency_code");
    Payment.Status status = switch (String.valueOf(t.string("status"))) {
      case "success" -> Payment.Status.SUCCEEDED;
      case "failure" -> Payment.Status.FAILED;
      case "voided" -> Payment.Status.CANCELLED;
      default -> Payment.Status.PENDING;
    };
    Payment.Builder b = Payment.builder()
        .ref(ref(tenant, TRANSACTION, t.id()))
        .version(String.valueOf(t.resourceVersion()))
        .direction(Payment.Direction.RECEIVED)
        .party(ref(tenant, CUSTOMER, t.string("customer_id")))
        .status(status)
        .method(method(t.string("payment_method")))
        .amount(money(t.number("amount", 0), currency))
        .date(date(t.number("date", 0)))
        .reference(t.string("id_at_gateway") != null ? t.string("id_at_gateway")
            : t.string("reference_number") != null ? t.string("reference_number") : t.id());
    if (status == Payment.Status.SUCCEEDED) {
      for (ChargebeeResource li : t.list("linked_invoices")) {
        b.apply(ref(tenant, INVOICE, invoiceId.apply(li.string("invoice_id"))), money(li.number("applied_amount", 0), currency));
      }
    } else if (t.string("error_text") != null) {
      b.memo(t.string("error_code") + ": " + t.string("error_text"));
    }
    return b.build();
  }

  /**
   * A {@code type: refund} transaction as a refund of the payment it refers to.
   *
   * @param tenant the tenant the refs are stamped with
   * @param t the transaction
   * @return the refund
   * @throws IllegalArgumentException if the transaction is not a refund
   */
  public static Refund refund(String tenant, ChargebeeResource t) {
    return refund(tenant, t, UnaryOperator.identity());
  }

  /**
   * As {@link #refund(String, ChargebeeResource)}, naming the invoice by {@code invoiceId} of its
   *     id.
   *
   * @param tenant the tenant the refs are stamped with
   * @param t the transaction
   * @param invoiceId maps a Chargebee invoice id to the id the refund should name
   * @return the refund
   * @throws IllegalArgumentException if the transaction is not a refund
   */
  public static Refund refund(String tenant, ChargebeeResource t, UnaryOperator<String> invoiceId) {
    if (!"refund".equals(t.string("type"))) {
      throw new IllegalArgumentException("transaction " + t.id() + " is a " + t.string("type") + ", not a refund");
    }
    Refund.Builder b = Refund.builder()
        .ref(ref(tenant, TRANSACTION, t.id()))
        .version(String.valueOf(t.resourceVersion()))
        .party(ref(tenant, CUSTOMER, t.string("customer_id")))
        .status("success".equals(t.string("status")) ? Refund.Status.SUCCEEDED
            : "failure".equals(t.string("status")) ? Refund.Status.FAILED : Refund.Status.PENDING)
        .amount(money(t.number("amount", 0), t.string("currency_code")))
        .date(date(t.number("date", 0)))
        .reference(t.id());
    if (t.string("reference_transaction_id") != null) {
      b.payment(ref(tenant, TRANSACTION, t.string("reference_transaction_id")));
    }
    for (ChargebeeResource cn : t.list("linked_credit_notes")) {
      if (cn.string("cn_reference_invoice_id") != null) {
        b.invoice(ref(tenant, INVOICE, invoiceId.apply(cn.string("cn_reference_invoice_id"))));
      }
      if (cn.string("cn_reason_code") != null) {
        b.reason(cn.string("cn_reason_code"));
      }
    }
    return b.build();
  }

  static Payment.Method method(@Nullable String m) {
    if (m == null) {
      return Payment.Method.OTHER;
    }
    return switch (m) {
      case "card" -> Payment.Method.CARD;
      case "bank_transfer", "ach_credit", "sepa_credit" -> Payment.Method.BANK_TRANSFER;
      case "direct_debit", "sepa_instant_transfer" -> Payment.Method.BANK_DEBIT;
      case "check" -> Payment.Method.CHECK;
      case "cash" -> Payment.Method.CASH;
      case "paypal_express_checkout", "amazon_payments", "apple_pay", "google_pay" -> Payment.Method.WALLET;
      default -> Payment.Method.OTHER;
    };
  }

  static LocalDate date(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
