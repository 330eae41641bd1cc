package io.mlconnector.chargebee;

import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerifier;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chargebee as a collector for one tenant: ERP customers and invoices out, payments (succeeded and
 * failed), refunds and subscription cancellations back.
 *
 * <pre>{@code
 * ChargebeeCollector cb = new ChargebeeCollector(client, ChargebeeCollectorOptions.defaults());
 * engine.register(Flow.webhook("chargebee-payments", cb.payments(null), paymentSink)...);
 * }</pre>
 *
 * <p>Payments and refunds name Chargebee's own invoices ({@code chargebee:invoice:<id>}), always
 * the first of a re-issue chain (the ID mapping's target), so the integration resolves them to the
 * ERP invoices through the ID mappings. Thread-safe.
 */
public final class ChargebeeCollector implements Collector<ChargebeeCustomerRequest, ChargebeeInvoiceRequest> {
  /** Event types the payment source takes. */
  public static final Set<String> PAYMENT_EVENTS = Set.of("payment_succeeded", "payment_failed");
  /** Event types the refund source takes. */
  public static final Set<String> REFUND_EVENTS = Set.of("payment_refunded");
  /** Event types the subscription-cancellation source takes. */
  public static final Set<String> SUBSCRIPTION_CANCELLED_EVENTS = Set.of("subscription_cancelled");

  private final ChargebeeClient client;
  private final String tenant;
  private final CustomerSink customers;
  private final InvoiceSink invoices;
  private final ChargebeeWebhookVerifier verifier;
  private final InvoiceChain chain;

  /**
   * A collector on {@code client} with {@code options}.
   *
   * @param client the tenant's client
   * @param options how the tenant's ERP records become Chargebee records
   */
  public ChargebeeCollector(ChargebeeClient client, ChargebeeCollectorOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    Objects.requireNonNull(options, "options");
    this.tenant = client.config().tenant();
    this.customers = new CustomerSink(client, tenant, options);
    this.invoices = new InvoiceSink(client, tenant, options);
    this.verifier = new ChargebeeWebhookVerifier(client.config().credentials());
    this.chain = new InvoiceChain(client);
  }

  /**
   * The client.
   *
   * @return the client this collector reads and writes through
   */
  public ChargebeeClient client() {
    return client;
  }

  @Override
  public Sink<ChargebeeCustomerRequest> customers() {
    return customers;
  }

  @Override
  public Sink<ChargebeeInvoiceRequest> invoices() {
    return invoices;
  }

  @Override
  public WebhookVerifier webhookVerifier() {
    return verifier;
  }

  /** {@code payment_succeeded} and {@code payment_failed}; default look-back 4 days (the retry span). */
  @Override
  public WebhookSource<Payment> payments(@Nullable Duration lookback) {
    return new EventSource<>(client, tenant, PAYMENT_EVENTS, lookback,
        (t, txn) -> ChargebeeCanonical.payment(t, txn, chain::original));
  }

  /** {@code payment_refunded}. */
  @Override
  public WebhookSource<Refund> refunds(@Nullable Duration lookback) {
    return new EventSource<>(client, tenant, REFUND_EVENTS, lookback,
        (t, txn) -> ChargebeeCanonical.refund(t, txn, chain::original));
  }

  /**
   * {@code subscription_cancelled}: the subscription as Chargebee has it when the event is handled
   * (fetched by id; a forged delivery gains nothing). Not part of the {@link Collector} role: no
   * money moves, so a ledger posts nothing; a host wires it to whatever its people act on (see the
   * connector README).
   *
   * @param lookback how far back the backstop's first read goes, or null for 4 days
   * @return the source of cancellations
   */
  public WebhookSource<SubscriptionCancellation> subscriptionCancellations(@Nullable Duration lookback) {
    return new EventSource<>(client, tenant, SUBSCRIPTION_CANCELLED_EVENTS, lookback, ChargebeeCanonical.SUBSCRIPTION,
        client::subscription, SubscriptionCancellation::of);
  }

  /**
   * Reads the Chargebee invoice of {@code mapping}: its status word ({@code paid}, {@code posted},
   * {@code payment_due}, {@code not_paid}, {@code voided}, {@code pending}), total, and owed = {@code
   * amount_due} plus what refundable credit notes paid back.
   */
  @Override
  public Optional<CollectedInvoice> collected(Mapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    return chain.current(mapping.target().id()).filter(i -> !i.flag("deleted")).map(i -> {
      String currency = i.string("currency_code");
      long refunded = 0;
      for (ChargebeeResource cn : i.list("issued_credit_notes")) {
        if ("refunded".equals(cn.string("cn_status"))) {
          refunded += cn.number("cn_total", 0);
        }
      }
      Money total = ChargebeeCanonical.money(i.number("total", 0), currency);
      Money owed = ChargebeeCanonical.money(i.number("amount_due", 0) + refunded, currency);
      return new CollectedInvoice(i.id(), i.string("status"), total, owed,
          ChargebeeCanonical.money(refunded, currency));
    });
  }
}
