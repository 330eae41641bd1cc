package io.mlconnector.testkit.sandbox;

import io.mlconnector.testkit.acumatica.AcumaticaSimulator;
import io.mlconnector.testkit.chargebee.ChargebeeSimulator;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import io.mlconnector.testkit.sftp.SftpServer;
import io.mlconnector.testkit.stampli.ExportInvoice;
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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One simulator as the sandbox runs it: started on a loopback port of its own, reached through the
 * sandbox's front port. Each is data: the credentials it accepts, the paths clients use, how to seed
 * demo data, where its webhooks go and the few run-time controls ({@link Action}s) beyond faults and
 * the clock, put in by one factory per system.
 */
final class Simulated implements AutoCloseable {
  /** Password of every simulated user the sandbox creates (print it; it is not a secret). */
  static final String PASSWORD = "sandbox";
  /** The secret the Stripe simulator signs webhooks with. */
  static final String STRIPE_WEBHOOK_SECRET = "whsec_mlconnectorSandbox0000";
  private static final String NOTHING_SEEDED = "nothing (create customers and invoices through the API)";

  /**
   * A system-specific control action.
   *
   * @param name what {@code POST /_sandbox/<name>} calls it
   * @param help the name with its parameters, for the help text
   * @param run what it does with the request's parameters; its answer
   */
  record Action(String name, String help, Function<Map<String, String>, Object> run) {}

  final SandboxSystem system;
  private final int internalPort;
  private final FaultInjector faults;
  private final Consumer<Duration> clock;
  private final Runnable closer;
  private final Map<String, String> paths = new LinkedHashMap<>();
  private final Map<String, String> credentials = new LinkedHashMap<>();
  private Supplier<String> seeder = () -> NOTHING_SEEDED;
  private Function<URI, @Nullable String> webhooks = url -> null;
  private final List<Action> actions = new ArrayList<>();

  private Simulated(SandboxSystem system, int internalPort, FaultInjector faults, Consumer<Duration> clock,
      Runnable closer) {
    this.system = system;
    this.internalPort = internalPort;
    this.faults = faults;
    this.clock = clock;
    this.closer = closer;
  }

  static Simulated start(SandboxSystem system) {
    return switch (system) {
      case STRIPE -> stripe();
      case CHARGEBEE -> chargebee();
      case SYSPRO -> syspro();
      case SAP_B1 -> sapB1();
      case ACUMATICA -> acumatica();
      case SFTP -> sftp();
    };
  }

  private static Simulated stripe() {
    StripeSimulator sim = StripeSimulator.builder().threads(8).build();
    return new Simulated(SandboxSystem.STRIPE, URI.create(sim.baseUrl()).getPort(), sim.faults(), sim::advanceClock,
        sim::close)
        .paths("api base", "", "test control (Stripe's own, /_sim/)", "/_sim/")
        .credentials("api key", sim.apiKey(), "api version", sim.apiVersion())
        .webhooks(url -> {
          sim.webhooks().addEndpoint(url, STRIPE_WEBHOOK_SECRET, Set.of("*"));
          return url + " (every event, Stripe-Signature with secret " + STRIPE_WEBHOOK_SECRET + ")";
        });
  }

  private static Simulated chargebee() {
    ChargebeeSimulator sim = ChargebeeSimulator.builder().threads(8).build();
    return new Simulated(SandboxSystem.CHARGEBEE, sim.port(), sim.faults(), sim::advanceClock, sim::close)
        .paths("api base", "/api/v2")
        .credentials("site", sim.site(), "api key (Basic auth user, empty password)", sim.apiKey())
        .webhooks(url -> {
          sim.webhooks().addEndpoint(url, "sandbox", PASSWORD);
          return url + " (every event, Basic auth sandbox / " + PASSWORD + ")";
        })
        .action("pay", "pay (invoice, amount)",
            p -> Map.of("transaction", sim.pay(required(p, "invoice"), optionalLong(p, "amount"))))
        .action("fail_payment", "fail_payment (invoice)",
            p -> Map.of("transaction", sim.failPayment(required(p, "invoice"))))
        .action("refund", "refund (invoice, amount)",
            p -> Map.of("refund", sim.refund(required(p, "invoice"), optionalLong(p, "amount"))));
  }

