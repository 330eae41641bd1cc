package io.mlconnector.testkit.stripe.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Money movements: payment intents and charges (created when an invoice is paid), refunds,
 * disputes, balance transactions with fees, payouts and the balance. Refunds and disputes are
 * {@link RefundApi}'s, payouts {@link PayoutApi}'s.
 */
final class PaymentApi {
  private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");
  static final long DISPUTE_FEE = 1500;
  /** Minimum charge per settlement currency in minor units (Stripe's table; others default to 50). */
  private static final Map<String, Long> MINIMUM_CHARGE = Map.of(
      "usd", 50L, "eur", 50L, "gbp", 30L, "jpy", 50L, "cad", 50L, "aud", 50L, "chf", 50L, "nzd", 50L);

  static long minimumCharge(String currency) {
    return MINIMUM_CHARGE.getOrDefault(currency, 50L);
  }

  private final Store store;
  private final long feeBasisPoints;
  private final long feeFixed;
  private final long settlementSeconds;
  private final RefundApi refunds;
  private final PayoutApi payouts;

  PaymentApi(Store store, long feeBasisPoints, long feeFixed, long settlementSeconds) {
    this.store = store;
    this.feeBasisPoints = feeBasisPoints;
    this.feeFixed = feeFixed;
    this.settlementSeconds = settlementSeconds;
    this.refunds = new RefundApi(store, this);
    this.payouts = new PayoutApi(store, this);
  }

