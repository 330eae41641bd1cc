package io.mlconnector.samples;

import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A SYSPRO simulator and a Stripe simulator on loopback ports, standing in for a tenant's real
 * systems, and the {@link SampleConfig} properties that point the sample at them (the same path
 * the sample takes to real systems).
 */
public final class SimulatedSystems implements AutoCloseable {
  /** The simulated SYSPRO operator. */
  public static final String OPERATOR = "STRIPE";
  /** The simulated company. */
  public static final String COMPANY = "EDU1";

  private final SysproSimulator syspro;
  private final StripeSimulator stripe;
  private final String operatorPassword;
  private final String odataPassword;
  private final String webhookSecret;

  private SimulatedSystems(Builder b) {
    FaultInjector sysproFaults = new FaultInjector().latency(b.sysproLatency);
    FaultInjector stripeFaults = new FaultInjector().latency(b.stripeLatency);
    this.operatorPassword = b.operatorPassword;
    this.odataPassword = b.odataPassword;
    this.webhookSecret = b.webhookSecret;
    Instant now = Instant.now();
    SysproSimulator.Builder sys = SysproSimulator.builder();
    b.extraOperators.forEach(sys::operator);
    this.syspro =
        sys
            .operator(Operator.of(OPERATOR, operatorPassword).withODataPassword(odataPassword))
            .companyId(COMPANY)
            .companyName("Outdoor Café Company")
            .licenceSeats(b.seats)
            .startTime(now)
            .faults(sysproFaults)
            .threads(b.threads)
            .start();
    syspro.setCurrentPeriod(YearMonth.from(now.atZone(ZoneOffset.UTC)));
    StripeSimulator.Builder sb = StripeSimulator.builder().seed(b.seed).faults(stripeFaults).threads(b.threads);
    if (b.stripeApiKey != null) {
      sb.apiKey(b.stripeApiKey);
    }
    if (b.stripeRateLimit > 0) {
      sb.rateLimit(b.stripeRateLimit);
    }
    this.stripe = sb.build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The SYSPRO simulator. */
  public SysproSimulator syspro() {
    return syspro;
  }

  /** The Stripe simulator. */
  public StripeSimulator stripe() {
    return stripe;
  }

  /** The webhook signing secret the Stripe simulator signs with once an endpoint is added. */
  public String webhookSecret() {
    return webhookSecret;
  }

  /**
   * The sample's properties for these systems, secrets included (the sample moves them into its
   * encrypted credential store); {@code extra} adds or overrides keys.
   */
  public Map<String, String> properties(String tenant, Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("tenant", tenant);
    p.put("syspro.rest.url", syspro.restBaseUri().toString());
    p.put("syspro.odata.url", syspro.odataServiceUri().toString());
    p.put("syspro.operator", OPERATOR);
    p.put("syspro.company", COMPANY);
    p.put("syspro.operator.password", operatorPassword);
    p.put("syspro.company.password", "");
    p.put("syspro.odata.password", odataPassword);
    p.put("stripe.api.key", stripe.apiKey());
    p.put("stripe.api.base", stripe.baseUrl());
    p.put("stripe.webhook.secret", webhookSecret);
    p.putAll(Objects.requireNonNull(extra, "extra"));
    return p;
  }

  @Override
  public void close() {
    stripe.close();
    syspro.close();
  }

  /** Configures {@link SimulatedSystems}. */
  public static final class Builder {
    private Duration sysproLatency = Duration.ZERO;
    private Duration stripeLatency = Duration.ZERO;
    private int stripeRateLimit;
    private int seats = 10;
    private int threads = 16;
    private long seed = 42;
    private String operatorPassword = "Op3rator-Pw";
    private String odataPassword = "OData-Pw";
    private String webhookSecret = "whsec_demoSigningSecret0000000000";
    private final java.util.List<Operator> extraOperators = new java.util.ArrayList<>();
    private String stripeApiKey;

    private Builder() {}

    /** Another SYSPRO operator (another user of the company, competing for licence seats). */
    public Builder addOperator(Operator operator) {
      extraOperators.add(Objects.requireNonNull(operator, "operator"));
      return this;
    }

    /** Latency added to every SYSPRO request (default none). */
    public Builder sysproLatency(Duration value) {
      this.sysproLatency = Objects.requireNonNull(value, "sysproLatency");
      return this;
    }

    /** Latency added to every Stripe request (default none). */
    public Builder stripeLatency(Duration value) {
      this.stripeLatency = Objects.requireNonNull(value, "stripeLatency");
      return this;
    }

    /** Stripe's requests per second per key, 429 beyond (default 0: unlimited). */
    public Builder stripeRateLimit(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("stripeRateLimit must not be negative, was " + value);
      }
      this.stripeRateLimit = value;
      return this;
    }

    /** SYSPRO licence seats (default 10). */
    public Builder licenceSeats(int value) {
      this.seats = value;
      return this;
    }

    /** Simulator worker threads each (default 16). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** The Stripe simulator's seed (ids). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The secrets the simulators accept (tests use known values to look for leaks). */
    public Builder secrets(String operatorPassword, String odataPassword, String webhookSecret) {
      this.operatorPassword = Objects.requireNonNull(operatorPassword, "operatorPassword");
      this.odataPassword = Objects.requireNonNull(odataPassword, "odataPassword");
      this.webhookSecret = Objects.requireNonNull(webhookSecret, "webhookSecret");
      return this;
    }

    /** The Stripe API key the simulator accepts (default: the simulator's own test key). */
    public Builder stripeApiKey(String value) {
      this.stripeApiKey = Objects.requireNonNull(value, "stripeApiKey");
      return this;
    }

    /** Starts both simulators. */
    public SimulatedSystems start() {
      return new SimulatedSystems(this);
    }
  }
}