  private static Simulated syspro() {
    String operator = "ADMIN";
    SysproSimulator sim = SysproSimulator.builder()
        .operator(Operator.of(operator, PASSWORD).withODataPassword(PASSWORD).withConcurrentUsers(10))
        .licenceSeats(10)
        .clock(Clock.systemUTC())
        .threads(8)
        .start();
    return new Simulated(SandboxSystem.SYSPRO, sim.restBaseUri().getPort(), sim.faults(), sim::advanceClock,
        sim::close)
        .paths("e.net REST", sim.restBaseUri().getPath(), "OData", sim.odataServiceUri().getPath())
        .credentials("operator", operator, "operator password", PASSWORD,
            "OData password (Basic auth as the operator)", PASSWORD, "company", sim.companyId(),
            "company password", "(empty)")
        .seed(() -> {
          sim.seedDemoData();
          return sim.customers().size() + " customers and their AR invoices";
        });
  }

  private static Simulated sapB1() {
    String user = "manager";
    SapB1Simulator sim =
        SapB1Simulator.builder().user(user, PASSWORD).exchangeRate("EUR", 1.08).clock(Clock.systemUTC()).threads(8)
            .start();
    return new Simulated(SandboxSystem.SAP_B1, sim.baseUri().getPort(), sim.faults(), sim::advance, sim::close)
        .paths("Service Layer v1", "/b1s/v1/", "Service Layer v2", "/b1s/v2/")
        .credentials("CompanyDB", sim.companyDb(), "UserName", user, "Password", PASSWORD)
        .seed(() -> {
          List<String> added = new ArrayList<>();
          String[][] customers = {{"C20000", "Maxi-Teq", "USD"}, {"C30000", "Mashina Corporation", "EUR"}};
          for (String[] c : customers) {
            sim.addCustomer(c[0], c[1], c[2]);
            added.add(c[0]);
          }
          long first = sim.addInvoice("C20000", "A00001", 2, 150.0);
          long second = sim.addInvoice("C30000", "A00002", 1, 420.5);
          return "business partners " + added + ", A/R invoices DocEntry " + first + " and " + second;
        })
        .action("expire_sessions", "expire_sessions", p -> {
          sim.expireSessions();
          return Map.of("expired", true);
        });
  }

  private static Simulated acumatica() {
    String user = "admin";
    String client = "sandbox-client";
    AcumaticaSimulator sim = AcumaticaSimulator.builder().user(user, PASSWORD).oauthClient(client, PASSWORD)
        .threads(8).start();
    String instance = sim.instanceUri().getPath();
    return new Simulated(SandboxSystem.ACUMATICA, sim.instanceUri().getPort(), sim.faults(), sim::advance,
        sim::close)
        .paths("instance", instance, "contract REST", instance + "entity/Default/24.200.001/")
        .credentials("tenant", sim.tenant(),
            "user / password (cookie login or OAuth password grant)", user + " / " + PASSWORD,
            "OAuth client id / secret", client + "@" + sim.tenant() + " / " + PASSWORD)
        .seed(() -> {
          sim.addAccount("10200", "Cash in bank", "Asset");
          sim.addAccount("40000", "Sales", "Income");
          sim.addCustomer("ABCSTUDIOS", "ABC Studios", "USD", "ap@abcstudios.example");
          sim.addCustomer("GOODFOOD", "Good Food One", "EUR", "billing@goodfood.example");
          String first = sim.addReleasedInvoice("ABCSTUDIOS", "Consulting, March", new BigDecimal("1250.00"));
          String second = sim.addReleasedInvoice("GOODFOOD", "Licences", new BigDecimal("480.00"));
          return "accounts 10200 and 40000, customers ABCSTUDIOS and GOODFOOD, released invoices " + first + " and "
              + second;
        })
        .webhooks(url -> {
          for (String entity : List.of("Customer", "SalesInvoice", "Payment")) {
            sim.subscribe(url.toString(), "X-Sandbox-Source", "acumatica", entity, entity);
          }
          return url + " (push notifications of Customer, SalesInvoice, Payment; header X-Sandbox-Source: acumatica)";
        })
        .action("expire_tokens", "expire_tokens", p -> {
          sim.expireAccessTokens();
          return Map.of("expired", true);
        });
  }

