package io.mlconnector.core.role;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerifier;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A system that collects money on ERP invoices (Stripe, Chargebee), for one tenant: it takes the
 * ledger's customers and invoices and reports the payments, refunds, disputes, fees and payouts
 * that follow.
 *
 * <p>The sinks take the collector's own request types ({@code C}, {@code I}), made from canonical
 * records by the {@link Provider#defaultMappers() default mappers} (a host overrides any of them per
 * tenant). The sources are webhook sources: deliveries verified by {@link #webhookVerifier()} are
 * stored, then the object each event names is fetched again; {@link WebhookSource#eventsSince}
 * is the backstop for missed deliveries.
 *
 * <p>Records coming back name the ledger's invoices where the collector can tell: a payment's
 * applications, a refund's and a dispute's {@code invoice} carry the ledger invoice stamped on the
 * collector's invoice when there is a stamp, else the collector's own invoice ref (which the
 * integration resolves through the ID mappings).
 *
 * @param <C> the collector's customer request type
 * @param <I> the collector's invoice request type
 */
public interface Collector<C, I> {

  /**
   * Creates and updates customers (find-by-stamp on the ledger's customer ref).
   *
   * @return the customer sink
   */
  Sink<C> customers();

  /**
   * Creates invoices for collection and keeps them in step with the ledger's changes.
   *
   * @return the invoice sink
   */
  Sink<I> invoices();

  /**
   * Verifies this tenant's webhook deliveries (signature, credentials) and reads id and type.
   *
   * @return the verifier of this tenant's deliveries
   */
  WebhookVerifier webhookVerifier();

  /**
   * Succeeded (and failed) payments of invoices.
   *
   * @param lookback how far back the first backstop read goes before it has a cursor, or null for
   *     the collector's default
   * @return the payment source
   */
  WebhookSource<Payment> payments(@Nullable Duration lookback);

  /**
   * Refunds of payments.
   *
   * @param lookback as for {@link #payments}: how far back the first backstop read goes, or null for
   *     the collector's default
   * @return the refund source
   */
  WebhookSource<Refund> refunds(@Nullable Duration lookback);

  /**
   * Disputes of payments.
   *
   * @param lookback as for {@link #payments}, or null for the collector's default
   * @return the dispute source; empty where the collector has none
   */
  default Optional<WebhookSource<Dispute>> disputes(@Nullable Duration lookback) {
    return Optional.empty();
  }

  /**
   * Processing fees.
   *
   * @param lookback as for {@link #payments}, or null for the collector's default
   * @return the fee source; empty where the collector reports none
   */
  default Optional<WebhookSource<Fee>> fees(@Nullable Duration lookback) {
    return Optional.empty();
  }

  /**
   * Payouts to the bank.
   *
   * @param lookback as for {@link #payments}, or null for the collector's default
   * @return the payout source; empty where the collector reports none
   */
  default Optional<WebhookSource<Payout>> payouts(@Nullable Duration lookback) {
    return Optional.empty();
  }

  /**
   * The invoice that collects the ledger invoice of {@code mapping} (the ID mapping the invoice
   * flow wrote), as the collector reads it now.
   *
   * @param mapping the invoice flow's ID mapping from the ledger invoice to the collector's invoice
   * @return the collected invoice; empty when it is gone
   */
  Optional<CollectedInvoice> collected(Mapping mapping);

  /**
   * What the integration must know of a collector before any tenant's client exists, and the
   * factory of the per-tenant collectors.
   *
   * @param <C> the customer request type
   * @param <I> the invoice request type
   */
  interface Provider<C, I> {

    /** {@return the collector's system name, lower case, for example {@code stripe}} */
    String system();

    /**
     * {@return the collector's name as people write it, for messages (default {@link #system()}),
     * for example {@code Stripe}}
     */
    default String displayName() {
      return system();
    }

    /** {@return the customer request type its customer sink takes} */
    Class<C> customerType();

    /** {@return the invoice request type its invoice sink takes} */
    Class<I> invoiceType();

    /**
     * Mappers from canonical {@link io.mlconnector.core.model.Customer} to {@code C} and {@link
     * io.mlconnector.core.model.Invoice} to {@code I}; null for other pairs (a chaining factory).
     *
     * @return the factory of the default mappers
     */
    Mapper.Factory defaultMappers();

    /**
     * The collector serving {@code tenant}, created once per tenant and kept by the caller.
     *
     * @param tenant the tenant id
     * @return a new collector for the tenant
     */
    Collector<C, I> forTenant(String tenant);
  }
}
