package io.mlconnector.samples.systems;

import io.mlconnector.testkit.chargebee.ChargebeeSimulator;
import io.mlconnector.testkit.http.FaultInjector;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Chargebee simulator on a loopback port standing in for a tenant's Chargebee site; {@link
 * #properties} points the sample at it (the demo ledger's invoice ids are {@code
 * customer|invoice|type}, so the invoice number, part 1, is the {@code po_number}), and its
 * customers pay and ask for refunds. Chargebee has no disputes.
 */
public final class ChargebeeSimulation implements SimulatedCollector {
  private static final String WEBHOOK_USER = "mlconnector";
  private final ChargebeeSimulator chargebee;
  private final String webhookPassword;
  private final String plan;

  private ChargebeeSimulation(Builder b) {
    this.webhookPassword = b.webhookPassword;
    this.plan = b.plan;
    this.chargebee = ChargebeeSimulator.builder().seed(b.seed).faults(new FaultInjector().latency(b.latency))
        .threads(b.threads).requestsPerMinute(b.requestsPerMinute).concurrencyLimit(b.concurrency).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The simulator. */
  public ChargebeeSimulator simulator() {
    return chargebee;
  }

  @Override
  public String name() {
    return "Chargebee";
  }

  @Override
  public Map<String, String> properties(String tenant) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("chargebee.site", chargebee.site());
    p.put("chargebee.api.base", chargebee.baseUrl());
    p.put("chargebee.api.key", chargebee.apiKey());
    p.put("chargebee.webhook.username", WEBHOOK_USER);
    p.put("chargebee.webhook.password", webhookPassword);
    p.put("chargebee.plan", plan);
    p.put("chargebee.po.number.segment", "1");
    return p;
  }

  @Override
  public void deliverWebhooksTo(URI url) {
    chargebee.webhooks().addEndpoint(url, WEBHOOK_USER, webhookPassword);
  }

  @Override
  public long amountDue(String invoiceId) {
    return (Long) chargebee.record("invoice", invoiceId).get("amount_due");
  }

  @Override
  public String pay(String invoiceId, long amount) {
    return chargebee.pay(invoiceId, amount >= amountDue(invoiceId) ? null : amount);
  }

  @Override
  public String refund(String paymentId, long amount) {
    Map<String, Object> txn = chargebee.record("transaction", paymentId);
    List<?> linked = (List<?>) txn.get("linked_invoices");
    String invoice = (String) ((Map<?, ?>) linked.get(0)).get("invoice_id");
    return chargebee.refund(invoice, amount);
  }

  @Override
  public int pendingDeliveries() {
    return chargebee.webhooks().pending();
  }

  @Override
  public void close() {
    chargebee.close();
  }

  /** Configures a {@link ChargebeeSimulation}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private int requestsPerMinute = 1000;
    private String plan = "performance";
    private int concurrency;
    private int threads = 16;
    private long seed = 42;
    private String webhookPassword = "demo-webhook-password-0000";

    private Builder() {}

    /** Latency added to every request (default none). */
    public Builder latency(Duration value) {
      this.latency = Objects.requireNonNull(value, "latency");
      return this;
    }

    /** The site's plan: its limit in the simulator and the client's budget (default performance). */
    public Builder plan(String name, int requestsPerMinute) {
      this.plan = Objects.requireNonNull(name, "name");
      this.requestsPerMinute = requestsPerMinute;
      return this;
    }

    /** The simulator's concurrency limit (default none). */
    public Builder concurrency(int value) {
      this.concurrency = value;
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

    /** The webhook endpoint's Basic password (tests use known values to look for leaks). */
    public Builder webhookPassword(String value) {
      this.webhookPassword = Objects.requireNonNull(value, "webhookPassword");
      return this;
    }

    /** Starts the simulator. */
    public ChargebeeSimulation start() {
      return new ChargebeeSimulation(this);
    }
  }
}