  private static Simulated sftp() {
    String user = "stampli";
    SftpServer server = SftpServer.builder().user(user, PASSWORD).start();
    Consumer<Duration> noClock = by -> {
      throw new IllegalArgumentException("the SFTP server has no simulated clock");
    };
    return new Simulated(SandboxSystem.SFTP, server.port(), server.faults(), noClock, server::close)
        .paths("folders", "/outbound (exports), /inbound (imports), /archive")
        .credentials("user / password", user + " / " + PASSWORD, "host key fingerprint", server.hostKeyFingerprint())
        .seed(() -> {
          String path = "/outbound/invoices-sandbox-0001.csv";
          List<ExportInvoice> invoices = new ArrayList<>();
          StampliExport.randomInvoices(7, 5).forEach(invoices::add);
          server.put(path, StampliExport.csv().invoices(invoices));
          return "a Stampli invoice export of " + invoices.size() + " approved invoices at " + path;
        })
        .action("drop_connections", "drop_connections", p -> {
          server.dropConnections();
          return Map.of("dropped", true);
        })
        .action("list", "list (dir)", p -> Map.of("files", server.list(required(p, "dir"))));
  }

  private Simulated paths(String... nameValue) {
    put(paths, nameValue);
    return this;
  }

  private Simulated credentials(String... nameValue) {
    put(credentials, nameValue);
    return this;
  }

  private static void put(Map<String, String> into, String... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) {
      into.put(nameValue[i], nameValue[i + 1]);
    }
  }

  private Simulated seed(Supplier<String> how) {
    this.seeder = how;
    return this;
  }

  private Simulated webhooks(Function<URI, @Nullable String> how) {
    this.webhooks = how;
    return this;
  }

  private Simulated action(String name, String help, Function<Map<String, String>, Object> run) {
    actions.add(new Action(name, help, run));
    return this;
  }

  /** The simulator's own loopback port (the front forwards to it). */
  int internalPort() {
    return internalPort;
  }

  /** Where clients point, relative to the front's base URL ({@code ""} for the root). */
  Map<String, String> paths() {
    return paths;
  }

  /** The credentials clients use, by name, in print order. */
  Map<String, String> credentials() {
    return credentials;
  }

  FaultInjector faults() {
    return faults;
  }

  void advanceClock(Duration by) {
    clock.accept(by);
  }

  /** Adds demo records; returns what was added, for the operator to read. */
  String seed() {
    return seeder.get();
  }

  /** Sends this system's webhooks (if it has any) to {@code url}; returns what was registered, or null. */
  @Nullable String webhooks(URI url) {
    return webhooks.apply(url);
  }

  /** A system-specific control action, or null if the action is unknown here. */
  @Nullable Object action(String name, Map<String, String> params) {
    for (Action a : actions) {
      if (a.name().equals(name)) {
        return a.run().apply(params);
      }
    }
    return null;
  }

  /** The names of {@link #action} calls, for the help text. */
  List<String> actions() {
    return actions.stream().map(Action::help).toList();
  }

  @Override
  public void close() {
    closer.run();
  }

  static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  static @Nullable Long optionalLong(Map<String, String> params, String name) {
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
}
