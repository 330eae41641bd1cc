package io.mlconnector.samples.systems;

import io.mlconnector.acumatica.AcumaticaRefs;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.testkit.acumatica.AcumaticaSimulator;
import io.mlconnector.testkit.http.FaultInjector;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Acumatica simulator on a loopback port standing in for a tenant's Acumatica, seeded with the
 * demo company (customers, released sales invoices, the GL accounts of the Stripe clearing
 * account, the bank, fees, refunds and disputes); {@link #properties} points the sample at it the
 * way it would point at a real instance.
 */
public final class AcumaticaSimulation implements SimulatedLedger {
  /** The API user. */
  public static final String USER = "stripe-sync";
  /** The connected application's id (without the tenant). */
  public static final String CLIENT = "B2C6F0D1-7A4E-4C1B-9D55-1E2F3A4B5C6D";
  /** GL accounts: clearing (cash account of payments), bank, fees, refunds, disputes. */
  public static final String CLEARING = "10250";
  /** The bank account payouts arrive in. */
  public static final String BANK = "10200";
  /** Processing fees. */
  public static final String FEES = "60500";
  /** Refunds given. */
  public static final String REFUNDS = "41000";
  /** Funds lost to disputes. */
  public static final String DISPUTES = "41100";

  private final AcumaticaSimulator sim;
  private final String password;
  private final String clientSecret;

  private AcumaticaSimulation(Builder b) {
    this.password = b.password;
    this.clientSecret = b.clientSecret;
    this.sim = AcumaticaSimulator.builder().tenant("Company").user(USER, password).oauthClient(CLIENT, clientSecret)
        .faults(new FaultInjector().latency(b.latency)).maxApiUsers(b.apiUsers)
        .requestsPerMinute(b.requestsPerMinute).maxConcurrentRequests(b.concurrentRequests)
        .actions(1, Duration.ofSeconds(5)).threads(b.threads).start();
    sim.addAccount(CLEARING, "Stripe clearing", "Asset");
    sim.addAccount(BANK, "Bank", "Asset");
    sim.addAccount(FEES, "Card processing fees", "Expense");
    sim.addAccount(REFUNDS, "Refunds given", "Income");
    sim.addAccount(DISPUTES, "Disputed funds", "Expense");
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The simulator. */
  public AcumaticaSimulator simulator() {
    return sim;
  }

  @Override
  public String name() {
    return "Acumatica";
  }

  @Override
  public Map<String, String> properties(String tenant) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("acumatica.url", sim.instanceUri().toString());
    p.put("acumatica.client.id", CLIENT + "@" + sim.tenant());
    p.put("acumatica.username", USER);
    p.put("acumatica.password", password);
    p.put("acumatica.client.secret", clientSecret);
    p.put("acumatica.payment.method", "STRIPE");
    p.put("acumatica.cash.account", CLEARING);
    // payments back: four sessions release four payments at once (the simulated licence has 10 API users)
    p.put("acumatica.sessions", "4");
    p.put("acumatica.clearing.account", CLEARING);
    p.put("acumatica.refund.account", REFUNDS);
    p.put("acumatica.dispute.account", DISPUTES);
    // processing fees and payouts as GL journals (the receivables integration's fee and payout flows)
    p.put("gl.accounts.fees", FEES);
    p.put("gl.accounts.clearing", CLEARING);
    p.put("gl.accounts.bank", BANK);
    return p;
  }

  @Override
  public List<SeededInvoice> seed(String tenant, int customers, int invoices, long seed) {
    for (DemoCompany.DemoCustomer c : DemoCompany.customers(customers)) {
      sim.addCustomer(c.code(), c.name(), c.currency(), c.email());
    }
    List<SeededInvoice> out = new ArrayList<>();
    for (DemoCompany.DemoInvoice inv : DemoCompany.invoices(customers, invoices, seed, LocalDate.now(ZoneOffset.UTC))) {
      StringBuilder lines = new StringBuilder();
      for (DemoCompany.DemoLine l : inv.lines()) {
        if (lines.length() > 0) {
          lines.append(',');
        }
        lines.append("{\"InventoryID\":{\"value\":\"").append(l.item()).append("\"},\"TransactionDescr\":{\"value\":")
            .append(quote(l.description())).append("},\"Qty\":{\"value\":").append(l.quantity().toPlainString())
            .append("},\"Amount\":{\"value\":").append(l.net().add(l.tax()).toPlainString()).append("}}");
      }
      Map<String, Object> rec = sim.put("SalesInvoice", "{\"CustomerID\":{\"value\":\"" + inv.customer()
          + "\"},\"Date\":{\"value\":\"" + inv.date() + "T00:00:00\"},\"Description\":{\"value\":\"PO-" + inv.number()
          + "\"},\"Hold\":{\"value\":false},\"Details\":[" + lines + "]}");
      String ref = ((Map<?, ?>) rec.get("ReferenceNbr")).get("value").toString();
      sim.act("SalesInvoice", "ReleaseSalesInvoice",
          "{\"Type\":{\"value\":\"Invoice\"},\"ReferenceNbr\":{\"value\":\"" + ref + "\"}}");
      out.add(new SeededInvoice(AcumaticaRefs.invoice(tenant, inv.customer(), "Invoice", ref), ref));
    }
    return out;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String summary() {
    long payments = sim.records("Payment").size();
    long journals = sim.records("JournalTransaction").size();
    return "payments released in Acumatica: " + payments + ", GL journals: " + journals;
  }

  /** The total of the released journal lines on {@code account} (debits minus credits). */
  public BigDecimal accountBalance(String account) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map<String, Object> j : sim.records("JournalTransaction")) {
      if (!"Posted".equals(((Map<?, ?>) j.get("Status")).get("value"))) {
        continue;
      }
      for (Object o : (List<?>) j.get("Details")) {
        Map<?, ?> line = (Map<?, ?>) o;
        if (account.equals(((Map<?, ?>) line.get("Account")).get("value"))) {
          sum = sum.add(new BigDecimal(((Map<?, ?>) line.get("DebitAmount")).get("value").toString()))
              .subtract(new BigDecimal(((Map<?, ?>) line.get("CreditAmount")).get("value").toString()));
        }
      }
    }
    return sum;
  }

  @Override
  public void close() {
    sim.close();
  }

  /** Configures an {@link AcumaticaSimulation}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private int apiUsers = 10;
    private int requestsPerMinute = 0;
    private int concurrentRequests = Integer.MAX_VALUE;
    private int threads = 16;
    private String password = "Api-Us3r-Pw";
    private String clientSecret = "Cl1ent-S3cret";

    private Builder() {}

    /** Latency added to every request (default none). */
    public Builder latency(Duration value) {
      this.latency = Objects.requireNonNull(value, "latency");
      return this;
    }

    /** Licence limits: API users, requests per minute (0: none), concurrent requests. */
    public Builder licence(int apiUsers, int requestsPerMinute, int concurrentRequests) {
      this.apiUsers = apiUsers;
      this.requestsPerMinute = requestsPerMinute;
      this.concurrentRequests = concurrentRequests;
      return this;
    }

    /** Worker threads (default 16). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** The secrets the simulator accepts (tests use known values to look for leaks). */
    public Builder secrets(String password, String clientSecret) {
      this.password = Objects.requireNonNull(password, "password");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /** Starts the simulator. */
    public AcumaticaSimulation start() {
      return new AcumaticaSimulation(this);
    }
  }
}