  @Nullable Map<String, Object> route(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() < 2) {
      return null;
    }
    String resource = path.get(1);
    switch (resource) {
      case "payment_intents":
        return readOnly(method, path, p, "payment_intent", "/v1/payment_intents", "customer");
      case "charges":
        return readOnly(method, path, p, "charge", "/v1/charges", "customer", "payment_intent");
      case "balance_transactions":
        return readOnly(method, path, p, "balance_transaction", "/v1/balance_transactions",
            "payout", "type", "source", "currency");
      case "payouts":
        return readOnly(method, path, p, "payout", "/v1/payouts", "status");
      case "refunds":
        if (method.equals("POST") && path.size() == 2) {
          return store.render(refunds.createRefund(ctx, p), p.expand());
        }
        if (method.equals("POST") && path.size() == 3) {
          return store.render(updateMetadata(ctx, store.require("refund", path.get(2)), p, "refund.updated"),
              p.expand());
        }
        return readOnly(method, path, p, "refund", "/v1/refunds", "charge", "payment_intent");
      case "disputes":
        if (method.equals("POST") && path.size() == 4 && path.get(3).equals("close")) {
          p.allow();
          return store.render(refunds.closeDispute(ctx, store.require("dispute", path.get(2)), false), p.expand());
        }
        if (method.equals("POST") && path.size() == 3) {
          return store.render(updateMetadata(ctx, store.require("dispute", path.get(2)), p,
              "charge.dispute.updated"), p.expand());
        }
        return readOnly(method, path, p, "dispute", "/v1/disputes", "charge", "payment_intent");
      case "account":
        if (method.equals("GET") && path.size() == 2) {
          p.allow();
          return account();
        }
        return null;
      case "balance":
        if (method.equals("GET") && path.size() == 2) {
          p.allow();
          return balance();
        }
        return null;
      default:
        return null;
    }
  }

  private @Nullable Map<String, Object> readOnly(
      String method, List<String> path, Params p, String type, String url, String... filters) {
    if (!method.equals("GET")) {
      return null;
    }
    if (path.size() == 3 && path.get(2).equals("search")
        && (type.equals("charge") || type.equals("payment_intent"))) {
      p.allow("query", "limit", "page");
      return store.search(type, p, url + "/search");
    }
    if (path.size() == 3) {
      p.allow();
      return store.render(store.require(type, path.get(2)), p.expand());
    }
    if (path.size() != 2) {
      return null;
    }
    List<String> allowed = new ArrayList<>(List.of(filters));
    allowed.addAll(List.of("created", "limit", "starting_after", "ending_before"));
    p.allow(allowed.toArray(new String[0]));
    String payout = type.equals("balance_transaction") ? p.string("payout") : null;
    if (payout != null) {
      store.ref("payout", payout, "payout");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> o : store.all(type)) {
      boolean ok = Filters.created(p, o);
      for (String f : filters) {
        String want = p.string(f);
        if (!ok || want == null) {
          continue;
        }
        if (f.equals("payout")) {
          ok = want.equals(store.hidden((String) o.get("id")).get("payout")) || want.equals(o.get("source"));
        } else {
          ok = want.equals(o.get(f));
        }
      }
      if (ok) {
        items.add(o);
      }
    }
    return store.page(items, p, url);
  }

  private Map<String, Object> updateMetadata(Ctx ctx, Map<String, Object> obj, Params p, String event) {
    p.allow("metadata");
    Map<String, Object> before = Json.copy(obj);
    @SuppressWarnings("unchecked")
    Map<String, Object> md = (Map<String, Object>) obj.get("metadata");
    p.applyMetadata(md);
    store.touched(obj);
    Map<String, Object> previous = Diff.previous(before, obj);
    if (!previous.isEmpty()) {
      store.emit(ctx, event, obj, previous);
    }
    return obj;
  }

  // ---------------------------------------------------------------- charges

  long fee(long amount) {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(feeBasisPoints))
        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact() + feeFixed;
  }

  /** A succeeded payment intent + charge + balance transaction paying {@code amount} of an invoice. */
  Map<String, Object> chargeForInvoice(Ctx ctx, Map<String, Object> inv, long amount, Map<String, Object> retried) {
    String currency = (String) inv.get("currency");
    checkPaymentAmount(amount, currency, "amount");
    if (amount < minimumCharge(currency)) {
      throw ApiError.invalid("amount_too_small", "amount", "Amount must be at least " + minimumCharge(currency)
          + " " + currency + " minor units, was " + amount + ".");
    }
    Map<String, Object> pi = retried != null ? retried : paymentIntent(inv, amount);
    Map<String, Object> charge = charge(inv, pi, amount);
    long fee = fee(amount);
    Map<String, Object> txn = balanceTransaction(amount, fee, currency, "charge", "charge",
        (String) charge.get("id"), "Payment for Invoice " + inv.get("number"), true);
    charge.put("balance_transaction", txn.get("id"));
    pi.put("status", "succeeded");
    pi.put("amount_received", amount);
    pi.put("latest_charge", charge.get("id"));
    pi.put("last_payment_error", null);
    recordAttempt(ctx, pi, retried == null, charge, "charge.succeeded", "payment_intent.succeeded");
    return pi;
  }

  /**
   * A declined attempt: a payment intent needing a new method and a failed charge. A repeated
   * failure of the same open attempt ({@code existing}) adds a charge to its payment intent.
   */
  Map<String, Object> failForInvoice(Ctx ctx, Map<String, Object> inv, String code, String declineCode,
      Map<String, Object> existing) {
    long amount = existing != null ? (Long) existing.get("amount") : (Long) inv.get("amount_remaining");
    Map<String, Object> pi = existing != null ? existing : paymentIntent(inv, amount);
    Map<String, Object> charge = charge(inv, pi, amount);
    charge.put("status", "failed");
    charge.put("paid", false);
    charge.put("captured", false);
    charge.put("amount_captured", 0L);
    charge.put("failure_code", code);
    charge.put("failure_message", "Your card was declined.");
    @SuppressWarnings("unchecked")
    Map<String, Object> outcome = (Map<String, Object>) charge.get("outcome");
    outcome.put("network_status", "declined_by_network");
    outcome.put("reason", declineCode);
    outcome.put("seller_message", "The bank did not return any further details with this decline.");
    outcome.put("type", "issuer_declined");
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("charge", charge.get("id"));
    error.put("code", code);
    error.put("decline_code", declineCode);
    error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    error.put("message", "Your card was declined.");
    error.put("type", "card_error");
    pi.put("last_payment_error", error);
    pi.put("status", "requires_payment_method");
    pi.put("latest_charge", charge.get("id"));
    recordAttempt(ctx, pi, existing == null, charge, "charge.failed", "payment_intent.payment_failed");
    return pi;
  }

  /** Cancels an open payment intent whose attempt the invoice abandoned. */
  void cancel(Ctx ctx, Map<String, Object> pi) {
    pi.put("status", "canceled");
    pi.put("canceled_at", store.now());
    pi.put("cancellation_reason", "abandoned");
    store.touched(pi);
    store.emit(ctx, "payment_intent.canceled", pi, null);
  }

  /** Stores a payment attempt and emits its events in Stripe's order. */
  private void recordAttempt(Ctx ctx, Map<String, Object> pi, boolean fresh, Map<String, Object> charge,
      String chargeEvent, String paymentIntentEvent) {
    if (fresh) {
      store.insert(pi);
    } else {
      store.touched(pi);
    }
    store.insert(charge);
    if (fresh) {
      store.emit(ctx, "payment_intent.created", pi, null);
    }
    store.emit(ctx, chargeEvent, charge, null);
    store.emit(ctx, paymentIntentEvent, pi, null);
  }

  private Map<String, Object> paymentIntent(Map<String, Object> inv, long amount) {
    String id = store.newId("pi");
    Map<String, Object> pi = new LinkedHashMap<>();
    pi.put("id", id);
    pi.put("object", "payment_intent");
    pi.put("amount", amount);
    pi.put("amount_capturable", 0L);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tip", new LinkedHashMap<>());
    pi.put("amount_details", details);
    pi.put("amount_received", 0L);
    pi.put("application", null);
    pi.put("application_fee_amount", null);
    pi.put("automatic_payment_methods", null);
    pi.put("canceled_at", null);
    pi.put("cancellation_reason", null);
    pi.put("capture_method", "automatic");
    pi.put("client_secret", id + "_secret_" + store.newId("s").substring(2));
    pi.put("confirmation_method", "automatic");
    pi.put("created", store.now());
    pi.put("currency", inv.get("currency"));
    pi.put("customer", inv.get("customer"));
    pi.put("customer_account", null);
    pi.put("description", "Payment for Invoice");
    pi.put("excluded_payment_method_types", null);
    pi.put("last_payment_error", null);
    pi.put("latest_charge", null);
    pi.put("livemode", false);
    pi.put("managed_payments", null);
    pi.put("metadata", new LinkedHashMap<String, Object>());
    pi.put("next_action", null);
    pi.put("on_behalf_of", null);
    pi.put("payment_method", "pm_card_visa");
    pi.put("payment_method_configuration_details", null);
    pi.put("payment_method_options", new LinkedHashMap<>());
    pi.put("payment_method_types", new ArrayList<>(List.of("card")));
    pi.put("processing", null);
    pi.put("receipt_email", null);
    pi.put("review", null);
    pi.put("setup_future_usage", null);
    pi.put("shipping", null);
    pi.put("source", null);
    pi.put("statement_descriptor", null);
    pi.put("statement_descriptor_suffix", null);
    pi.put("status", "processing");
    pi.put("transfer_data", null);
    pi.put("transfer_group", null);
    store.hidden(id).put("invoice", inv.get("id"));
    return pi;
  }

  private Map<String, Object> charge(Map<String, Object> inv, Map<String, Object> pi, long amount) {
    String id = store.newId("ch");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("object", "charge");
    c.put("amount", amount);
    c.put("amount_captured", amount);
    c.put("amount_refunded", 0L);
    c.put("application", null);
    c.put("application_fee", null);
    c.put("application_fee_amount", null);
    c.put("balance_transaction", null);
    Map<String, Object> billing = new LinkedHashMap<>();
    billing.put("address", Json.copy(inv.get("customer_address")));
    billing.put("email", inv.get("customer_email"));
    billing.put("name", inv.get("customer_name"));
    billing.put("phone", inv.get("customer_phone"));
    billing.put("tax_id", null);
    c.put("billing_details", billing);
    c.put("calculated_statement_descriptor", "ML CONNECTOR SIM");
    c.put("captured", true);
    c.put("created", store.now());
    c.put("currency", inv.get("currency"));
    c.put("customer", inv.get("customer"));
    c.put("description", "Payment for Invoice");
    c.put("disputed", false);
    c.put("failure_balance_transaction", null);
    c.put("failure_code", null);
    c.put("failure_message", null);
    c.put("fraud_details", new LinkedHashMap<>());
    c.put("livemode", false);
    c.put("metadata", new LinkedHashMap<String, Object>());
    c.put("on_behalf_of", null);
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("advice_code", null);
    outcome.put("network_advice_code", null);
    outcome.put("network_decline_code", null);
    outcome.put("network_status", "approved_by_network");
    outcome.put("reason", null);
    outcome.put("risk_level", "normal");
    outcome.put("seller_message", "Payment complete.");
    outcome.put("type", "authorized");
    c.put("outcome", outcome);
    c.put("paid", true);
    c.put("payment_intent", pi.get("id"));
    c.put("payment_method", "pm_card_visa");
    Map<String, Object> card = chargeCard(store.accountId, (Long) c.get("amount"));
    Map<String, Object> pmd = new LinkedHashMap<>();
    pmd.put("card", card);
    pmd.put("type", "card");
    c.put("payment_method_details", pmd);
    c.put("receipt_email", null);
    c.put("receipt_number", null);
    c.put("receipt_url", "https://pay.stripe.com/receipts/payment/" + id);
    c.put("refunded", false);
    c.put("refunds", store.list(List.of(), false, "/v1/charges/" + id + "/refunds", List.of()));
    c.put("review", null);
    c.put("shipping", null);
    c.put("source", null);
    c.put("source_transfer", null);
    c.put("statement_descriptor", null);
    c.put("statement_descriptor_suffix", null);
    c.put("status", "succeeded");
    c.put("transfer_data", null);
    c.put("transfer_group", null);
    store.hidden(id).put("invoice", inv.get("id"));
    return c;
  }

  static void checkPaymentAmount(long amount, String currency, String param) {
    if (amount <= 0) {
      throw ApiError.invalid("parameter_invalid_integer", param, "Invalid positive integer: " + amount);
    }
    if (THREE_DECIMAL.contains(currency) && amount % 10 != 0) {
      throw ApiError.invalid("parameter_invalid_integer", param, "Invalid amount " + amount + " for "
          + currency + ": three-decimal currencies need payment amounts that end in 0.");
    }
  }

  // ---------------------------------------------------------------- balance transactions

  Map<String, Object> balanceTransaction(long amount, long fee, String currency, String type,
      String category, String source, String description, boolean settles) {
    long now = store.now();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", store.newId("txn"));
    t.put("object", "balance_transaction");
    t.put("amount", amount);
    t.put("available_on", settles ? now + settlementSeconds : now);
    t.put("balance_type", "payments");
    t.put("created", now);
    t.put("currency", currency);
    t.put("description", description);
    t.put("exchange_rate", null);
    t.put("fee", fee);
    List<Object> details = new ArrayList<>();
    if (fee != 0) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("amount", fee);
      d.put("application", null);
      d.put("currency", currency);
      d.put("description", category.equals("dispute") ? "Dispute fee" : "Stripe processing fees");
      d.put("type", "stripe_fee");
      details.add(d);
    }
    t.put("fee_details", details);
    t.put("net", amount - fee);
    t.put("reporting_category", category);
    t.put("source", source);
    t.put("status", settles && settlementSeconds > 0 ? "pending" : "available");
    t.put("type", type);
    store.insert(t);
    return t;
  }

  /** Pending balance transactions whose {@code available_on} has passed become available. */
  void tick() {
    long now = store.now();
    for (Map<String, Object> t : store.all("balance_transaction")) {
      if ("pending".equals(t.get("status")) && (Long) t.get("available_on") <= now) {
        t.put("status", "available");
      }
    }
  }

  private Map<String, Object> balance() {
    tick();
    Map<String, long[]> sums = new TreeMap<>();
    for (Map<String, Object> t : store.all("balance_transaction")) {
      long[] s = sums.computeIfAbsent((String) t.get("currency"), k -> new long[2]);
      s["available".equals(t.get("status")) ? 0 : 1] += (Long) t.get("net");
    }
    List<Object> available = new ArrayList<>();
    List<Object> pending = new ArrayList<>();
    if (sums.isEmpty()) {
      sums.put("usd", new long[2]);
    }
    sums.forEach((currency, s) -> {
      available.add(fund(s[0], currency));
      pending.add(fund(s[1], currency));
    });
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("object", "balance");
    b.put("available", available);
    b.put("connect_reserved", new ArrayList<>());
    b.put("livemode", false);
    b.put("pending", pending);
    return b;
  }

  private Map<String, Object> account() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", store.accountId);
    a.put("object", "account");
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("name", "ml-connector simulator");
    profile.put("url", null);
    a.put("business_profile", profile);
    a.put("business_type", "company");
    a.put("charges_enabled", true);
    a.put("country", "US");
    a.put("created", 1_700_000_000L);
    a.put("default_currency", "usd");
    a.put("details_submitted", true);
    a.put("email", "simulator@example.com");
    a.put("metadata", new LinkedHashMap<String, Object>());
    a.put("payouts_enabled", true);
    a.put("type", "standard");
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("card_payments", "active");
    capabilities.put("transfers", "active");
    a.put("capabilities", capabilities);
    Map<String, Object> controller = new LinkedHashMap<>();
    controller.put("type", "account");
    a.put("controller", controller);
    Map<String, Object> external = new LinkedHashMap<>();
    external.put("object", "list");
    external.put("data", new ArrayList<>());
    external.put("has_more", false);
    external.put("url", "/v1/accounts/" + store.accountId + "/external_accounts");
    a.put("external_accounts", external);
    a.put("future_requirements", requirements());
    a.put("requirements", requirements());
    Map<String, Object> dashboard = new LinkedHashMap<>();
    dashboard.put("display_name", "ml-connector simulator");
    dashboard.put("timezone", "Etc/UTC");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("dashboard", dashboard);
    a.put("settings", settings);
    Map<String, Object> tos = new LinkedHashMap<>();
    tos.put("date", 1_700_000_000L);
    a.put("tos_acceptance", tos);
    return a;
  }

  /** An account's (future) requirements: nothing due. */
  private static Map<String, Object> requirements() {
    Map<String, Object> r = new LinkedHashMap<>();
    for (String list : List.of("alternatives", "currently_due", "errors", "eventually_due", "past_due", "pending_verification")) {
      r.put(list, new ArrayList<>());
    }
    r.put("current_deadline", null);
    r.put("disabled_reason", null);
    return r;
  }

  private static Map<String, Object> fund(long amount, String currency) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("amount", amount);
    f.put("currency", currency);
    Map<String, Object> types = new LinkedHashMap<>();
    types.put("card", amount);
    f.put("source_types", types);
    return f;
  }

  static Map<String, Object> chargeCard(String accountId, Long amount) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("amount_authorized", amount);
    card.put("authorization_code", null);
    card.put("brand", "visa");
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("address_line1_check", null);
    checks.put("address_postal_code_check", null);
    checks.put("cvc_check", "pass");
    card.put("checks", checks);
    card.put("country", "US");
    card.put("exp_month", 12L);
    card.put("exp_year", 2034L);
    card.put("extended_authorization", new LinkedHashMap<>(Map.of("status", "disabled")));
    card.put("fingerprint", fingerprint(accountId + "/4242"));
    card.put("funding", "credit");
    card.put("incremental_authorization", new LinkedHashMap<>(Map.of("status", "unavailable")));
    card.put("installments", null);
    card.put("last4", "4242");
    card.put("mandate", null);
    card.put("multicapture", new LinkedHashMap<>(Map.of("status", "unavailable")));
    card.put("network", "visa");
    card.put("network_token", new LinkedHashMap<>(Map.of("used", false)));
    card.put("network_transaction_id", null);
    Map<String, Object> overcapture = new LinkedHashMap<>();
    overcapture.put("maximum_amount_capturable", amount);
    overcapture.put("status", "unavailable");
    card.put("overcapture", overcapture);
    card.put("regulated_status", "unregulated");
    card.put("three_d_secure", null);
    card.put("wallet", null);
    return card;
  }

  private static String fingerprint(String seed) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    long h = 1125899906842597L;
    StringBuilder out = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      for (char ch : seed.toCharArray()) {
        h = 31 * h + ch + i;
      }
      out.append(alphabet.charAt((int) Math.floorMod(h, (long) alphabet.length())));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- refunds, disputes, payouts

  /** A refund of {@code charge} (see {@link RefundApi#refund}). */
  Map<String, Object> refund(
      Ctx ctx,
      Map<String, Object> charge,
      @Nullable Long amount,
      @Nullable String reason,
      @Nullable Map<String, Object> metadata) {
    return refunds.refund(ctx, charge, amount, reason, metadata);
  }

  /** Opens a dispute on {@code charge} (see {@link RefundApi#openDispute}). */
  Map<String, Object> openDispute(Ctx ctx, Map<String, Object> charge, @Nullable String reason, @Nullable Long amount) {
    return refunds.openDispute(ctx, charge, reason, amount);
  }

  /** Closes a dispute, won or lost (see {@link RefundApi#closeDispute}). */
  Map<String, Object> closeDispute(Ctx ctx, Map<String, Object> d, boolean won) {
    return refunds.closeDispute(ctx, d, won);
  }

  /** Pays out the available balance (see {@link PayoutApi#payOut}). */
  List<Map<String, Object>> payOut(Ctx ctx, boolean includePending) {
    return payouts.payOut(ctx, includePending);
  }
}
