package io.mlconnector.testkit.sapb1;

import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.sapb1.internal.Answer;
import io.mlconnector.testkit.sapb1.internal.B1Server;
import io.mlconnector.testkit.sapb1.internal.Call;
import io.mlconnector.testkit.sapb1.internal.Company;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.sapb1.internal.ServiceLayer;
import io.mlconnector.testkit.sapb1.internal.Sessions;
import io.mlconnector.testkit.sapb1.internal.SimConfig;
import io.mlconnector.testkit.sapb1.internal.WriteException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A SAP Business One Service Layer on a loopback port: one in-memory company served at {@code
 * /b1s/v1} (OData V3) and {@code /b1s/v2} (OData V4), with {@code /ping/}, built from the
 * product's SAP B1 reference and the published {@code $metadata}, independently of any client.
 *
 * <pre>{@code
 * try (SapB1Simulator sim = SapB1Simulator.builder().user("manager", "secret").start()) {
 *   sim.addCustomer("C20000", "Acme", "USD");
 *   long docEntry = sim.addInvoice("C20000", "A00001", 2, 50.0);
 *   // point a client at sim.serviceRoot(false) with CompanyDB sim.companyDb(); then assert:
 *   assertThat(sim.invoice(docEntry).get("PaidToDate")).isEqualTo(100.0); // after the client paid it
 *   assertThat(sim.liveSessions()).isZero();
 * }
 * }</pre>
 *
 * <p>It reproduces: Login with {@code B1SESSION}/{@code ROUTEID} cookies in the real header forms,
 * idle sessions that expire on the injectable clock, seat caps, Logout; case-sensitive paths (a
 * wrong-case path without a session answers 401/301 like {@code /login}); both error shapes;
 * paging with {@code B1S-PageSize} or {@code Prefer: odata.maxpagesize}, relative next links that
 * keep the query, {@code $inlinecount}/{@code $count} and {@code /$count}; filters with SAP's date
 * and time rules; enums by name; nulls present; {@code U_} fields; UpdateDate/UpdateTime and
 * DataVersion; ETags (SHA-1 of DataVersion) with {@code If-Match}/412; PATCH merge or replace of
 * collections; documents with totals, VAT and foreign currency; incoming payments applied to
 * invoices with their validations; cancellations; {@code $batch} with atomic change sets; the
 * shared {@link FaultInjector} (a SERVER_ERROR is an HTML 502 from the proxy, or an empty 500);
 * and latency that grows past a configured concurrent capacity. Every behaviour the reference marks
 * unconfirmed is a builder switch. Thread-safe.
 *
 * <p>The data methods throw {@link IllegalArgumentException} when the company refuses the write
 * (the message carries the Service Layer's error code and text).
 */
public final class SapB1Simulator implements AutoCloseable {
  private final SimConfig config;
  private final SimClock clock;
  private final Company company;
  private final Sessions sessions;
  private final ServiceLayer service;
  private final FaultInjector faults;
  private final B1Server server;
  private final boolean empty500;
  private final List<String[]> seedCurrencies;

  private SapB1Simulator(Builder b) {
    this.config = b.config.copy();
    this.clock = new SimClock(b.clock);
    this.company = new Company(config, clock);
    this.sessions = new Sessions(config, clock, b.seed);
    this.service = new ServiceLayer(config, company, sessions);
    this.faults = b.faults;
    this.empty500 = b.empty500;
    this.server = new B1Server(config, faults, this::handle, this::faultAnswer, b.tls);
    service.baseUri(server.baseUri().toString());
    this.seedCurrencies = List.copyOf(b.currencies.values());
    seedCurrencies();
  }

  /**
   * A builder with the defaults documented on each method.
   *
   * @return the builder; add a {@link Builder#user user} for clients to log in with
   */
  public static Builder builder() {
    return new Builder();
  }

  private Answer handle(SimRequest request) {
    String path = request.path();
    if (path.equals("/ping/") || path.equals("/ping") || path.equals("/ping/load-balancer")
        || path.startsWith("/ping/node/")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("message", "pong");
      body.put("sender", path.startsWith("/ping/node/") ? "node " + path.substring(11) : "load balancer");
      body.put("timestamp", (double) clock.instant().getEpochSecond());
      return Answer.of(200, "application/json", Answer.toJson(body).getBytes(StandardCharsets.UTF_8));
    }
    boolean v1 = path.startsWith("/b1s/v1/") || path.equals("/b1s/v1");
    boolean v2 = path.startsWith("/b1s/v2/") || path.equals("/b1s/v2");
    if (!v1 && !v2) {
      return Answer.of(404, "text/html", "<html><body><h1>Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8));
    }
    String resource = path.length() > 8 ? path.substring(8) : "";
    return service.handle(Call.of(request, v2, resource));
  }

  private Answer faultAnswer(Fault fault) {
    if (empty500) {
      return Answer.empty(500);
    }
    return Answer.of(502, "text/html; charset=iso-8859-1",
        ("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head><title>502 Proxy Error</title></head>"
            + "<body><h1>Proxy Error</h1><p>Error reading from remote server</p></body></html>")
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  // ------------------------------------------------------------------ addresses

  /**
   * Where the simulator listens.
   *
   * @return {@code http://127.0.0.1:port} (or https with {@link Builder#tls})
   */
  public URI baseUri() {
    return server.baseUri();
  }

  /**
   * The service root of one protocol version.
   *
   * @param v2 true for {@code /b1s/v2/} (OData V4), false for {@code /b1s/v1/} (OData V3)
   * @return the root, with a trailing slash
   */
  public URI serviceRoot(boolean v2) {
    return URI.create(service.root(v2));
  }

  /**
   * The CompanyDB to log in to.
   *
   * @return the builder's CompanyDB, {@code SBODEMOUS} by default
   */
  public String companyDb() {
    return config.companyDb;
  }

  /**
   * The fault injector applied to every request.
   *
   * @return the injector given to the builder, else this simulator's own
   */
  public FaultInjector faults() {
    return faults;
  }

  // ------------------------------------------------------------------ clock and sessions

  /**
   * Moves the simulator's clock forward (sessions idle, UpdateTime moves).
   *
   * @param d how far
   */
  public void advance(Duration d) {
    clock.advance(Objects.requireNonNull(d, "d"));
  }

  /**
   * Sets the simulator's clock.
   *
   * @param instant the time the clock reads now; it may lie in the past
   */
  public void setTime(Instant instant) {
    clock.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * The simulator's clock.
   *
   * @return the base clock plus every move
   */
  public Clock clock() {
    return clock;
  }

  /** Ends every session now, as an idle timeout or a server restart would. */
  public void expireSessions() {
    sessions.expireAll();
  }

  /**
   * The next {@code n} calls with a session are answered 401/301 and their session is ended.
   *
   * @param n how many calls
   */
  public void failNextWithSessionTimeout(int n) {
    service.failNextWithSessionTimeout(n);
  }

  /**
   * Sessions alive now (licence seats held).
   *
   * @return the count now; zero after a well-behaved client logs out
   */
  public int liveSessions() {
    return sessions.live();
  }

  /**
   * Successful logins so far.
   *
   * @return the count since start
   */
  public long logins() {
    return sessions.logins();
  }

  /**
   * Logouts so far.
   *
   * @return the count since start
   */
  public long logouts() {
    return sessions.logouts();
  }

  /**
   * Requests received so far, faulted ones included.
   *
   * @return the count since start
   */
  public long requestCount() {
    return server.requestCount();
  }

  /**
   * The most requests that were in flight at once.
   *
   * @return the peak since start
   */
  public int peakConcurrency() {
    return server.peakConcurrency();
  }

  // ------------------------------------------------------------------ data

  /**
   * Adds a customer business partner.
   *
   * @param cardCode the {@code CardCode}
   * @param cardName the {@code CardName}
   * @param currency the BP currency code, for example {@code USD}
   * @return the business partner as stored, with the defaults the company filled in
   */
  public Map<String, Object> addCustomer(String cardCode, String cardName, String currency) {
    Map<String, Object> bp = new LinkedHashMap<>();
    bp.put("CardCode", cardCode);
    bp.put("CardName", cardName);
    bp.put("CardType", "cCustomer");
    bp.put("Currency", currency);
    return addBusinessPartner(bp);
  }

  /**
   * Adds a business partner from Service Layer JSON property names.
   *
   * @param properties values by property name, as a {@code POST BusinessPartners} body has them
   * @return the business partner as stored
   */
  public Map<String, Object> addBusinessPartner(Map<String, Object> properties) {
    return write(() -> company.create("BusinessPartners", new LinkedHashMap<>(properties)));
  }

  /**
   * Adds a one-line A/R invoice in the business partner's currency.
   *
   * @param cardCode an existing customer's {@code CardCode}
   * @param itemCode the line's {@code ItemCode}
   * @param quantity the line's quantity
   * @param price the unit price before VAT
   * @return the invoice's {@code DocEntry}
   */
  public long addInvoice(String cardCode, String itemCode, double quantity, double price) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ItemCode", itemCode);
    line.put("Quantity", quantity);
    line.put("Price", price);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("CardCode", cardCode);
    doc.put("DocumentLines", List.of(line));
    return ((Number) addInvoice(doc).get("DocEntry")).longValue();
  }

  /**
   * Adds an A/R invoice from Service Layer JSON property names.
   *
   * @param properties values by property name, as a {@code POST Invoices} body has them (lines
   *     under {@code DocumentLines})
   * @return the invoice as stored, with its totals
   */
  public Map<String, Object> addInvoice(Map<String, Object> properties) {
    return write(() -> company.create("Invoices", deepCopy(properties)));
  }

  /**
   * Adds a currency whose code is its ISO code ({@code DocumentsCode} and {@code
   * InternationalDescription} both {@code code}).
   *
   * @param code the ISO currency code
   * @param name the currency's name
   */
  public void addCurrency(String code, String name) {
    addCurrency(code, name, code, code);
  }

  /**
   * Adds a currency as an administrator defines it in B1: {@code ("US$", "US Dollar", "$", "USD")};
   * two decimals, no rounding. A currency of that code is replaced.
   *
   * @param code the currency's {@code Code}
   * @param name its {@code Name} (also the English name)
   * @param documentsCode {@code DocumentsCode}, or null
   * @param internationalDescription {@code InternationalDescription} (the ISO code where the company
   *     records one), or null
   */
  public void addCurrency(
      String code,
      String name,
      @Nullable String documentsCode,
      @Nullable String internationalDescription) {
    Objects.requireNonNull(code, "code");
    synchronized (company.lock()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("Code", code);
      c.put("Name", name);
      c.put("DocumentsCode", documentsCode);
      c.put("InternationalDescription", internationalDescription);
      c.put("EnglishName", name);
      c.put("Decimals", "cdDefault");
      c.put("Rounding", "rsNoRounding");
      c.put("RoundingInPayment", "tNO");
      c.put("MaxIncomingAmtDiff", 0.0);
      c.put("MaxOutgoingAmtDiff", 0.0);
      c.put("MaxIncomingAmtDiffPercent", 0.0);
      c.put("MaxOutgoingAmtDiffPercent", 0.0);
      company.seed("Currencies", c);
    }
  }

  private void seedCurrencies() {
    for (String[] c : seedCurrencies) {
      addCurrency(c[0], c[1], c[2], c[3]);
    }
  }

  /**
   * Changes a business partner as a user in the SAP client would (UpdateDate/Time, DataVersion
   * move).
   *
   * @param cardCode the business partner's {@code CardCode}
   * @param changes the properties to set, merged into the record
   */
  public void updateBusinessPartner(String cardCode, Map<String, Object> changes) {
    write(() -> {
      company.patch("BusinessPartners", cardCode, new LinkedHashMap<>(changes), false);
      return null;
    });
  }

  /**
   * Runs a bound action as a user would: {@code ("Invoices", 12, "Cancel")}.
   *
   * @param entitySet the entity set, for example {@code Invoices}
   * @param docEntry the document's {@code DocEntry}
   * @param action the action's name, for example {@code Cancel} or {@code Close}
   */
  public void action(String entitySet, long docEntry, String action) {
    write(() -> {
      company.action(entitySet, docEntry, action);
      return null;
    });
  }

  /**
   * A copy of a business partner.
   *
   * @param cardCode its {@code CardCode}
   * @return its properties by Service Layer name, or null when there is none
   */
  public @Nullable Map<String, Object> businessPartner(String cardCode) {
    return company.snapshot("BusinessPartners", cardCode);
  }

  /**
   * A copy of an A/R invoice.
   *
   * @param docEntry its {@code DocEntry}
   * @return its properties with lines, or null when there is none
   */
  public @Nullable Map<String, Object> invoice(long docEntry) {
    return company.snapshot("Invoices", docEntry);
  }

  /**
   * A copy of an incoming payment.
   *
   * @param docEntry its {@code DocEntry}
   * @return its properties with invoice applications, or null when there is none
   */
  public @Nullable Map<String, Object> incomingPayment(long docEntry) {
    return company.snapshot("IncomingPayments", docEntry);
  }

  /**
   * Copies of every entity of a set, in key order.
   *
   * @param entitySet the entity set: {@code IncomingPayments}, {@code CreditNotes}, ...
   * @return the entities' properties; empty when there are none
   */
  public List<Map<String, Object>> all(String entitySet) {
    synchronized (company.lock()) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> e : company.all(entitySet)) {
        out.add(deepCopy(e));
      }
      return out;
    }
  }

  /** Removes every record and resets the number series (currencies are added again). */
  public void reset() {
    company.reset();
    seedCurrencies();
  }

  private static <T> T write(java.util.function.Supplier<T> w) {
    try {
      return w.get();
    } catch (WriteException e) {
      throw new IllegalArgumentException("SAP B1 refused: " + e.code() + " " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (v instanceof List) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) v) {
          l.add(o instanceof Map ? deepCopy((Map<String, Object>) o) : o);
        }
        out.put(k, l);
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Stops the server; requests in flight are cut. */
  @Override
  public void close() {
    server.close();
  }

  /** Builds a {@link SapB1Simulator}. */
  public static final class Builder {
    private final SimConfig config = new SimConfig();
    private Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private FaultInjector faults = new FaultInjector();
    private @Nullable SSLContext tls;
    private boolean empty500;
    private long seed = 1;
    private final Map<String, String[]> currencies = new LinkedHashMap<>(Map.of(
        "USD", new String[] {"USD", "US Dollar", "USD", "USD"}, "EUR", new String[] {"EUR", "Euro", "EUR", "EUR"},
        "GBP", new String[] {"GBP", "British Pound", "GBP", "GBP"}));

    private Builder() {}

    /**
     * The CompanyDB clients log in to.
     *
     * @param companyDb the name; default {@code SBODEMOUS}
     * @return this builder
     */
    public Builder companyDb(String companyDb) {
      config.companyDb = Objects.requireNonNull(companyDb, "companyDb");
      return this;
    }

    /**
     * Adds a user who may log in. At least one is needed to log in at all.
     *
     * @param userName the {@code UserName}
     * @param password the password; replaces one set before for this user
     * @return this builder
     */
    public Builder user(String userName, String password) {
      config.users.put(Objects.requireNonNull(userName, "userName"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /**
     * The {@code Version} Login returns.
     *
     * @param version the version text; default {@code 1000280}
     * @return this builder
     */
    public Builder version(String version) {
      config.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * {@code SessionTimeout}, the idle timeout.
     *
     * @param minutes positive; default 30
     * @return this builder
     */
    public Builder sessionTimeoutMinutes(int minutes) {
      if (minutes < 1) {
        throw new IllegalArgumentException("minutes must be positive, was " + minutes);
      }
      config.sessionTimeoutMinutes = minutes;
      return this;
    }

    /**
     * Licence seats: concurrent sessions per user.
     *
     * @param seats the cap; 0 (the default) for none
     * @return this builder
     */
    public Builder maxSessionsPerUser(int seats) {
      config.maxSessionsPerUser = seats;
      return this;
    }

    /**
     * How a login past the seat cap is answered. Unconfirmed: the product's SAP B1 reference has no
     * source for the status, code or text, so this is a switch; the default is a guess, 401 with code
     * {@code 100000048} and "No free license seat for this user", in the URL version's error shape.
     *
     * @param status the HTTP status
     * @param code the Service Layer error code
     * @param message the error text
     * @return this builder
     */
    public Builder seatsExhausted(int status, String code, String message) {
      config.seatsExhaustedStatus = status;
      config.seatsExhaustedCode = Objects.requireNonNull(code, "code");
      config.seatsExhaustedMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * The {@code ROUTEID} cookie value.
     *
     * @param routeId the value, default {@code .node1}; null sends no ROUTEID, as a single node does
     * @return this builder
     */
    public Builder routeId(@Nullable String routeId) {
      config.routeId = routeId;
      return this;
    }

    /**
     * The status of a failed login (unconfirmed).
     *
     * @param status the HTTP status; default 401
     * @return this builder
     */
    public Builder loginFailedStatus(int status) {
      config.loginFailedStatus = status;
      return this;
    }

    /**
     * The server page size, when a request asks for none.
     *
     * @param pageSize entities per page; default 20, as the Service Layer's {@code PageSize}
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      config.defaultPageSize = pageSize;
      return this;
    }

    /**
     * The date format of v1 answers (unconfirmed).
     *
     * @param pattern a {@link java.time.format.DateTimeFormatter} pattern; default {@code
     *     yyyy-MM-dd}
     * @return this builder
     */
    public Builder v1DatePattern(String pattern) {
      config.v1DatePattern = Objects.requireNonNull(pattern, "pattern");
      return this;
    }

    /**
     * The date format of v2 answers.
     *
     * @param pattern a {@link java.time.format.DateTimeFormatter} pattern; default {@code
     *     yyyy-MM-dd'T'00:00:00'Z'}, as recorded
     * @return this builder
     */
    public Builder v2DatePattern(String pattern) {
      config.v2DatePattern = Objects.requireNonNull(pattern, "pattern");
      return this;
    }

    /**
     * Whether v1 sends {@code odata.count} as a string (it "may arrive as a string").
     *
     * @param asString true for a string; default false (a number)
     * @return this builder
     */
    public Builder v1CountAsString(boolean asString) {
      config.v1CountAsString = asString;
      return this;
    }

    /**
     * Whether v1 bodies carry {@code odata.etag} (not observed, unconfirmed).
     *
     * @param etagInBody true to add it; default false
     * @return this builder
     */
    public Builder v1EtagInBody(boolean etagInBody) {
      config.v1EtagInBody = etagInBody;
      return this;
    }

    /**
     * Whether every property of the type is sent, null ones as null.
     *
     * @param nullsPresent true (the default) to send them, false to leave null properties out
     * @return this builder
     */
    public Builder nullsPresent(boolean nullsPresent) {
      config.nullsPresent = nullsPresent;
      return this;
    }

    /**
     * Whether applying a payment counts as an update of the invoice (UpdateDate/UpdateTime and
     * DataVersion move; unconfirmed, default true).
     *
     * @param touches whether the invoice counts as updated
     * @return this builder
     */
    public Builder paymentTouchesInvoice(boolean touches) {
      config.paymentTouchesInvoice = touches;
      return this;
    }

    /**
     * Whether v2 change-set parts need a Content-ID (error 244 otherwise).
     *
     * @param required true (the default) to require it
     * @return this builder
     */
    public Builder v2RequiresContentId(boolean required) {
      config.v2RequiresContentId = required;
      return this;
    }

    /**
     * The company's local currency; added as a currency coded by its ISO code unless defined.
     *
     * @param code the ISO code; default {@code USD}
     * @return this builder
     */
    public Builder localCurrency(String code) {
      config.localCurrency = Objects.requireNonNull(code, "code");
      currencies.putIfAbsent(code, new String[] {code, code, code, code});
      return this;
    }

    /**
     * A currency of the company besides the default USD, EUR and GBP (each coded by its ISO code),
     * as {@link SapB1Simulator#addCurrency(String, String, String, String)} adds it, for example
     * {@code ("US$", "US Dollar", "$", "USD")}; one of a default's code replaces that default. The
     * local currency and every currency given an exchange rate are added too (coded by their ISO
     * code) unless defined here.
     *
     * @param code the currency's {@code Code}
     * @param name its {@code Name}
     * @param documentsCode {@code DocumentsCode}, or null
     * @param internationalDescription {@code InternationalDescription}, or null
     * @return this builder
     */
    public Builder currency(
        String code,
        String name,
        @Nullable String documentsCode,
        @Nullable String internationalDescription) {
      currencies.put(Objects.requireNonNull(code, "code"),
          new String[] {code, name, documentsCode, internationalDescription});
      return this;
    }

    /**
     * The exchange rate of a foreign currency to the local one (local = foreign x rate); the
     * currency is added, coded by its ISO code, unless defined.
     *
     * @param currency the foreign currency's code
     * @param rate local units per foreign unit
     * @return this builder
     */
    public Builder exchangeRate(String currency, double rate) {
      currencies.putIfAbsent(Objects.requireNonNull(currency, "currency"),
          new String[] {currency, currency, currency, currency});
      config.rates.put(Objects.requireNonNull(currency, "currency"), rate);
      return this;
    }

    /**
     * A VAT group ({@code VatGroup} or {@code TaxCode} of a line) and its rate.
     *
     * @param vatGroup the group's code
     * @param percent the rate in percent, for example {@code 19.0}
     * @return this builder
     */
    public Builder vatRate(String vatGroup, double percent) {
      config.vatRates.put(Objects.requireNonNull(vatGroup, "vatGroup"), percent);
      return this;
    }

    /**
     * The company's time zone for UpdateDate/UpdateTime.
     *
     * @param zone the zone; default UTC
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      config.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The base clock; tests move it with {@link SapB1Simulator#advance}.
     *
     * @param clock the clock; default fixed at 2026-03-02T09:00:00Z
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The fault injector; share one across simulators to script both.
     *
     * @param faults the injector; default a new one
     * @return this builder
     */
    public Builder faults(FaultInjector faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Serve HTTPS with this context (a self-signed certificate, as a default install has).
     *
     * @param context the server's TLS context; default none (plain HTTP)
     * @return this builder
     */
    public Builder tls(SSLContext context) {
      this.tls = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Whether an injected SERVER_ERROR is an empty 500 or the proxy's HTML 502.
     *
     * @param empty500 true for the empty 500; default false (the 502)
     * @return this builder
     */
    public Builder serverErrorEmpty500(boolean empty500) {
      this.empty500 = empty500;
      return this;
    }

    /**
     * The load model: up to {@code capacity} requests in flight are served without added delay;
     * each request beyond adds {@code perExcess} to every request's latency. 0 (default) is no
     * model.
     *
     * @param capacity requests served without added delay; 0 for no model
     * @param perExcess the latency added to every request per request beyond the capacity
     * @return this builder
     */
    public Builder capacity(int capacity, Duration perExcess) {
      config.capacity = capacity;
      config.latencyPerExcess = Objects.requireNonNull(perExcess, "perExcess");
      return this;
    }

    /**
     * Worker threads, i.e. requests served at once.
     *
     * @param threads the count; default 64
     * @return this builder
     */
    public Builder threads(int threads) {
      config.threads = threads;
      return this;
    }

    /**
     * Seed of session GUIDs, so a run can be replayed.
     *
     * @param seed the seed; default 1
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @return the running simulator; close it to stop it
     */
    public SapB1Simulator start() {
      return new SapB1Simulator(this);
    }
  }
}
