package io.mlconnector.stripe;

import com.stripe.StripeClient;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoicePaymentListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The connector's reads of what Stripe collected (payment intents, charges, invoice payments,
 * refunds, disputes, balance transactions, payouts) and of its events (the webhook backstop), as
 * stripe-java objects for the package's sources and canonical mapping. Package-private on purpose:
 * stripe-java's model classes never reach an ISV's code, so upgrading stripe-java cannot break it.
 */
final class StripeReads {
  private static final long PAGE = StripeConnector.PAGE;

  private final StripeConnector stripe;
  private final StripeClient client;

  StripeReads(StripeConnector stripe, StripeClient client) {
    this.stripe = stripe;
    this.client = client;
  }

  PaymentIntent retrievePaymentIntent(String id) {
    Validation.requireId(id, "pi_", "paymentIntentId");
    return call(
        "GET /v1/payment_intents/{id}",
        () -> client.v1().paymentIntents().retrieve(id, com.stripe.param.PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build()));
  }

  /** A charge ({@code ch_...}) with its balance transaction expanded (fee, net, {@code fee_details}). */
  Charge retrieveCharge(String id) {
    Validation.requireId(id, "ch_", "chargeId");
    return call("GET /v1/charges/{id}", () -> client.v1().charges().retrieve(id, ChargeRetrieveParams.builder().addExpand("balance_transaction").build()));
  }

