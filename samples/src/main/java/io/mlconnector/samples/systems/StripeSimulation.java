package io.mlconnector.samples.systems;

import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Stripe simulator on a loopback port standing in for a tenant's Stripe account; {@link
 * #properties} points the sample at it, and its customers pay, refund and dispute.
 */
public final class StripeSimulation implements SimulatedCollector {
  private final StripeSimulator stripe;
  private final String webhookSecret;

  private StripeSimulation(Builder b) {
    this.webhookSecret = b.webhookSecret;
    StripeSimulator.Builder sb =
        StripeSimulator.builder().seed(b.seed).faults(new FaultInjector().latency(b.latency)).threads(b.threads);
    if (b.apiKey != null) {
      sb.apiKey(b.apiKey);
    }
    if (b.rateLimit > 0) {
      sb.rateLimit(b.rateLimit);
    }
    this.stripe = sb.build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The simulator. */
  public StripeSimulator simulator() {
    return stripe;
  }

  /** The signing secret the simulator signs webhooks with. */
  public String webhookSecret() {
    return webhookSecret;
  }

  @Override
  public String name() {
    return "Stripe";
  }

  @Override
  public Map<String, String> properties(String tenant) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("stripe.api.key", stripe.apiKey());
    p.put("stripe.api.base", stripe.baseUrl());
    p.put("stripe.webhook.secret", webhookSecret);
    return p;
  }

  @Override
  public void deliverWebhooksTo(URI url) {
    stripe.webhooks().addEndpoint(url, webhookSecret);
  }

  @Override
  public long amountDue(String invoiceId) {
    return (Long) stripe.object(invoiceId).get("amount_due");
  }

  @Override
  public String pay(String invoiceId, long amount) {
    return amount >= amountDue(invoiceId) ? stripe.payInvoice(invoiceId) : stripe.payInvoice(invoiceId, amount);
  }

  @Override
  public String refund(String paymentId, long amount) {
    return stripe.refund(paymentId, amount);
  }

  @Override
  public boolean disputes() {
    return true;
  }

  @Override
  public String openDispute(String paymentId) {
    return stripe.openDispute(paymentId);
  }

  @Override
  public void closeDispute(String disputeId, boolean won) {
    stripe.closeDispute(disputeId, won);
  }

  @Override
  public int pendingDeliveries() {
    return stripe.webhooks().pending();
  }

  @Override
  public void close() {
    stripe.close();
  }

  /** Configures a {@link StripeSimulation}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private int rateLimit;
    private int threads = 16;
    private long seed = 42;
    private String apiKey;
    private String webhookSecret = "whsec_demoSigningSecret0000000000";

    private Builder() {}

    /** Latency added to every request (default none). */
    public Builder latency(Duration value) {
      this.latency = Objects.requireNonNull(value, "latency");
      return this;
    }

    /** Requests per second per key, 429 beyond (default 0: unlimited). */
    public Builder rateLimit(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("rateLimit must not be negative, was " + value);
      }
      this.rateLimit = value;
      return this;
    }

    /** Worker threads (default 16). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** The seed of the simulator's ids. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The API key the simulator accepts (default: the simulator's own test key). */
    public Builder apiKey(String value) {
      this.apiKey = Objects.requireNonNull(value, "apiKey");
      return this;
    }

    /** The webhook signing secret (tests use known values to look for leaks). */
    public Builder webhookSecret(String value) {
      this.webhookSecret = Objects.requireNonNull(value, "webhookSecret");
      return this;
    }

    /** Starts the simulator. */
    public StripeSimulation start() {
      return new StripeSimulation(this);
    }
  }
}
