package io.mlconnector.testkit.syspro;

import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimServer;
import io.mlconnector.testkit.syspro.internal.BusinessObjects;
import io.mlconnector.testkit.syspro.internal.CallGate;
import io.mlconnector.testkit.syspro.internal.Company;
import io.mlconnector.testkit.syspro.internal.Config;
import io.mlconnector.testkit.syspro.internal.Front;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.syspro.internal.OData;
import io.mlconnector.testkit.syspro.internal.ReadBack;
import io.mlconnector.testkit.syspro.internal.Rest;
import io.mlconnector.testkit.syspro.internal.Seeding;
import io.mlconnector.testkit.syspro.internal.Sessions;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A SYSPRO 8 company on a loopback port, speaking e.net Solutions REST ({@code
 * .../SYSPROWCFService/Rest/...}) and OData v4 over one in-memory store, with the shared {@link
 * FaultInjector}. Built from the product's SYSPRO reference, independently of any client.
 *
 * <pre>{@code
 * try (SysproSimulator sim = SysproSimulator.builder().operator(Operator.of("ADMIN", "pw")).start()) {
 *   sim.addCustomer(Customer.of("C001", "Café Zürich"));
 *   sim.addArInvoice(ArInvoice.of("C001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00")));
 *   // point a client at sim.restBaseUri() / sim.odataServiceUri(); then assert:
 *   assertThat(sim.invoiceBalance("C001", "100234")).isEqualByComparingTo("0");
 *   assertThat(sim.seatsInUse()).isZero();
 * }
 * }</pre>
 *
 * <p>Every behaviour the reference marks unconfirmed is a builder switch: the body form, session id
 * shape, second-logon policy, busy-session policy, e.net error texts, unknown-element handling per
 * business object, numeric key padding, parameter-name casing, the form-encoded PostLD variant,
 * OData entity set names, date type, timestamp exposure, row cap and nextLink paging. Thread-safe.
 */
public final class SysproSimulator implements AutoCloseable {
  private final Config config;
  private final SimClock clock;
  private final Company company;
  private final Sessions sessions;
  private final CallGate gate = new CallGate();
  private final FaultInjector faults;
  private final Front front;
  private final SimServer server;
  private final Seeding seeding;
  private final ReadBack readBack;

  private SysproSimulator(Builder b) {
    this.config = b.config.copy();
    this.clock = new SimClock(b.clock);
    this.company = new Company(config.companyId, config.companyName, config.localCurrency, clock);
    this.sessions = new Sessions(config, clock);
    this.faults = b.faults;
    Rest rest = new Rest(config, sessions, new BusinessObjects(company, config), company, gate);
    this.front = new Front(config, rest, new OData(config, company), this::serverBase);
    this.server = SimServer.start(front::handle, faults, e -> Front.internalError(), config.threads);
    this.seeding = new Seeding(company, config);
    this.readBack = new ReadBack(company);
  }

  private String serverBase() {
    return server.baseUri().toString();
  }

  /**
   * A new builder with the defaults documented on each method.
   *
   * @return the builder; add at least one {@link Builder#operator operator} before starting
   */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ addresses

  /**
   * The e.net REST base.
   *
   * @return for example {@code http://127.0.0.1:50123/SYSPROWCFService/Rest}, without a trailing
   *     slash
   */
  public URI restBaseUri() {
    return URI.create(server.baseUri() + config.restPath);
  }

  /**
   * The OData service prefix without the company, e.g. {@code
   * http://127.0.0.1:50123/SYSPRO8Odata/SYSPROOData}.
   *
   * @return the prefix, without a trailing slash
   */
  public URI odataBaseUri() {
    return URI.create(server.baseUri() + config.odataPath);
  }

  /**
   * The OData service root of the company.
   *
   * @return {@link #odataBaseUri()} plus {@code /{companyId}}
   */
  public URI odataServiceUri() {
    return URI.create(odataBaseUri() + "/" + config.companyId);
  }

  /**
   * The company id to log on with.
   *
   * @return the builder's company id, {@code EDU1} by default
   */
  public String companyId() {
    return config.companyId;
  }

