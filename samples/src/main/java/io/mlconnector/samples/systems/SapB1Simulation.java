package io.mlconnector.samples.systems;

import io.mlconnector.samples.DemoCompany;
import io.mlconnector.sapb1.SapB1Refs;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SAP Business One Service Layer simulator standing in for a tenant's company database, seeded
 * with the demo company (local currency USD, the other seven demo currencies at fixed rates, one
 * VAT group per demo tax rate); {@link #properties} points the sample at it the way it would point
 * at a real server.
 */
public final class SapB1Simulation implements SimulatedLedger {
  /** The simulated user. */
  public static final String USER = "stripe";
  /** The simulated company database. */
  public static final String COMPANY = "SBODEMOUS";
  /** The clearing account incoming payments are booked to. */
  public static final String TRANSFER_ACCOUNT = "_SYS00000000080";

  private static final Map<String, Double> RATES = Map.of("CHF", 1.12, "EUR", 1.08, "GBP", 1.27, "JPY", 0.0067,
      "CAD", 0.74, "AUD", 0.66, "NOK", 0.094);

  private final SapB1Simulator sim;
  private final String password;
  private final boolean v2;

  private SapB1Simulation(Builder b) {
    this.password = b.password;
    this.v2 = b.v2;
    SapB1Simulator.Builder s = SapB1Simulator.builder().companyDb(COMPANY).user(USER, password)
        .clock(Clock.systemUTC()).maxSessionsPerUser(b.seats).threads(b.threads)
        .faults(new FaultInjector().latency(b.latency)).capacity(b.capacity, b.perExcess);
    RATES.forEach(s::exchangeRate);
    for (DemoCompany.DemoCustomer c : DemoCompany.customers(DemoCompany.customerCount())) {
      s.vatRate(vatGroup(c.taxRate()), c.taxRate().doubleValue());
    }
    this.sim = s.start();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  private static String vatGroup(BigDecimal rate) {
    return "V" + rate.stripTrailingZeros().toPlainString();
  }

  /** The simulator. */
  public SapB1Simulator simulator() {
    return sim;
  }

  @Override
  public String name() {
    return "SAP B1";
  }

  @Override
  public Map<String, String> properties(String tenant) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("sap-b1.url", sim.serviceRoot(v2).toString());
    p.put("sap-b1.company", COMPANY);
    p.put("sap-b1.user", USER);
    p.put("sap-b1.password", password);
    p.put("sap-b1.transfer.account", TRANSFER_ACCOUNT);
    return p;
  }

  @Override
  public List<SeededInvoice> seed(String tenant, int customers, int invoices, long seed) {
    for (DemoCompany.DemoCustomer c : DemoCompany.customers(customers)) {
      if (sim.businessPartner(c.code()) != null) {
        continue;
      }
      Map<String, Object> bp = new LinkedHashMap<>();
      bp.put("CardCode", c.code());
      bp.put("CardName", c.name());
      bp.put("CardType", "cCustomer");
      bp.put("Currency", c.currency());
      bp.put("EmailAddress", c.email());
      bp.put("FederalTaxID", c.taxId());
      bp.put("Address", c.street());
      bp.put("City", c.city());
      bp.put("ZipCode", c.postalCode());
      sim.addBusinessPartner(bp);
    }
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    for (DemoCompany.DemoCustomer c : DemoCompany.customers(customers)) {
      rates.put(c.code(), c.taxRate());
    }
    List<SeededInvoice> out = new ArrayList<>();
    for (DemoCompany.DemoInvoice inv : DemoCompany.invoices(customers, invoices, seed, LocalDate.now(ZoneOffset.UTC))) {
      List<Object> lines = new ArrayList<>();
      for (DemoCompany.DemoLine l : inv.lines()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ItemCode", l.item());
        line.put("ItemDescription", l.description());
        line.put("Quantity", l.quantity().doubleValue());
        line.put("Price", l.net().divide(l.quantity(), 6, RoundingMode.HALF_UP).doubleValue());
        line.put("VatGroup", vatGroup(rates.get(inv.customer())));
        lines.add(line);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("CardCode", inv.customer());
      doc.put("DocCurrency", inv.currency());
      doc.put("DocDate", inv.date().toString());
      doc.put("DocDueDate", inv.date().plusDays(30).toString());
      doc.put("NumAtCard", "PO-" + inv.number());
      doc.put("DocumentLines", lines);
      Map<String, Object> created = sim.addInvoice(doc);
      long entry = ((Number) created.get("DocEntry")).longValue();
      out.add(new SeededInvoice(SapB1Refs.invoice(tenant, entry), String.valueOf(((Number) created.get("DocNum")).longValue())));
    }
    return out;
  }

  /** Cancels an invoice no payment was applied to, the way a B1 user does ({@code Cancel}). */
  @Override
  public boolean cancel(SeededInvoice invoice) {
    long entry = Long.parseLong(invoice.ref().id());
    Map<String, Object> inv = sim.invoice(entry);
    if (inv == null || ((Number) inv.get("PaidToDate")).doubleValue() > 0) {
      return false;
    }
    sim.action("Invoices", entry, "Cancel");
    return true;
  }

  @Override
  public String summary() {
    List<Map<String, Object>> payments = sim.all("IncomingPayments");
    long cancelled = payments.stream().filter(p -> "tYES".equals(p.get("Cancelled"))).count();
    return "incoming payments in SAP B1: " + payments.size() + " (" + cancelled + " cancelled and re-posted for refunds"
        + " and disputes)";
  }

  @Override
  public void close() {
    sim.close();
  }

  /** Configures a {@link SapB1Simulation}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private int seats = 10;
    private int threads = 32;
    private int capacity;
    private Duration perExcess = Duration.ofMillis(5);
    private String password = "B1-Manager-Pw";
    private boolean v2 = true;

    private Builder() {}

    /** Latency added to every request (default none). */
    public Builder latency(Duration value) {
      this.latency = Objects.requireNonNull(value, "latency");
      return this;
    }

    /** Licence seats of the user (default 10). */
    public Builder licenceSeats(int value) {
      this.seats = value;
      return this;
    }

    /** Worker threads (default 32). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** The load model: requests in flight served without added delay, and the delay per request beyond. */
    public Builder capacity(int value, Duration perExcessRequest) {
      this.capacity = value;
      this.perExcess = Objects.requireNonNull(perExcessRequest, "perExcessRequest");
      return this;
    }

    /** The password the simulator accepts (tests use a known value to look for leaks). */
    public Builder password(String value) {
      this.password = Objects.requireNonNull(value, "password");
      return this;
    }

    /** Whether the sample talks to {@code /b1s/v2} (default) or {@code /b1s/v1}. */
    public Builder v2(boolean value) {
      this.v2 = value;
      return this;
    }

    /** Starts the simulator. */
    public SapB1Simulation start() {
      return new SapB1Simulation(this);
    }
  }
}
