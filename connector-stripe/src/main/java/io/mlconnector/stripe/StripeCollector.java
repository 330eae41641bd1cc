package io.mlconnector.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.param.DisputeListParams;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerifier;
import io.mlconnector.stripe.internal.EnrichingSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stripe as a {@link Collector}: ERP customers and invoices go to Stripe for collection; payments,
 * refunds, disputes, processing fees and payouts come back through verified webhooks and the
 * events backstop. One instance serves one tenant.
 *
 * <pre>{@code
 * Collector.Provider<StripeCustomerRequest, StripeInvoiceRequest> stripe =
 *     StripeCollector.provider(tenant -> StripeCollector.of(connectorOf(tenant), verifierOf(tenant)));
 * }</pre>
 *
 * <p>Payments, refunds and disputes name the ERP invoice stamped on the Stripe invoice they concern
 * (the stamp survives a void-and-re-issue); a Stripe invoice without a stamp keeps its Stripe ref.
 * {@link #collected} reads what Stripe says is still owed: the invoice's {@code amount_remaining},
 * plus refunds and funds withdrawn by disputes (needing a response, under review or lost); a void
 * invoice owes nothing.
 */
public final class StripeCollector implements Collector<StripeCustomerRequest, StripeInvoiceRequest> {
  private static final Set<String> WITHDRAWN = Set.of("needs_response", "under_review", "lost");

  private final StripeConnector stripe;
  private final StripeWebhookVerifier verifier;
  private final StripeCustomerSink customers;
  private final StripeInvoiceSink invoices;
  private final InvoiceLinks links;

  private StripeCollector(StripeConnector stripe, StripeWebhookVerifier verifier) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.customers = new StripeCustomerSink(stripe);
    this.invoices = new StripeInvoiceSink(stripe);
    this.links = new InvoiceLinks(stripe);
  }

  /**
   * The collector of one tenant.
   *
   * @param stripe the tenant's connector
   * @param verifier the verifier of the tenant's webhook signing secret
   * @return a collector that reads and writes through {@code stripe}
   */
  public static StripeCollector of(StripeConnector stripe, StripeWebhookVerifier verifier) {
    return new StripeCollector(stripe, verifier);
  }

  /**
   * The provider a receivables integration takes: Stripe's system name and request types, {@link
   * StripeMappers#factory()} as the default mappers, and {@code collectors} to build each tenant's
   * collector (asked once per tenant).
   *
   * @param collectors builds the collector of a tenant; must not answer null
   * @return the provider to hand to a receivables integration
   */
  public static Collector.Provider<StripeCustomerRequest, StripeInvoiceRequest> provider(
      TenantScoped<StripeCollector> collectors) {
    Objects.requireNonNull(collectors, "collectors");
    return new Collector.Provider<>() {
      @Override
      public String system() {
        return StripeCanonical.SYSTEM;
      }

      @Override
      public String displayName() {
        return "Stripe";
      }

      @Override
      public Class<StripeCustomerRequest> customerType() {
        return StripeCustomerRequest.class;
      }

      @Override
      public Class<StripeInvoiceRequest> invoiceType() {
        return StripeInvoiceRequest.class;
      }

      @Override
      public Mapper.Factory defaultMappers() {
        return StripeMappers.factory();
      }

      @Override
      public Collector<StripeCustomerRequest, StripeInvoiceRequest> forTenant(String tenant) {
        return Objects.requireNonNull(collectors.forTenant(tenant), "collector of tenant " + tenant);
      }
    };
  }

  /**
   * The tenant's connector.
   *
   * @return the connector this collector reads and writes through
   */
  public StripeConnector connector() {
    return stripe;
  }

  @Override
  public Sink<StripeCustomerRequest> customers() {
    return customers;
  }

  @Override
  public Sink<StripeInvoiceRequest> invoices() {
    return invoices;
  }

  @Override
  public WebhookVerifier webhookVerifier() {
    return verifier;
  }

  @Override
  public WebhookSource<Payment> payments(@Nullable Duration lookback) {
    return new EnrichingSource<>(StripeSources.payments(stripe, lookback), links::payment);
  }

  @Override
  public WebhookSource<Refund> refunds(@Nullable Duration lookback) {
    return new EnrichingSource<>(StripeSources.refunds(stripe, lookback), links::refund);
  }

  @Override
  public Optional<WebhookSource<Dispute>> disputes(@Nullable Duration lookback) {
    return Optional.of(new EnrichingSource<>(StripeSources.disputes(stripe, lookback), links::dispute));
  }

  @Override
  public Optional<WebhookSource<Fee>> fees(@Nullable Duration lookback) {
    return Optional.of(StripeSources.fees(stripe, lookback));
  }

  @Override
  public Optional<WebhookSource<Payout>> payouts(@Nullable Duration lookback) {
    return Optional.of(StripeSources.payouts(stripe, lookback));
  }

  @Override
  public Optional<CollectedInvoice> collected(Mapping mapping) {
    String id = StripeInvoiceSink.currentInvoice(mapping);
    com.stripe.model.Invoice s;
    try {
      s = stripe.reads().retrieveStripeInvoice(id);
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
    StripeCurrencies currencies = stripe.config().currencies();
    String cur = s.getCurrency();
    // a void invoice (an invoice cancelled in the ERP) is not collectible: nothing remains owed on it
    long owed = "void".equals(s.getStatus()) ? 0 : nz(s.getAmountRemaining());
    long returned = 0;
    for (InvoicePayment ip : stripe.reads().listInvoicePayments(id)) {
      if (!"paid".equals(ip.getStatus()) || ip.getPayment() == null || ip.getPayment().getPaymentIntent() == null) {
        continue;
      }
      String pi = ip.getPayment().getPaymentIntent();
      PaymentIntent intent = stripe.reads().retrievePaymentIntent(pi);
      Charge charge = intent.getLatestChargeObject();
      long back = (charge != null ? nz(charge.getAmountRefunded()) : 0) + withdrawn(pi);
      owed += back;
      returned += back;
    }
    return Optional.of(new CollectedInvoice(id, s.getStatus(), currencies.toMoney(nz(s.getTotal()), cur),
        currencies.toMoney(owed, cur), currencies.toMoney(returned, cur)));
  }

  private long withdrawn(String paymentIntent) {
    try {
      long sum = 0;
      for (com.stripe.model.Dispute d : stripe.stripeClient().v1().disputes()
          .list(DisputeListParams.builder().setPaymentIntent(paymentIntent).setLimit(100L).build()).getData()) {
        if (WITHDRAWN.contains(d.getStatus())) {
          sum += nz(d.getAmount());
        }
      }
      return sum;
    } catch (StripeException e) {
      throw new IllegalStateException("could not list the disputes of " + paymentIntent + ": " + e.getMessage(), e);
    }
  }

  private static long nz(@Nullable Long v) {
    return v == null ? 0 : v;
  }

  @Override
  public String toString() {
    return "StripeCollector{" + stripe + "}";
  }
}