  /** The payments applied to an invoice (since API basil a charge no longer names its invoice). */
  List<InvoicePayment> listInvoicePayments(String invoiceId) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    return invoicePayments(InvoicePaymentListParams.builder().setInvoice(invoiceId), ip -> invoiceId.equals(ip.getInvoice()));
  }

  /** The invoice payments a PaymentIntent made: which invoices its money went to. */
  List<InvoicePayment> listInvoicePaymentsOfPaymentIntent(String paymentIntentId) {
    Validation.requireId(paymentIntentId, "pi_", "paymentIntentId");
    InvoicePaymentListParams.Builder p =
        InvoicePaymentListParams.builder()
            .setPayment(
                InvoicePaymentListParams.Payment.builder()
                    .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                    .setPaymentIntent(paymentIntentId)
                    .build());
    return invoicePayments(p, ip -> ip.getPayment() != null && paymentIntentId.equals(ip.getPayment().getPaymentIntent()));
  }

  private List<InvoicePayment> invoicePayments(InvoicePaymentListParams.Builder base, java.util.function.Predicate<InvoicePayment> keep) {
    return listAll(
        after -> {
          InvoicePaymentListParams.Builder p = base.setLimit(PAGE);
          if (after != null) {
            p.setStartingAfter(after);
          }
          InvoicePaymentListParams params = p.build();
          return call("GET /v1/invoice_payments", () -> client.v1().invoicePayments().list(params));
        },
        keep);
  }

  /** The refunds of a charge, newest first, with their balance transactions expanded. */
  List<Refund> listRefunds(String chargeId) {
    Validation.requireId(chargeId, "ch_", "chargeId");
    return listAll(
        after -> {
          com.stripe.param.RefundListParams.Builder p =
              com.stripe.param.RefundListParams.builder().setCharge(chargeId).setLimit(PAGE).addExpand("data.balance_transaction");
          if (after != null) {
            p.setStartingAfter(after);
          }
          return call("GET /v1/refunds", () -> client.v1().refunds().list(p.build()));
        },
        r -> chargeId.equals(r.getCharge()));
  }

  /** The raw stripe-java invoice, for inbound mapping (payments, {@code status_transitions}). */
  Invoice retrieveStripeInvoice(String invoiceId) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    return call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId));
  }

  /** A refund ({@code re_...}) with its balance transaction expanded. */
  Refund retrieveRefund(String id) {
    Validation.requireId(id, "re_", "refundId");
    return call(
        "GET /v1/refunds/{id}",
        () -> client.v1().refunds().retrieve(id, com.stripe.param.RefundRetrieveParams.builder().addExpand("balance_transaction").build()));
  }

  /** A dispute ({@code dp_...} or {@code du_...}). */
  Dispute retrieveDispute(String id) {
    Objects.requireNonNull(id, "disputeId");
    if (!id.startsWith("dp_") && !id.startsWith("du_")) {
      throw new IllegalArgumentException("disputeId must be a Stripe id starting with 'dp_' or 'du_', was '" + id + "'");
    }
    return call("GET /v1/disputes/{id}", () -> client.v1().disputes().retrieve(id));
  }

  /** A balance transaction ({@code txn_...}): amount, fee, net, {@code fee_details}. */
  BalanceTransaction retrieveBalanceTransaction(String id) {
    Validation.requireId(id, "txn_", "balanceTransactionId");
    return call("GET /v1/balance_transactions/{id}", () -> client.v1().balanceTransactions().retrieve(id));
  }

  /** A payout ({@code po_...}). */
  Payout retrievePayout(String id) {
    Validation.requireId(id, "po_", "payoutId");
    return call("GET /v1/payouts/{id}", () -> client.v1().payouts().retrieve(id));
  }

  /** Every balance transaction swept into a payout ({@code GET /v1/balance_transactions?payout=}), paged. */
  List<BalanceTransaction> listPayoutTransactions(String payoutId) {
    Validation.requireId(payoutId, "po_", "payoutId");
    return listAll(
        after -> {
          BalanceTransactionListParams.Builder p = BalanceTransactionListParams.builder().setPayout(payoutId).setLimit(PAGE);
          if (after != null) {
            p.setStartingAfter(after);
          }
          return call("GET /v1/balance_transactions", () -> client.v1().balanceTransactions().list(p.build()));
        },
        t -> true);
  }

  /**
   * Reads a list to its end, page after page ({@code starting_after} the last item of the previous
   * page), keeping the items {@code keep} accepts.
   */
  private static <T extends com.stripe.model.HasId> List<T> listAll(
      java.util.function.Function<String, StripeCollection<T>> pageAfter,
      java.util.function.Predicate<T> keep) {
    List<T> out = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      StripeCollection<T> page = pageAfter.apply(after);
      for (T item : page.getData()) {
        if (keep.test(item)) {
          out.add(item);
        }
        after = item.getId();
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    return out;
  }

  // -------------------------------------------------------------------------------------- events

  /**
   * The webhook backstop: events newer than {@code lastSeenEventId}, oldest first, read in pages of
   * 100 with {@code ending_before} until none is left or {@code maxEvents} were read. With no
   * cursor yet, reads events created at or after {@code since} (Stripe keeps about 30 days).
   *
   * @param lastSeenEventId the newest event already seen ({@code evt_...}), or null
   * @param since the start when there is no cursor; ignored otherwise; may be null (everything kept)
   * @param maxEvents the most events to return, 1 to 10,000
   */
  StripeEvents listEventsSince(@Nullable String lastSeenEventId, @Nullable Instant since, int maxEvents) {
    return listEventsSince(lastSeenEventId, since, maxEvents, java.util.Set.of());
  }

  /**
   * As {@link #listEventsSince(String, Instant, int)}, of the given event types only (Stripe's
   * {@code types[]} filter, at most 20 types; empty: every type), so a backstop reads only what its
   * flows handle.
   */
  StripeEvents listEventsSince(
      @Nullable String lastSeenEventId, @Nullable Instant since, int maxEvents, java.util.Collection<String> types) {
    java.util.Objects.requireNonNull(types, "types");
    if (types.size() > 20) {
      throw new IllegalArgumentException("Stripe filters events by at most 20 types, was " + types.size());
    }
    List<String> only = types.stream().sorted().toList();
    if (lastSeenEventId != null) {
      Validation.requireId(lastSeenEventId, "evt_", "lastSeenEventId");
    }
    if (maxEvents < 1 || maxEvents > 10_000) {
      throw new IllegalArgumentException("maxEvents must be in [1, 10000], was " + maxEvents);
    }
    if (lastSeenEventId == null) {
      return firstEvents(since, maxEvents, only);
    }
    List<Event> collected = new ArrayList<>();
    String cursor = lastSeenEventId;
    boolean more = true;
    while (more && collected.size() < maxEvents) {
      long limit = Math.min(PAGE, maxEvents - collected.size());
      String before = cursor;
      StripeCollection<Event> page =
          call("GET /v1/events", () -> client.v1().events().list(
              withTypes(EventListParams.builder().setEndingBefore(before).setLimit(limit), only).build()));
      List<Event> data = new ArrayList<>(page.getData());
      if (data.isEmpty()) {
        break;
      }
      // a page is newest first; the page right after the cursor is the one ending just before it
      Collections.reverse(data);
      collected.addAll(data);
      cursor = data.get(data.size() - 1).getId();
      more = Boolean.TRUE.equals(page.getHasMore());
    }
    return new StripeEvents(collected, collected.isEmpty() ? lastSeenEventId : cursor, more && !collected.isEmpty());
  }

  private static EventListParams.Builder withTypes(EventListParams.Builder p, List<String> types) {
    return types.isEmpty() ? p : p.addAllType(types);
  }

  private StripeEvents firstEvents(Instant since, int maxEvents, List<String> types) {
    // without a cursor: walk back from the newest (starting_after) down to `since`, then reverse
    List<Event> newestFirst = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      EventListParams.Builder p = withTypes(EventListParams.builder().setLimit(PAGE), types);
      if (since != null) {
        p.setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build());
      }
      if (after != null) {
        p.setStartingAfter(after);
      }
      StripeCollection<Event> page = call("GET /v1/events", () -> client.v1().events().list(p.build()));
      for (Event e : page.getData()) {
        newestFirst.add(e);
        after = e.getId();
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    Collections.reverse(newestFirst);
    List<Event> batch = newestFirst.size() > maxEvents ? newestFirst.subList(0, maxEvents) : newestFirst;
    String last = batch.isEmpty() ? null : batch.get(batch.size() - 1).getId();
    return new StripeEvents(batch, last, newestFirst.size() > maxEvents);
  }

  /** An event by id, e.g. to re-read one the inbox holds. */
  Event retrieveEvent(String eventId) {
    Validation.requireId(eventId, "evt_", "eventId");
    return call("GET /v1/events/{id}", () -> client.v1().events().retrieve(eventId));
  }

  private <T> T call(String operation, StripeConnector.StripeCall<T> c) {
    return stripe.call(operation, c);
  }
}