  /**
   * The OData entity set name configured for a table.
   *
   * @param table the table
   * @return the name set with {@link Builder#odataEntitySet}, else the table's SQL name
   */
  public String entitySet(SysproTable table) {
    return config.entitySets.get(Objects.requireNonNull(table, "table"));
  }

  /**
   * The fault injector applied to every request (REST and OData).
   *
   * @return the injector given to the builder, else this simulator's own
   */
  public FaultInjector faults() {
    return faults;
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
   * e.net REST requests of {@code method} to {@code path} below the REST base (for example {@code
   * ("POST", "Transaction/PostLD")} or {@code ("GET", "Transaction/Post")}; matched
   * case-insensitively) that the service processed; a request an injected fault answered in its
   * place is not counted.
   *
   * @param method the HTTP method, any case
   * @param path the path below the REST base, with or without a leading slash
   * @return the count since start
   */
  public long restRequestCount(String method, String path) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return front.restRequestCount(method, relative);
  }

  // ------------------------------------------------------------------ clock and periods

  /**
   * The simulator's current time (it moves only when told to).
   *
   * @return the base clock's time plus every advance
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Moves the simulator clock forward (idle timeouts, "today" for defaulted dates). The financial
   * period does not follow the clock: set it with {@link #setCurrentPeriod}.
   *
   * @param duration how far, not negative
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advanceClock(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    clock.advance(duration);
  }

  /**
   * Sets the simulator clock (it may move backwards). The financial period does not follow the
   * clock: set it with {@link #setCurrentPeriod}.
   *
   * @param instant the time the clock reads now
   */
  public void setClock(Instant instant) {
    clock.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * The company's current financial period ({@code PostingPeriod=C}).
   *
   * @return the period; it starts as the month of the start time
   */
  public YearMonth currentPeriod() {
    synchronized (company) {
      return company.currentPeriod();
    }
  }

  /**
   * Sets the company's current financial period.
   *
   * @param period the period postings with {@code PostingPeriod=C} go to
   */
  public void setCurrentPeriod(YearMonth period) {
    synchronized (company) {
      company.currentPeriod(Objects.requireNonNull(period, "period"));
    }
  }

  /**
   * Closes a period: postings into it are rejected as item errors.
   *
   * @param period the period to close
   */
  public void closePeriod(YearMonth period) {
    synchronized (company) {
      company.close(Objects.requireNonNull(period, "period"));
    }
  }

  /**
   * Re-opens a closed period.
   *
   * @param period the period; nothing happens if it is open
   */
  public void openPeriod(YearMonth period) {
    synchronized (company) {
      company.open(Objects.requireNonNull(period, "period"));
    }
  }

  // ------------------------------------------------------------------ seeding

  /**
   * Adds (or replaces) a customer; its code is stored exactly as given.
   *
   * @param customer the customer; a blank currency takes the local currency
   */
  public void addCustomer(Customer customer) {
    seeding.addCustomer(customer);
  }

  /**
   * Adds (or replaces) an AR invoice and its lines.
   *
   * @param invoice the invoice, keyed by customer, invoice number and document type
   * @throws IllegalArgumentException when its customer does not exist
   */
  public void addArInvoice(ArInvoice invoice) {
    seeding.addArInvoice(invoice);
  }

  /**
   * Cancels an unpaid AR invoice the way this simulator models a SYSPRO cancellation: a credit note
   * row ({@code ArInvoice} with {@code DocumentType='C'}) under the same customer and invoice
   * number, for minus the invoice's value and tax, is posted against the invoice, whose open balance
   * ({@code InvoiceBal1}) drops to zero (the invoice row gets a new row version). How a real SYSPRO
   * site shows a cancelled or reversed AR invoice is unconfirmed; connector-syspro reads this shape
   * by default and can be configured otherwise.
   *
   * @param customer the customer code
   * @param invoice the invoice number
   * @return the credit note as stored
   * @throws IllegalArgumentException when there is no such invoice (document type {@code I})
   * @throws IllegalStateException when the invoice has been paid in part or in full, or is already
   *     credited
   */
  public ArInvoice cancelArInvoice(String customer, String invoice) {
    return seeding.cancelArInvoice(customer, invoice);
  }

  /**
   * Adds (or replaces) a supplier.
   *
   * @param supplier the supplier; a blank currency takes the local currency
   */
  public void addSupplier(Supplier supplier) {
    seeding.addSupplier(supplier);
  }

  /**
   * Adds (or replaces) an AP invoice, as if posted earlier.
   *
   * @param invoice the invoice, keyed by supplier and invoice number
   * @throws IllegalArgumentException when its supplier does not exist
   */
  public void addApInvoice(ApInvoice invoice) {
    seeding.addApInvoice(invoice);
  }

  /**
   * Adds (or replaces) a GL account.
   *
   * @param account the account, keyed by its code
   */
  public void addGlAccount(GlAccount account) {
    seeding.addGlAccount(account);
  }

  /**
   * Seeds a small demo company: three customers (one on hold, names with characters that need
   * Windows-1252), five AR invoices with lines (one fully paid), two suppliers, one AP invoice and
   * six GL accounts. For samples and exploratory runs; tests should seed exactly what they assert.
   */
  public void seedDemoData() {
    seeding.seedDemoData();
  }

  // ------------------------------------------------------------------ read-back

  /**
   * A customer by its stored code.
   *
   * @param code the code exactly as stored (padded, if numeric keys are padded)
   * @return the customer, or empty when there is none
   */
  public Optional<Customer> customer(String code) {
    return readBack.customer(code);
  }

  /**
   * Every customer, in code order.
   *
   * @return a snapshot; empty when there are none
   */
  public List<Customer> customers() {
    return readBack.customers();
  }

  /**
   * An AR invoice (document type {@code I}) with its lines.
   *
   * @param customer the customer code as stored
   * @param invoice the invoice number
   * @return the invoice, or empty when there is none
   */
  public Optional<ArInvoice> arInvoice(String customer, String invoice) {
    return readBack.arInvoice(customer, invoice);
  }

  /**
   * The open balance ({@code InvoiceBal1}) of an AR invoice.
   *
   * @param customer the customer code as stored
   * @param invoice the invoice number
   * @return the balance in the invoice's currency; zero when paid
   * @throws IllegalArgumentException when there is no such invoice
   */
  public BigDecimal invoiceBalance(String customer, String invoice) {
    return readBack.invoiceBalance(customer, invoice);
  }

  /**
   * Every payment and adjustment ARSTPY posted, in posting order.
   *
   * @return a snapshot; empty when nothing was posted
   */
  public List<ArPayment> arPayments() {
    return readBack.arPayments();
  }

  /**
   * The payments and adjustments posted with this reference.
   *
   * @param reference the posting's reference, compared exactly
   * @return them in posting order; empty when none
   */
  public List<ArPayment> arPaymentsWithReference(String reference) {
    return readBack.arPaymentsWithReference(reference);
  }

  /**
   * A supplier by code.
   *
   * @param code the code exactly as stored
   * @return the supplier, or empty when there is none
   */
  public Optional<Supplier> supplier(String code) {
    return readBack.supplier(code);
  }

  /**
   * Every AP invoice, in (supplier, invoice) order.
   *
   * @return a snapshot, seeded and posted ones; empty when none
   */
  public List<ApInvoice> apInvoices() {
    return readBack.apInvoices();
  }

  /**
   * How many AP invoices exist.
   *
   * @return the count, seeded and posted ones
   */
  public int apInvoiceCount() {
    return readBack.apInvoiceCount();
  }

  /**
   * A GL account by code.
   *
   * @param code the ledger code
   * @return the account, or empty when there is none
   */
  public Optional<GlAccount> glAccount(String code) {
    return readBack.glAccount(code);
  }

  /**
   * Every GL journal GENTJL created, in (year, period, journal) order.
   *
   * @return a snapshot; empty when none
   */
  public List<GlJournal> glJournals() {
    return readBack.glJournals();
  }

  /**
   * Live e.net sessions (expired ones are dropped first).
   *
   * @return a snapshot; empty when no one is logged on
   */
  public List<SessionInfo> activeSessions() {
    return sessions.active();
  }

  /**
   * Licence seats in use: one per live session. Zero after a well-behaved client shuts down.
   *
   * @return the count now
   */
  public int seatsInUse() {
    return sessions.active().size();
  }

  /**
   * Sessions ended because their operator logged on again.
   *
   * @return the count since start
   */
  public long evictedSessionCount() {
    return sessions.evictedCount();
  }

  /**
   * Sessions ended by the idle timeout.
   *
   * @return the count since start
   */
  public long expiredSessionCount() {
    return sessions.expiredCount();
  }

  /**
   * Successful logons so far.
   *
   * @return the count since start
   */
  public long logonCount() {
    return sessions.logonCount();
  }

  // ------------------------------------------------------------------ overlap control for tests

  /**
   * From now on, business-object calls stop once they hold their session (so it is busy) until
   * {@link #resumeCalls()}. Lets a test make two calls overlap on one session without sleeping.
   */
  public void pauseCalls() {
    gate.pause();
  }

  /** Lets paused calls go on, and stops pausing new ones. */
  public void resumeCalls() {
    gate.resume();
  }

  /**
   * Waits until at least {@code count} calls are held by {@link #pauseCalls()}.
   *
   * @param count how many held calls to wait for
   * @param timeout how long to wait at most (real time)
   * @return false if the timeout passed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitPausedCalls(int count, Duration timeout) throws InterruptedException {
    return gate.awaitHeld(count, Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Calls waiting for their session to become free (under {@link BusyPolicy#SERIALISE}).
   *
   * @return the count now
   */
  public int callsWaitingForSession() {
    return sessions.waitingCalls();
  }

  /** Stops the server; requests in flight are cut and paused calls released. */
  @Override
  public void close() {
    gate.resume();
    server.close();
  }

  /** Builds and starts a {@link SysproSimulator}. Reusable: every {@link #start()} copies it. */
  public static final class Builder {
    private final Config config = new Config();
    private Clock clock =
        Clock.fixed(
            LocalDate.of(2024, 1, 15).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private FaultInjector faults = new FaultInjector();

    private Builder() {}

    /**
     * The company id for {@code CompanyId} and the OData URL segment.
     *
     * @param companyId not blank; default {@code EDU1}
     * @return this builder
     */
    public Builder companyId(String companyId) {
      config.companyId = Config.nonBlank(companyId, "companyId");
      return this;
    }

    /**
     * The company password ({@code CompanyPassword}).
     *
     * @param companyPassword the password; default empty
     * @return this builder
     */
    public Builder companyPassword(String companyPassword) {
      config.companyPassword = Objects.requireNonNull(companyPassword, "companyPassword");
      return this;
    }

    /**
     * The company name shown in profiles and statements.
     *
     * @param companyName the name; default {@code Outdoor Café Company}
     * @return this builder
     */
    public Builder companyName(String companyName) {
      config.companyName = Objects.requireNonNull(companyName, "companyName");
      return this;
    }

    /**
     * The local currency code.
     *
     * @param currency not blank; default {@code USD}
     * @return this builder
     */
    public Builder localCurrency(String currency) {
      config.localCurrency = Config.nonBlank(currency, "currency");
      return this;
    }

    /**
     * Adds an operator that may log on. At least one is required.
     *
     * @param operator the operator; replaces one with the same code
     * @return this builder
     */
    public Builder operator(Operator operator) {
      Objects.requireNonNull(operator, "operator");
      config.operators.put(operator.code(), operator);
      return this;
    }

    /**
     * Licence seats: live sessions allowed at once.
     *
     * @param seats at least 1; default 10
     * @return this builder
     */
    public Builder licenceSeats(int seats) {
      config.licenceSeats = Config.atLeast(seats, 1, "seats");
      return this;
    }

    /**
     * Idle time after which a session is invalid (SYSPRO's default is unconfirmed). Default 20
     * minutes.
     *
     * @param timeout positive, in simulator time
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      config.idleTimeout = timeout;
      return this;
    }

    /**
     * What a logon beyond the operator's concurrent users does. Default {@link
     * SecondLogonPolicy#EVICT_OLDEST}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder secondLogon(SecondLogonPolicy policy) {
      config.secondLogon = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * What an overlapping call on a busy session does. Default {@link BusyPolicy#SERIALISE}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder busyPolicy(BusyPolicy policy) {
      config.busyPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How answers are framed. Default {@link BodyForm#RAW}.
     *
     * @param form the framing
     * @return this builder
     */
    public Builder bodyForm(BodyForm form) {
      config.bodyForm = Objects.requireNonNull(form, "form");
      return this;
    }

    /**
     * The session id shape. Default {@link SessionIdStyle#SYSPRO_7}.
     *
     * @param style the shape
     * @return this builder
     */
    public Builder sessionIdStyle(SessionIdStyle style) {
      config.sessionIdStyle = Objects.requireNonNull(style, "style");
      return this;
    }

    /**
     * Seed of the session-id generator (ids are deterministic per seed).
     *
     * @param seed the seed; default 42
     * @return this builder
     */
    public Builder seed(long seed) {
      config.seed = seed;
      return this;
    }

    /**
     * Overrides the text of one e.net exception.
     *
     * @param message the exception
     * @param text a {@link String#format} pattern taking the arguments listed on {@code message}
     * @return this builder
     */
    public Builder message(SysproMessage message, String text) {
      config.messages.put(
          Objects.requireNonNull(message, "message"), Objects.requireNonNull(text, "text"));
      return this;
    }

    /**
     * Makes a business object (e.g. {@code "ARSSCS"}) silently ignore elements its schema does not
     * allow, as one integrator observed SYSPRO 8 do; by default they are an e.net exception.
     *
     * @param businessObject the business object's name, any case, not blank
     * @return this builder
     */
    public Builder ignoreUnknownElements(String businessObject) {
      config.ignoreUnknownElements.add(
          Config.nonBlank(businessObject, "businessObject").toUpperCase(Locale.ROOT));
      return this;
    }

    /**
     * Numeric customer and supplier keys: codes must be digits and, when {@code pad} is true, are
     * left-zero-padded to {@code width} (whether SYSPRO pads input itself is unconfirmed). Default:
     * alphanumeric keys of up to 15 characters, stored as typed.
     *
     * @param width the key length, 1 to 15
     * @param pad whether shorter codes are left-zero-padded to {@code width}
     * @return this builder
     */
    public Builder numericKeys(int width, boolean pad) {
      if (width < 1 || width > 15) {
        throw new IllegalArgumentException("width must be 1 to 15, was " + width);
      }
      config.numericCustomerKeys = true;
      config.numericKeyWidth = width;
      config.padNumericKeys = pad;
      return this;
    }

    /**
     * Whether e.net query parameter names must have the exact casing clients send ({@code UserId},
     * {@code XmlIn}...). Unconfirmed on SYSPRO. Default true (strict).
     *
     * @param strict true to reject other casings, false to match names case-insensitively
     * @return this builder
     */
    public Builder strictParameterNames(boolean strict) {
      config.strictParameterNames = strict;
      return this;
    }

    /**
     * Also accept {@code POST Transaction/PostLD} as a form-encoded body with the GET parameter
     * names (unconfirmed). Default false: only the {@code TransactionPostLD} XML envelope.
     *
     * @param accept whether to accept the form-encoded variant
     * @return this builder
     */
    public Builder acceptFormEncodedPostLd(boolean accept) {
      config.acceptFormPostLd = accept;
      return this;
    }

    /**
     * Whether APSTIN requires {@code LedgerDistribution} values to total {@code TransactionValue -
     * TaxValue} when distributions are given (an optional rule). Default true.
     *
     * @param check whether to check the total
     * @return this builder
     */
    public Builder checkApDistribution(boolean check) {
      config.checkApDistribution = check;
      return this;
    }

    /**
     * The version {@code GetVersion} returns.
     *
     * @param version not blank; default {@code 8.0.0.30}
     * @return this builder
     */
    public Builder sysproVersion(String version) {
      config.sysproVersion = Config.nonBlank(version, "version");
      return this;
    }

    /**
     * The OData path prefix before the company.
     *
     * @param path starting with {@code /}, not ending with one; default {@code
     *     /SYSPRO8Odata/SYSPROOData}
     * @return this builder
     */
    public Builder odataPath(String path) {
      config.odataPath = Config.path(path, "path");
      return this;
    }

    /**
     * The e.net REST path.
     *
     * @param path starting with {@code /}, not ending with one; default {@code
     *     /SYSPROWCFService/Rest}
     * @return this builder
     */
    public Builder restPath(String path) {
      config.restPath = Config.path(path, "path");
      return this;
    }

    /**
     * Renames a table's OData entity set (names are unconfirmed). Default: the SQL name.
     *
     * @param table the table
     * @param entitySet the entity set name, not blank
     * @return this builder
     */
    public Builder odataEntitySet(SysproTable table, String entitySet) {
      config.entitySets.put(
          Objects.requireNonNull(table, "table"), Config.nonBlank(entitySet, "entitySet"));
      return this;
    }

    /**
     * OData paging style. Default {@link ODataPaging#CAP_ONLY}.
     *
     * @param paging the style
     * @return this builder
     */
    public Builder odataPaging(ODataPaging paging) {
      config.odataPaging = Objects.requireNonNull(paging, "paging");
      return this;
    }

    /**
     * Rows per OData page at most.
     *
     * @param rows at least 1; default 5,000
     * @return this builder
     */
    public Builder odataMaxPageSize(int rows) {
      config.odataMaxPageSize = Config.atLeast(rows, 1, "rows");
      return this;
    }

    /**
     * The EDM type of date columns. Default {@link ODataDateFormat#DATE_TIME_OFFSET}.
     *
     * @param format the type
     * @return this builder
     */
    public Builder odataDateFormat(ODataDateFormat format) {
      config.odataDateFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Whether OData exposes the {@code TimeStamp} rowversion (as Edm.Binary). Default true.
     *
     * @param expose whether to expose it
     * @return this builder
     */
    public Builder odataExposeTimeStamp(boolean expose) {
      config.odataExposeTimeStamp = expose;
      return this;
    }

    /**
     * The simulator clock starts at this instant and stands still until {@link
     * SysproSimulator#advanceClock} or {@link SysproSimulator#setClock} move it. Default
     * 2024-01-15T09:00:00Z.
     *
     * @param start the start instant; replaces a clock given earlier, keeping its zone
     * @return this builder
     */
    public Builder startTime(Instant start) {
      this.clock = Clock.fixed(Objects.requireNonNull(start, "start"), clock.getZone());
      return this;
    }

    /**
     * The company's time zone ("today" for defaulted dates and the current period). Default UTC.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.clock = clock.withZone(Objects.requireNonNull(zone, "zone"));
      return this;
    }

    /**
     * Injects the base clock (its zone included), e.g. {@code Clock.systemUTC()} for a simulator
     * whose sessions expire in real time. {@link SysproSimulator#advanceClock} still moves it
     * forward by an offset. Default: a fixed clock at 2024-01-15T09:00:00Z.
     *
     * @param clock the base clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The fault injector to use (e.g. one shared with other simulators). Default: a new one.
     *
     * @param faults the injector
     * @return this builder
     */
    public Builder faults(FaultInjector faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Worker threads, i.e. requests served at once.
     *
     * @param threads at least 2; default 16
     * @return this builder
     */
    public Builder threads(int threads) {
      config.threads = Config.atLeast(threads, 2, "threads");
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @return the running simulator; close it to stop it
     * @throws IllegalStateException when no operator was added
     */
    public SysproSimulator start() {
      if (config.operators.isEmpty()) {
        throw new IllegalStateException(
            "at least one operator is required: call operator(Operator.of(code, password))");
      }
      return new SysproSimulator(this);
    }
  }
}
