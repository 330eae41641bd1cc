package io.mlconnector.testkit.sandbox;

import io.mlconnector.testkit.acumatica.AcumaticaSimulator;
import io.mlconnector.testkit.chargebee.ChargebeeSimulator;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import io.mlconnector.testkit.sftp.SftpServer;
import io.mlconnector.testkit.stampli.StampliExport;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulator as the sandbox runs it: started on a loopback port of its own, reached through the
 * sandbox's front port. Each knows the credentials it accepts, the paths clients use, how to seed
 * demo data, where its webhooks go and the few run-time controls beyond faults and the clock.
 */
abstract class Simulated implements AutoCloseable {
  /** Password of every simulated user the sandbox creates (print it; it is not a secret). */
  static final String PASSWORD = "sandbox";

  final SandboxSystem system;

  Simulated(SandboxSystem system) {
    this.system = system;
  }

  /** The simulator's own loopback port (the front forwards to it). */
  abstract int internalPort();

  /** Where clients point, relative to the front's base URL ({@code ""} for the root). */
  abstract Map<String, String> paths();

  /** The credentials clients use, by name, in print order. */
  abstract Map<String, String> credentials();

  abstract FaultInjector faults();

  abstract void advanceClock(Duration by);

  /** Adds demo records; returns what was added, for the operator to read. */
  abstract String seed();

  /** Sends this system's webhooks (if it has any) to {@code url}; returns what was registered, or null. */
  String webhooks(URI url) {
    return null;
  }

  /** A system-specific control action, or null if the action is unknown here. */
  Object action(String name, Map<String, String> params) {
    return null;
  }

  /** The names of {@link #action} calls, for the help text. */
  List<String> actions() {
    return List.of();
  }

  @Override
  public abstract void close();

  static Simulated start(SandboxSystem system) {
    switch (system) {
      case STRIPE:
        return new Stripe();
      case CHARGEBEE:
        return new Chargebee();
      case SYSPRO:
        return new Syspro();
      case SAP_B1:
        return new SapB1();
      case ACUMATICA:
        return new Acumatica();
      case SFTP:
        return new Sftp();
      default:
        throw new IllegalArgumentException("unknown system " + system);
    }
  }

