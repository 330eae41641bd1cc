package io.mlconnector.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Event;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's inbound sources for Stripe webhook flows, one per canonical record type. Each says
 * which object an event is about (from the event body, with no remote call), re-fetches that object
 * (deliveries are unordered; the current state wins) and maps it with {@link StripeCanonical}. The
 * backstop ({@link WebhookSource#eventsSince}) pages {@code GET /v1/events} after the last seen
 * event, or over the look-back window (default 3 days, Stripe's live-mode retry horizon) when there
 * is no cursor yet.
 *
 * <table>
 *   <caption>events and the records they produce</caption>
 *   <tr><th>source</th><th>events</th><th>record</th></tr>
 *   <tr><td>{@link #payments}</td><td>{@code payment_intent.succeeded}, {@code charge.succeeded},
 *       {@code invoice.paid}, {@code invoice.payment_failed}, {@code
 *       payment_intent.payment_failed}</td><td>{@link Payment} of the PaymentIntent, applied to the
 *       invoices it paid; a failed attempt maps with status {@code FAILED}</td></tr>
 *   <tr><td>{@link #refunds}</td><td>{@code charge.refunded}, {@code refund.created}, {@code
 *       refund.updated}</td><td>{@link Refund}</td></tr>
 *   <tr><td>{@link #disputes}</td><td>{@code charge.dispute.created}, {@code
 *       charge.dispute.closed}</td><td>{@link Dispute}</td></tr>
 *   <tr><td>{@link #payouts}</td><td>{@code payout.paid}</td><td>{@link Payout}</td></tr>
 *   <tr><td>{@link #fees}</td><td>{@code charge.succeeded}, {@code charge.dispute.created}, {@code
 *       charge.dispute.closed}</td><td>{@link Fee} of the balance transaction</td></tr>
 * </table>
 *
 * <p>All payment events of one PaymentIntent resolve to the same record (ref and version), so the
 * engine writes it once. An invoice paid outside Stripe has no PaymentIntent and produces no payment
 * record (the money did not move through Stripe; the ERP recorded it). {@code
 * invoice.payment_failed} resolves to the failed attempt: Stripe lists it as the invoice's default
 * payment, {@code open}, naming the PaymentIntent a retry later pays (the same record then comes
 * back {@code SUCCEEDED} with a new version); {@code payment_intent.payment_failed} resolves to it
 * directly.
 */
public final class StripeSources {
  /**
   * How far back the backstop reads when it has no cursor yet. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(3);

  private StripeSources() {}

  /**
   * Payments received ({@link Payment}).
   *
   * @param stripe the tenant's connector
   * @return the source; its backstop's first read reaches back {@link #DEFAULT_LOOKBACK}
   */
  public static WebhookSource<Payment> payments(StripeConnector stripe) {
    return new PaymentSource(stripe, DEFAULT_LOOKBACK);
  }

  /**
   * As {@link #payments(StripeConnector)}, with the backstop's first read reaching back {@code
   * lookback} (null: {@link #DEFAULT_LOOKBACK}).
   *
   * @param stripe the tenant's connector
   * @param lookback how far back the backstop's first read reaches; positive, or null for the
   *     default
   * @return the source
   * @throws IllegalArgumentException if {@code lookback} is zero or negative
   */
  public static WebhookSource<Payment> payments(StripeConnector stripe, @Nullable Duration lookback) {
    return new PaymentSource(stripe, lookback == null ? DEFAULT_LOOKBACK : positive(lookback));
  }

  /**
   * Refunds ({@link Refund}).
   *
   * @param stripe the tenant's connector
   * @return the source; its backstop's first read reaches back {@link #DEFAULT_LOOKBACK}
   */
  public static WebhookSource<Refund> refunds(StripeConnector stripe) {
    return new RefundSource(stripe, DEFAULT_LOOKBACK);
  }

  /**
   * As {@link #refunds(StripeConnector)}, with the backstop's first read reaching back {@code
   * lookback} (null: {@link #DEFAULT_LOOKBACK}).
   *
   * @param stripe the tenant's connector
   * @param lookback how far back the backstop's first read reaches; positive, or null for the
   *     default
   * @return the source
   * @throws IllegalArgumentException if {@code lookback} is zero or negative
   */
  public static WebhookSource<Refund> refunds(StripeConnector stripe, @Nullable Duration lookback) {
    return new RefundSource(stripe, lookback == null ? DEFAULT_LOOKBACK : positive(lookback));
  }

  /**
   * Disputes ({@link Dispute}).
   *
   * @param stripe the tenant's connector
   * @return the source; its backstop's first read reaches back {@link #DEFAULT_LOOKBACK}
   */
  public static WebhookSource<Dispute> disputes(StripeConnector stripe) {
    return new DisputeSource(stripe, DEFAULT_LOOKBACK);
  }

  /**
   * As {@link #disputes(StripeConnector)}, with the backstop's first read reaching back {@code
   * lookback} (null: {@link #DEFAULT_LOOKBACK}).
   *
   * @param stripe the tenant's connector
   * @param lookback how far back the backstop's first read reaches; positive, or null for the
   *     default
   * @return the source
   * @throws IllegalArgumentException if {@code lookback} is zero or negative
   */
  public static WebhookSource<Dispute> disputes(StripeConnector stripe, @Nullable Duration lookback) {
    return new DisputeSource(stripe, lookback == null ? DEFAULT_LOOKBACK : positive(lookback));
  }

  /**
   * Payouts ({@link Payout}); their transactions come from {@code GET /v1/balance_transactions?payout=}.
   *
   * @param stripe the tenant's connector
   * @return the source; its backstop's first read reaches back {@link #DEFAULT_LOOKBACK}
   */
  public static WebhookSource<Payout> payouts(StripeConnector stripe) {
    return new PayoutSource(stripe, DEFAULT_LOOKBACK);
  }

  /**
   * As {@link #payouts(StripeConnector)}, with the backstop's first read reaching back {@code
   * lookback} (null: {@link #DEFAULT_LOOKBACK}).
   *
   * @param stripe the tenant's connector
   * @param lookback how far back the backstop's first read reaches; positive, or null for the
   *     default
   * @return the source
   * @throws IllegalArgumentException if {@code lookback} is zero or negative
   */
  public static WebhookSource<Payout> payouts(StripeConnector stripe, @Nullable Duration lookback) {
    return new PayoutSource(stripe, lookback == null ? DEFAULT_LOOKBACK : positive(lookback));
  }

  /** Fees of balance transactions ({@link Fee}): processing fees of charges, dispute fees.
   *
   * @param stripe the tenant's connector
   * @return the source; its backstop's first read reaches back {@link #DEFAULT_LOOKBACK}
   */
  public static WebhookSource<Fee> fees(StripeConnector stripe) {
    return new FeeSource(stripe, DEFAULT_LOOKBACK);
  }

  /**
   * As {@link #fees(StripeConnector)}, with the backstop's first read reaching back {@code
   * lookback} (null: {@link #DEFAULT_LOOKBACK}).
   *
   * @param stripe the tenant's connector
   * @param lookback how far back the backstop's first read reaches; positive, or null for the
   *     default
   * @return the source
   * @throws IllegalArgumentException if {@code lookback} is zero or negative
   */
  public static WebhookSource<Fee> fees(StripeConnector stripe, @Nullable Duration lookback) {
    return new FeeSource(stripe, lookback == null ? DEFAULT_LOOKBACK : positive(lookback));
  }

  private static Duration positive(Duration lookback) {
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException("lookback must be positive, was " + lookback);
    }
    return lookback;
  }

  /** What the sources read from an event body. */
  record Parsed(String type, JsonObject object) {
    String id() {
      return str(object, "id");
    }
  }

  static Parsed parse(WebhookEvent event) {
    try {
      JsonElement root = JsonParser.parseString(event.payload());
      if (!root.isJsonObject()) {
        throw new IllegalArgumentException("event " + event.eventId() + " is not a JSON object");
      }
      JsonObject data = root.getAsJsonObject().getAsJsonObject("data");
      if (data == null || !data.has("object") || !data.get("object").isJsonObject()) {
        throw new IllegalArgumentException("event " + event.eventId() + " has no data.object");
      }
      return new Parsed(event.type(), data.getAsJsonObject("object"));
    } catch (JsonParseException | ClassCastException e) {
      throw new IllegalArgumentException("event " + event.eventId() + " is not valid JSON", e);
    }
  }

  static @Nullable String str(@Nullable JsonObject o, String name) {
    JsonElement e = o == null ? null : o.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      return str(e.getAsJsonObject(), "id");
    }
    return e.isJsonPrimitive() ? e.getAsString() : null;
  }

  /** Shared: tenant refs, the backstop, not-found as empty. */
  abstract static class Base<S> implements WebhookSource<S> {
    final StripeConnector stripe;
    final StripeCanonical canonical;
    final Duration lookback;

    Base(StripeConnector stripe, Duration lookback) {
      this.stripe = Objects.requireNonNull(stripe, "stripe");
      this.canonical = new StripeCanonical(stripe.config().tenant(), stripe.config().currencies());
      this.lookback = lookback;
    }

    @Override
    public String system() {
      return StripeCanonical.SYSTEM;
    }

    @Override
    public EventPage eventsSince(@Nullable String cursor) {
      // only the types this source turns into objects (Stripe's types[]): not the whole account's events
      return eventsSince(cursor, eventTypes());
    }

    /** Stripe lists any types after any event id: one read serves every Stripe flow of a tenant. */
    @Override
    public boolean listsEventsOfAnyType() {
      return true;
    }

    @Override
    public EventPage eventsSince(@Nullable String cursor, Set<String> types) {
      Instant since = cursor == null ? stripe.config().clock().instant().minus(lookback) : null;
      // Stripe filters by at most 20 types: more are listed unfiltered and dropped here
      boolean filterHere = types.size() > 20;
      StripeEvents events = stripe.reads().listEventsSince(cursor, since, 500, filterHere ? Set.of() : types);
      List<WebhookEvent> out = new ArrayList<>();
      for (Event e : events.events()) {
        if (filterHere && !types.contains(e.getType())) {
          continue;
        }
        JsonObject raw = e.getRawJsonObject();
        out.add(new WebhookEvent(e.getId(), e.getType(), raw != null ? raw.toString() : e.toJson()));
      }
      return new EventPage(out, events.lastEventId(), events.hasMore());
    }

    Optional<ExternalRef> ref(String type, @Nullable String id) {
      return id == null ? Optional.empty() : Optional.of(canonical.ref(type, id));
    }

    static <T> Optional<T> unlessGone(Supplier<T> fetch) {
      try {
        return Optional.ofNullable(fetch.get());
      } catch (NotFoundException gone) {
        return Optional.empty();
      }
    }

    void requireType(ExternalRef ref, String... types) {
      for (String t : types) {
        if (t.equals(ref.type())) {
          return;
        }
      }
      throw new IllegalArgumentException(getClass().getSimpleName() + " cannot fetch a " + ref.type() + " (" + ref + ")");
    }
  }

  static final class PaymentSource extends Base<Payment> {
    /** The object of an {@code invoice.payment_failed} event: an invoice, read for its open attempt. */
    static final String FAILED_ATTEMPT = "invoice_attempt";

    PaymentSource(StripeConnector stripe, Duration lookback) {
      super(stripe, lookback);
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(StripeEventTypes.PAYMENT_INTENT_SUCCEEDED, "payment_intent.payment_failed",
          StripeEventTypes.CHARGE_SUCCEEDED, StripeEventTypes.INVOICE_PAID, StripeEventTypes.INVOICE_PAYMENT_FAILED);
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      switch (event.type()) {
        case StripeEventTypes.PAYMENT_INTENT_SUCCEEDED:
        case "payment_intent.payment_failed":
          return ref("payment_intent", parse(event).id());
        case StripeEventTypes.CHARGE_SUCCEEDED: {
          Parsed p = parse(event);
          String pi = str(p.object(), "payment_intent");
          return pi != null ? ref("payment_intent", pi) : Optional.empty();
        }
        case StripeEventTypes.INVOICE_PAID:
          return ref("invoice", parse(event).id());
        case StripeEventTypes.INVOICE_PAYMENT_FAILED:
          return ref(FAILED_ATTEMPT, parse(event).id());
        default:
          return Optional.empty();
      }
    }

    @Override
    public Optional<Payment> fetch(ExternalRef ref) {
      requireType(ref, "payment_intent", "invoice", FAILED_ATTEMPT);
      if (ref.type().equals("payment_intent")) {
        return unlessGone(() -> stripe.reads().retrievePaymentIntent(ref.id()))
            .map(pi -> canonical.payment(pi, stripe.reads().listInvoicePaymentsOfPaymentIntent(pi.getId()), this::rootOf));
      }
      // an invoice event: invoice.paid resolves to the PaymentIntent that paid it, and
      // invoice.payment_failed to the open attempt (which may follow earlier partial payments)
      String preferred = ref.type().equals(FAILED_ATTEMPT) ? "open" : "paid";
      List<InvoicePayment> payments = unlessGone(() -> stripe.reads().listInvoicePayments(ref.id())).orElse(List.of());
      InvoicePayment chosen = null;
      for (InvoicePayment ip : payments) {
        if (ip.getPayment() == null || ip.getPayment().getPaymentIntent() == null) {
          continue;
        }
        if (preferred.equals(ip.getStatus())) {
          chosen = ip;
          break;
        }
        if (chosen == null) {
          chosen = ip;
        }
      }
      if (chosen == null) {
        return Optional.empty();
      }
      String piId = chosen.getPayment().getPaymentIntent();
      Optional<PaymentIntent> pi = unlessGone(() -> stripe.reads().retrievePaymentIntent(piId));
      return pi.map(p -> canonical.payment(p, payments, this::rootOf));
    }

    /** The first invoice of a re-issue chain: the one the engine's mapping holds. */
    private String rootOf(String invoiceId) {
      return unlessGone(() -> stripe.retrieveInvoice(invoiceId)).map(StripeInvoice::originalId).orElse(invoiceId);
    }
  }

  static final class RefundSource extends Base<Refund> {
    RefundSource(StripeConnector stripe, Duration lookback) {
      super(stripe, lookback);
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of("refund.created", "refund.updated", StripeEventTypes.CHARGE_REFUNDED);
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      switch (event.type()) {
        case "refund.created":
        case "refund.updated":
          return ref("refund", parse(event).id());
        case StripeEventTypes.CHARGE_REFUNDED:
          return ref("charge", parse(event).id());
        default:
          return Optional.empty();
      }
    }

    /** A refund by id; for a charge ({@code charge.refunded}), its newest refund. */
    @Override
    public Optional<Refund> fetch(ExternalRef ref) {
      requireType(ref, "refund", "charge");
      if (ref.type().equals("refund")) {
        return unlessGone(() -> stripe.reads().retrieveRefund(ref.id())).map(canonical::refund);
      }
      return unlessGone(() -> stripe.reads().listRefunds(ref.id())).flatMap(l -> l.stream().findFirst()).map(canonical::refund);
    }
  }

  static final class DisputeSource extends Base<Dispute> {
    DisputeSource(StripeConnector stripe, Duration lookback) {
      super(stripe, lookback);
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(StripeEventTypes.CHARGE_DISPUTE_CREATED, StripeEventTypes.CHARGE_DISPUTE_CLOSED,
          "charge.dispute.updated");
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      switch (event.type()) {
        case StripeEventTypes.CHARGE_DISPUTE_CREATED:
        case StripeEventTypes.CHARGE_DISPUTE_CLOSED:
        case "charge.dispute.updated":
          return ref("dispute", parse(event).id());
        default:
          return Optional.empty();
      }
    }

    @Override
    public Optional<Dispute> fetch(ExternalRef ref) {
      requireType(ref, "dispute");
      return unlessGone(() -> stripe.reads().retrieveDispute(ref.id())).map(canonical::dispute);
    }
  }

  static final class PayoutSource extends Base<Payout> {
    PayoutSource(StripeConnector stripe, Duration lookback) {
      super(stripe, lookback);
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(StripeEventTypes.PAYOUT_PAID);
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      return StripeEventTypes.PAYOUT_PAID.equals(event.type()) ? ref("payout", parse(event).id()) : Optional.empty();
    }

    @Override
    public Optional<Payout> fetch(ExternalRef ref) {
      requireType(ref, "payout");
      return unlessGone(() -> stripe.reads().retrievePayout(ref.id())).map(canonical::payout);
    }
  }

  static final class FeeSource extends Base<Fee> {
    FeeSource(StripeConnector stripe, Duration lookback) {
      super(stripe, lookback);
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(StripeEventTypes.CHARGE_SUCCEEDED, StripeEventTypes.CHARGE_DISPUTE_CREATED,
          StripeEventTypes.CHARGE_DISPUTE_CLOSED);
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      switch (event.type()) {
        case StripeEventTypes.CHARGE_SUCCEEDED:
          return ref("balance_transaction", str(parse(event).object(), "balance_transaction"));
        case StripeEventTypes.CHARGE_DISPUTE_CREATED:
        case StripeEventTypes.CHARGE_DISPUTE_CLOSED: {
          JsonElement txns = parse(event).object().get("balance_transactions");
          if (txns == null || !txns.isJsonArray() || txns.getAsJsonArray().isEmpty()) {
            return Optional.empty();
          }
          JsonArray a = txns.getAsJsonArray();
          JsonElement last = a.get(a.size() - 1);
          String id = last.isJsonObject() ? str(last.getAsJsonObject(), "id") : last.getAsString();
          return ref("balance_transaction", id);
        }
        default:
          return Optional.empty();
      }
    }

    @Override
    public Optional<Fee> fetch(ExternalRef ref) {
      requireType(ref, "balance_transaction");
      Optional<BalanceTransaction> txn = unlessGone(() -> stripe.reads().retrieveBalanceTransaction(ref.id()));
      return txn.flatMap(t -> canonical.fee(t, null));
    }
  }
}
