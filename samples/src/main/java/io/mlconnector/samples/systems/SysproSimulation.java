package io.mlconnector.samples.systems;

import io.mlconnector.samples.DemoCompany;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SYSPRO simulator on a loopback port standing in for a tenant's SYSPRO, seeded with the demo
 * company; {@link #properties} points the sample at it the way it would point at a real server.
 */
public final class SysproSimulation implements SimulatedLedger {
  /** The simulated SYSPRO operator. */
  public static final String OPERATOR = "STRIPE";
  /** The simulated company. */
  public static final String COMPANY = "EDU1";

  private final SysproSimulator syspro;
  private final String operatorPassword;
  private final String odataPassword;

  private SysproSimulation(Builder b) {
    this.operatorPassword = b.operatorPassword;
    this.odataPassword = b.odataPassword;
    Instant now = Instant.now();
    SysproSimulator.Builder sys = SysproSimulator.builder();
    b.extraOperators.forEach(sys::operator);
    this.syspro =
        sys.operator(Operator.of(OPERATOR, operatorPassword).withODataPassword(odataPassword))
            .companyId(COMPANY)
            .companyName("Outdoor Café Company")
            .licenceSeats(b.seats)
            .startTime(now)
            .faults(new FaultInjector().latency(b.latency))
            .threads(b.threads)
            .start();
    syspro.setCurrentPeriod(YearMonth.from(now.atZone(ZoneOffset.UTC)));
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The simulator. */
  public SysproSimulator simulator() {
    return syspro;
  }

  @Override
  public String name() {
    return "SYSPRO";
  }

  @Override
  public Map<String, String> properties(String tenant) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("syspro.rest.url", syspro.restBaseUri().toString());
    p.put("syspro.odata.url", syspro.odataServiceUri().toString());
    p.put("syspro.operator", OPERATOR);
    p.put("syspro.company", COMPANY);
    p.put("syspro.operator.password", operatorPassword);
    p.put("syspro.company.password", "");
    p.put("syspro.odata.password", odataPassword);
    return p;
  }

  @Override
  public List<SeededInvoice> seed(String tenant, int customers, int invoices, long seed) {
    List<SeededInvoice> out = new ArrayList<>();
    for (ArInvoice inv : DemoCompany.seed(syspro, customers, invoices, seed)) {
      out.add(new SeededInvoice(SysproRefs.arInvoice(tenant, inv.customer(), inv.invoice(), inv.documentType()),
          inv.invoice()));
    }
    return out;
  }

  @Override
  public void prepare(LedgerSystem system, int customers) {
    DemoCompany.addAddresses(((SysproSystem) system).client(), customers);
  }

  /** Cancels the invoice by a credit note under its number, the way SYSPRO users do. */
  @Override
  public boolean cancel(SeededInvoice invoice) {
    List<String> parts = SysproRefs.parts(invoice.ref(), SysproRefs.AR_INVOICE, 3);
    syspro.cancelArInvoice(parts.get(0), parts.get(1));
    return true;
  }

  @Override
  public String summary() {
    return "ARSTPY postings in SYSPRO: " + syspro.arPayments().size();
  }

  @Override
  public void close() {
    syspro.close();
  }

  /** Configures a {@link SysproSimulation}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private int seats = 10;
    private int threads = 16;
    private String operatorPassword = "Op3rator-Pw";
    private String odataPassword = "OData-Pw";
    private final List<Operator> extraOperators = new ArrayList<>();

    private Builder() {}

    /** Latency added to every request (default none). */
    public Builder latency(Duration value) {
      this.latency = Objects.requireNonNull(value, "latency");
      return this;
    }

    /** Licence seats (default 10). */
    public Builder licenceSeats(int value) {
      this.seats = value;
      return this;
    }

    /** Worker threads (default 16). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** Another operator (another user of the company, competing for licence seats). */
    public Builder addOperator(Operator operator) {
      extraOperators.add(Objects.requireNonNull(operator, "operator"));
      return this;
    }

    /** The passwords the simulator accepts (tests use known values to look for leaks). */
    public Builder secrets(String operatorPassword, String odataPassword) {
      this.operatorPassword = Objects.requireNonNull(operatorPassword, "operatorPassword");
      this.odataPassword = Objects.requireNonNull(odataPassword, "odataPassword");
      return this;
    }

    /** Starts the simulator. */
    public SysproSimulation start() {
      return new SysproSimulation(this);
    }
  }
}
