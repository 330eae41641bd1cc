package io.mlconnector.samples;

import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SYSPRO and Stripe simulations of the syspro-stripe pair's end-to-end tests, with the settings
 * that point the sample at both (test helper).
 */
public final class SimulatedSystems implements AutoCloseable {
  /** The simulated SYSPRO operator. */
  public static final String OPERATOR = SysproSimulation.OPERATOR;
  /** The simulated company. */
  public static final String COMPANY = SysproSimulation.COMPANY;

  private final SysproSimulation syspro;
  private final StripeSimulation stripe;

  private SimulatedSystems(Builder b) {
    SysproSimulation.Builder sb = SysproSimulation.builder().latency(b.sysproLatency).licenceSeats(b.seats)
        .threads(b.threads).secrets(b.operatorPassword, b.odataPassword);
    b.extraOperators.forEach(sb::addOperator);
    this.syspro = sb.start();
    StripeSimulation.Builder st = StripeSimulation.builder().latency(b.stripeLatency).rateLimit(b.stripeRateLimit)
        .threads(b.threads).seed(b.seed).webhookSecret(b.webhookSecret);
    if (b.stripeApiKey != null) {
      st.apiKey(b.stripeApiKey);
    }
    this.stripe = st.start();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The SYSPRO simulator. */
  public SysproSimulator syspro() {
    return syspro.simulator();
  }

  /** The Stripe simulator. */
  public StripeSimulator stripe() {
    return stripe.simulator();
  }

  /** The webhook signing secret the Stripe simulator signs with once an endpoint is added. */
  public String webhookSecret() {
    return stripe.webhookSecret();
  }

  /**
   * The sample's properties for these systems (pair {@code syspro-stripe}), secrets included;
   * {@code extra} adds or overrides keys.
   */
  public Map<String, String> properties(String tenant, Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("pair", "syspro-stripe");
    p.put("tenant", tenant);
    p.putAll(syspro.properties(tenant));
    p.putAll(stripe.properties(tenant));
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
    private final List<Operator> extraOperators = new ArrayList<>();
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