  static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  static Long optionalLong(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
    }
  }

  static final class Stripe extends Simulated {
    static final String WEBHOOK_SECRET = "whsec_mlconnectorSandbox0000";
    private final StripeSimulator sim = StripeSimulator.builder().threads(8).build();

    Stripe() {
      super(SandboxSystem.STRIPE);
    }

    @Override
    int internalPort() {
      return URI.create(sim.baseUrl()).getPort();
    }

    @Override
    Map<String, String> paths() {
      return Map.of("api base", "", "test control (Stripe's own, /_sim/)", "/_sim/");
    }

    @Override
    Map<String, String> credentials() {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("api key", sim.apiKey());
      c.put("api version", sim.apiVersion());
      return c;
    }

    @Override
    FaultInjector faults() {
      return sim.faults();
    }

    @Override
    void advanceClock(Duration by) {
      sim.advanceClock(by);
    }

    @Override
    String seed() {
      return "nothing (create customers and invoices through the API)";
    }

    @Override
    String webhooks(URI url) {
      sim.webhooks().addEndpoint(url, WEBHOOK_SECRET, Set.of("*"));
      return url + " (every event, Stripe-Signature with secret " + WEBHOOK_SECRET + ")";
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  static final class Chargebee extends Simulated {
    private final ChargebeeSimulator sim = ChargebeeSimulator.builder().threads(8).build();

    Chargebee() {
      super(SandboxSystem.CHARGEBEE);
    }

    @Override
    int internalPort() {
      return sim.port();
    }

    @Override
    Map<String, String> paths() {
      return Map.of("api base", "/api/v2");
    }

    @Override
    Map<String, String> credentials() {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("site", sim.site());
      c.put("api key (Basic auth user, empty password)", sim.apiKey());
      return c;
    }

    @Override
    FaultInjector faults() {
      return sim.faults();
    }

    @Override
    void advanceClock(Duration by) {
      sim.advanceClock(by);
    }

    @Override
    String seed() {
      return "nothing (create customers and invoices through the API)";
    }

    @Override
    String webhooks(URI url) {
      sim.webhooks().addEndpoint(url, "sandbox", PASSWORD);
      return url + " (every event, Basic auth sandbox / " + PASSWORD + ")";
    }

    @Override
    Object action(String name, Map<String, String> params) {
      switch (name) {
        case "pay":
          return Map.of("transaction", sim.pay(required(params, "invoice"), optionalLong(params, "amount")));
        case "fail_payment":
          return Map.of("transaction", sim.failPayment(required(params, "invoice")));
        case "refund":
          return Map.of("refund", sim.refund(required(params, "invoice"), optionalLong(params, "amount")));
        default:
          return null;
      }
    }

    @Override
    List<String> actions() {
      return List.of("pay (invoice, amount)", "fail_payment (invoice)", "refund (invoice, amount)");
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  static final class Syspro extends Simulated {
    private static final String OPERATOR = "ADMIN";
    private final SysproSimulator sim = SysproSimulator.builder()
        .operator(Operator.of(OPERATOR, PASSWORD).withODataPassword(PASSWORD).withConcurrentUsers(10))
        .licenceSeats(10)
        .clock(Clock.systemUTC())
        .threads(8)
        .start();

    Syspro() {
      super(SandboxSystem.SYSPRO);
    }

    @Override
    int internalPort() {
      return sim.restBaseUri().getPort();
    }

    @Override
    Map<String, String> paths() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("e.net REST", sim.restBaseUri().getPath());
      p.put("OData", sim.odataServiceUri().getPath());
      return p;
    }

    @Override
    Map<String, String> credentials() {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("operator", OPERATOR);
      c.put("operator password", PASSWORD);
      c.put("OData password (Basic auth as the operator)", PASSWORD);
      c.put("company", sim.companyId());
      c.put("company password", "(empty)");
      return c;
    }

    @Override
    FaultInjector faults() {
      return sim.faults();
    }

    @Override
    void advanceClock(Duration by) {
      sim.advanceClock(by);
    }

    @Override
    String seed() {
      sim.seedDemoData();
      return sim.customers().size() + " customers and their AR invoices";
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  static final class SapB1 extends Simulated {
    private static final String USER = "manager";
    private final SapB1Simulator sim =
        SapB1Simulator.builder().user(USER, PASSWORD).exchangeRate("EUR", 1.08).clock(Clock.systemUTC()).threads(8)
        .start();

    SapB1() {
      super(SandboxSystem.SAP_B1);
    }

    @Override
    int internalPort() {
      return sim.baseUri().getPort();
    }

    @Override
    Map<String, String> paths() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("Service Layer v1", "/b1s/v1/");
      p.put("Service Layer v2", "/b1s/v2/");
      return p;
    }

    @Override
    Map<String, String> credentials() {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("CompanyDB", sim.companyDb());
      c.put("UserName", USER);
      c.put("Password", PASSWORD);
      return c;
    }

    @Override
    FaultInjector faults() {
      return sim.faults();
    }

    @Override
    void advanceClock(Duration by) {
      sim.advance(by);
    }

    @Override
    String seed() {
      List<String> added = new ArrayList<>();
      String[][] customers = {{"C20000", "Maxi-Teq", "USD"}, {"C30000", "Mashina Corporation", "EUR"}};
      for (String[] c : customers) {
        sim.addCustomer(c[0], c[1], c[2]);
        added.add(c[0]);
      }
      long first = sim.addInvoice("C20000", "A00001", 2, 150.0);
      long second = sim.addInvoice("C30000", "A00002", 1, 420.5);
      return "business partners " + added + ", A/R invoices DocEntry " + first + " and " + second;
    }

    @Override
    Object action(String name, Map<String, String> params) {
      if (name.equals("expire_sessions")) {
        sim.expireSessions();
        return Map.of("expired", true);
      }
      return null;
    }

    @Override
    List<String> actions() {
      return List.of("expire_sessions");
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  static final class Acumatica extends Simulated {
    private static final String USER = "admin";
    private static final String CLIENT = "sandbox-client";
    private final AcumaticaSimulator sim = AcumaticaSimulator.builder()
        .user(USER, PASSWORD)
        .oauthClient(CLIENT, PASSWORD)
        .threads(8)
        .start();

    Acumatica() {
      super(SandboxSystem.ACUMATICA);
    }

    @Override
    int internalPort() {
      return sim.instanceUri().getPort();
    }

    @Override
    Map<String, String> paths() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("instance", sim.instanceUri().getPath());
      p.put("contract REST", sim.instanceUri().getPath() + "entity/Default/24.200.001/");
      return p;
    }

    @Override
    Map<String, String> credentials() {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("tenant", sim.tenant());
      c.put("user / password (cookie login or OAuth password grant)", USER + " / " + PASSWORD);
      c.put("OAuth client id / secret", CLIENT + "@" + sim.tenant() + " / " + PASSWORD);
      return c;
    }

    @Override
    FaultInjector faults() {
      return sim.faults();
    }

    @Override
    void advanceClock(Duration by) {
      sim.advance(by);
    }

    @Override
    String seed() {
      sim.addAccount("10200", "Cash in bank", "Asset");
      sim.addAccount("40000", "Sales", "Income");
      sim.addCustomer("ABCSTUDIOS", "ABC Studios", "USD", "ap@abcstudios.example");
      sim.addCustomer("GOODFOOD", "Good Food One", "EUR", "billing@goodfood.example");
      String first = sim.addReleasedInvoice("ABCSTUDIOS", "Consulting, March", new BigDecimal("1250.00"));
      String second = sim.addReleasedInvoice("GOODFOOD", "Licences", new BigDecimal("480.00"));
      return "accounts 10200 and 40000, customers ABCSTUDIOS and GOODFOOD, released invoices " + first + " and "
          + second;
    }

    @Override
    String webhooks(URI url) {
      for (String entity : List.of("Customer", "SalesInvoice", "Payment")) {
        sim.subscribe(url.toString(), "X-Sandbox-Source", "acumatica", entity, entity);
      }
      return url + " (push notifications of Customer, SalesInvoice, Payment; header X-Sandbox-Source: acumatica)";
    }

    @Override
    Object action(String name, Map<String, String> params) {
      if (name.equals("expire_tokens")) {
        sim.expireAccessTokens();
        return Map.of("expired", true);
      }
      return null;
    }

    @Override
    List<String> actions() {
      return List.of("expire_tokens");
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  static final class Sftp extends Simulated {
    private static final String USER = "stampli";
    private final SftpServer server = SftpServer.builder().user(USER, PASSWORD).start();

    Sftp() {
      super(SandboxSystem.SFTP);
    }

    @Override
    int internalPort() {
      return server.port();
    }

    @Override
    Map<String, String> paths() {
      return Map.of("folders", "/outbound (exports), /inbound (imports), /archive");
    }

    @Override
    Map<String, String> credentials() {
      Map<String, String> c = new LinkedHashMap<>();
      c.put("user / password", USER + " / " + PASSWORD);
      c.put("host key fingerprint", server.hostKeyFingerprint());
      return c;
    }

    @Override
    FaultInjector faults() {
      return server.faults();
    }

    @Override
    void advanceClock(Duration by) {
      throw new IllegalArgumentException("the SFTP server has no simulated clock");
    }

    @Override
    String seed() {
      String path = "/outbound/invoices-sandbox-0001.csv";
      List<io.mlconnector.testkit.stampli.ExportInvoice> invoices = new ArrayList<>();
      StampliExport.randomInvoices(7, 5).forEach(invoices::add);
      server.put(path, StampliExport.csv().invoices(invoices));
      return "a Stampli invoice export of " + invoices.size() + " approved invoices at " + path;
    }

    @Override
    Object action(String name, Map<String, String> params) {
      if (name.equals("drop_connections")) {
        server.dropConnections();
        return Map.of("dropped", true);
      }
      if (name.equals("list")) {
        return Map.of("files", server.list(required(params, "dir")));
      }
      return null;
    }

    @Override
    List<String> actions() {
      return List.of("drop_connections", "list (dir)");
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
