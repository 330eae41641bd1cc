package io.mlconnector.testkit.acumatica;

import io.mlconnector.testkit.acumatica.internal.Auth;
import io.mlconnector.testkit.acumatica.internal.EntityApi;
import io.mlconnector.testkit.acumatica.internal.HttpErrors;
import io.mlconnector.testkit.acumatica.internal.Json;
import io.mlconnector.testkit.acumatica.internal.Licence;
import io.mlconnector.testkit.acumatica.internal.Push;
import io.mlconnector.testkit.acumatica.internal.Records;
import io.mlconnector.testkit.acumatica.internal.Routes;
import io.mlconnector.testkit.acumatica.internal.Schemas;
import io.mlconnector.testkit.acumatica.internal.Settings;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.http.SimServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Acumatica ERP instance on a loopback port, speaking the contract-based REST API of the
 * {@code Default} endpoint in versions 22.200.001, 23.200.001 and 24.200.001 (each with its own
 * fields, taken from the published contracts), the identity server's token endpoint and the legacy
 * cookie login, with the licence's limits, long-running actions, push notifications, the shared
 * {@link FaultInjector} and an injectable clock. Built from the product's Acumatica reference,
 * independently of any client.
 *
 * <pre>{@code
 * try (AcumaticaSimulator sim = AcumaticaSimulator.builder()
 *     .user("admin", "pw").oauthClient("8E07-...", "secret").start()) {
 *   sim.addCustomer("C001", "Café Zürich", "USD");
 *   String inv = sim.addReleasedInvoice("C001", "Consulting", new BigDecimal("1150.00"));
 *   // point a client at sim.instanceUri() with client id "8E07-...@" + sim.tenant(); then:
 *   assertThat(sim.balance("SalesInvoice", "Invoice", inv)).isEqualByComparingTo("0");
 *   assertThat(sim.apiUsersInUse()).isZero();
 * }
 * }</pre>
 *
 * <p>What the reference leaves unconfirmed is a builder switch: the status of a refused login and
 * of the "API Login Limit" answer, the bare-entity POST status, whether responses carry offsets,
 * status names, which {@code DocType} values are accepted, unknown-field handling, cookie idle
 * timeout, how long actions run. Thread-safe.
 */
public final class AcumaticaSimulator implements AutoCloseable {
  private final Settings settings;
  private final SimClock clock;
  private final Schemas schemas = new Schemas();
  private final Records records;
  private final Auth auth;
  private final Licence licence;
  private final Push push;
  private final EntityApi api;
  private final FaultInjector faults;
  private final Routes routes;
  private final SimServer server;

  private AcumaticaSimulator(Builder b) {
    this.settings = b.settings.copy();
    this.clock = new SimClock(b.clock);
    this.records = new Records(settings, schemas, clock);
    this.auth = new Auth(settings, clock);
    this.licence = new Licence(settings, clock);
    this.push = new Push(settings, clock);
    this.api = new EntityApi(settings, schemas, records, clock, push);
    this.faults = b.faults;
    this.routes = new Routes(settings, schemas, auth, licence, api, b.contractsDir);
    this.server = SimServer.start(routes::handle, faults,
        e -> HttpErrors.of(500, "An error has occurred.", "System.Exception"), settings.threads);
  }

  /**
   * A builder with the defaults documented on each method.
   *
   * @return the builder; add a {@link Builder#user user} or {@link Builder#oauthClient client} for
   *     clients to sign in with
   */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ addresses

  /**
   * The instance URL with its site segment.
   *
   * @return for example {@code http://127.0.0.1:5000/AcumaticaERP/}, with a trailing slash
   */
  public URI instanceUri() {
    return URI.create(server.baseUri() + "/" + settings.site + "/");
  }

  /**
   * The tenant login name (the part after {@code @} of OAuth client ids).
   *
   * @return the builder's tenant, {@code MyTenant} by default
   */
  public String tenant() {
    return settings.tenant;
  }

  /**
   * The fault injector applied to every request.
   *
   * @return the injector given to the builder, else this simulator's own
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * Moves the simulator's clock forward (token expiry, idle timeouts, long-running actions).
   *
   * @param d how far
   */
  public void advance(Duration d) {
    clock.advance(d);
  }

  /**
   * The simulator's clock.
   *
   * @return the base clock plus every {@link #advance}
   */
  public Clock clock() {
    return clock;
  }

  // ------------------------------------------------------------------ seeding

  /**
   * Creates or updates a record as {@code PUT /entity/Default/24.200.001/{entity}} would, from its
   * wrapped JSON, as the system (no session, no licence).
   *
   * @param entity the entity name, for example {@code Customer}
   * @param wrappedJson the record in the API's wrapped form ({@code {"CustomerID":{"value":"C1"}}})
   * @return the stored record rendered with every detail expanded
   * @throws IllegalArgumentException when the simulator refuses it (the error text)
   */
  public Map<String, Object> put(String entity, String wrappedJson) {
    SimRequest r = new SimRequest("PUT", "/", null, Map.of(), wrappedJson.getBytes(StandardCharsets.UTF_8));
    SimResponse response = api.handle(r, "24.200.001", entity, systemSession);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.status() != 200) {
      throw new IllegalArgumentException(entity + " refused (" + response.status() + "): " + body);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) Json.parse(body);
    return m;
  }

  private final Auth.ServerSession systemSession = Auth.ServerSession.system();

  /**
   * Runs a contract action as the system (no session, no licence), to completion at once.
   *
   * @param entity the entity name, for example {@code SalesInvoice}
   * @param action the action name, for example {@code ReleaseSalesInvoice}
   * @param wrappedEntityJson the keys of the record to act on, in wrapped form
   * @throws IllegalArgumentException when the action fails (the error text)
   */
  public void act(String entity, String action, String wrappedEntityJson) {
    int saved = settings.actionPolls;
    settings.actionPolls = 0;
    try {
      SimRequest r = new SimRequest("POST", "/", null, Map.of(),
          ("{\"entity\":" + wrappedEntityJson + ",\"parameters\":{}}").getBytes(StandardCharsets.UTF_8));
      SimResponse response = api.handle(r, "24.200.001", entity + "/" + action, systemSession);
      if (response.status() != 204) {
        throw new IllegalArgumentException(action + " failed (" + response.status() + "): "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
    } finally {
      settings.actionPolls = saved;
    }
  }

  /**
   * Adds (or updates) an active customer.
   *
   * @param customerId the {@code CustomerID}
   * @param name the customer name
   * @param currency the currency code, for example {@code USD}
   * @throws IllegalArgumentException when the simulator refuses it
   */
  public void addCustomer(String customerId, String name, String currency) {
    put("Customer", "{\"CustomerID\":{\"value\":" + q(customerId) + "},\"CustomerName\":{\"value\":" + q(name)
        + "},\"CurrencyID\":{\"value\":" + q(currency) + "}}");
  }

  /**
   * Adds (or updates) an active customer with a main contact e-mail.
   *
   * @param customerId the {@code CustomerID}
   * @param name the customer name
   * @param currency the currency code, for example {@code USD}
   * @param email the main contact's e-mail address
   * @throws IllegalArgumentException when the simulator refuses it
   */
  public void addCustomer(String customerId, String name, String currency, String email) {
    put("Customer", "{\"CustomerID\":{\"value\":" + q(customerId) + "},\"CustomerName\":{\"value\":" + q(name)
        + "},\"CurrencyID\":{\"value\":" + q(currency) + "},\"MainContact\":{\"Email\":{\"value\":" + q(email) + "}}}");
  }

  /**
   * Adds (or updates) a GL account.
   *
   * @param accountCd the account code ({@code AccountCD})
   * @param description the description
   * @param type the account type: {@code Asset}, {@code Liability}, {@code Income} or {@code
   *     Expense}
   * @throws IllegalArgumentException when the simulator refuses it
   */
  public void addAccount(String accountCd, String description, String type) {
    put("Account", "{\"AccountCD\":{\"value\":" + q(accountCd) + "},\"Description\":{\"value\":" + q(description)
        + "},\"Type\":{\"value\":" + q(type) + "}}");
  }

  /**
   * Adds a one-line SalesInvoice (one {@code SERVICES} line) for {@code customerId} and releases
   * it.
   *
   * @param customerId an existing customer's {@code CustomerID}
   * @param description the invoice and line description
   * @param amount the line's unit price (quantity 1) in the customer's currency
   * @return the invoice's {@code ReferenceNbr}
   * @throws IllegalArgumentException when the simulator refuses the invoice or its release
   */
  public String addReleasedInvoice(String customerId, String description, java.math.BigDecimal amount) {
    Map<String, Object> rec = put("SalesInvoice", "{\"CustomerID\":{\"value\":" + q(customerId)
        + "},\"Description\":{\"value\":" + q(description) + "},\"Hold\":{\"value\":false},\"Details\":[{"
        + "\"InventoryID\":{\"value\":\"SERVICES\"},\"TransactionDescr\":{\"value\":" + q(description)
        + "},\"Qty\":{\"value\":1},\"UnitPrice\":{\"value\":" + amount.toPlainString() + "}}]}");
    String ref = ((Map<?, ?>) rec.get("ReferenceNbr")).get("value").toString();
    act("SalesInvoice", "ReleaseSalesInvoice",
        "{\"Type\":{\"value\":\"Invoice\"},\"ReferenceNbr\":{\"value\":" + q(ref) + "}}");
    return ref;
  }

  private static String q(@Nullable String s) {
    return s == null ? "null" : Json.write(s);
  }

  // ------------------------------------------------------------------ inspection

  /**
   * The record of {@code entity} with {@code keys}, rendered (24.200.001) with its details
   * expanded.
   *
   * @param entity the entity name, for example {@code SalesInvoice}
   * @param keys the key values in order, for example {@code "Invoice", "000012"}
   * @return the record in wrapped form, or empty when there is none
   */
  public Optional<Map<String, Object>> record(String entity, String... keys) {
    String expand = entity.equals("Payment") ? "DocumentsToApply" : entity.equals("Customer") ? "MainContact,MainContact/Address" : "Details";
    SimRequest r = new SimRequest("GET", "/", "$expand=" + expand, Map.of(), new byte[0]);
    SimResponse response = api.handle(r, "24.200.001", entity + "/" + String.join("/", keys), systemSession);
    if (response.status() != 200) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) Json.parse(new String(response.body(), StandardCharsets.UTF_8));
    return Optional.of(m);
  }

  /**
   * Every record of {@code entity} in key order, rendered (24.200.001) with details expanded.
   *
   * @param entity the entity name, for example {@code Customer}
   * @return the records in wrapped form; empty when there are none
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> records(String entity) {
    String expand = entity.equals("Payment") ? "DocumentsToApply" : entity.equals("Customer") ? "MainContact" : "Details";
    SimRequest r = new SimRequest("GET", "/", "$expand=" + expand, Map.of(), new byte[0]);
    SimResponse response = api.handle(r, "24.200.001", entity, systemSession);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(new String(response.body(), StandardCharsets.UTF_8))) {
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  /**
   * A field's value of a record, unwrapped.
   *
   * @param entity the entity name
   * @param field the field name, for example {@code Status}
   * @param keys the record's key values in order
   * @return the value (a string, number or boolean as JSON gives it), or null when the record,
   *     the field or its value is missing
   */
  public @Nullable Object field(String entity, String field, String... keys) {
    return record(entity, keys).map(r -> r.get(field)).map(v -> v instanceof Map ? ((Map<?, ?>) v).get("value") : v)
        .orElse(null);
  }

  /**
   * The {@code Balance} of an AR document.
   *
   * @param entity the entity name, for example {@code SalesInvoice} or {@code Payment}
   * @param type the document type, for example {@code Invoice}
   * @param referenceNbr the {@code ReferenceNbr}
   * @return the open balance in the document's currency, or null when there is no such document
   */
  public java.math.@Nullable BigDecimal balance(String entity, String type, String referenceNbr) {
    Object v = field(entity, "Balance", type, referenceNbr);
    return v == null ? null : new java.math.BigDecimal(v.toString());
  }

  /**
   * The {@code Status} of a record.
   *
   * @param entity the entity name
   * @param keys the record's key values in order
   * @return the status name (see {@link Builder#statusNames}), or null when there is no such record
   */
  public @Nullable String status(String entity, String... keys) {
    Object v = field(entity, "Status", keys);
    return v == null ? null : v.toString();
  }

  /**
   * Every request received on {@code /entity} and {@code /identity}, in order.
   *
   * @return a snapshot since start or the last {@link #clearRecordedRequests()}
   */
  public List<RecordedRequest> recordedRequests() {
    return routes.recorded();
  }

  /** Forgets the recorded requests. */
  public void clearRecordedRequests() {
    routes.clearRecorded();
  }

  /**
   * Fields sent that the endpoint version does not have.
   *
   * @return the count since start (ignored or refused)
   */
  public long unknownFieldsSeen() {
    return api.unknownFields();
  }

  // ------------------------------------------------------------------ licence and sessions

  /**
   * API users holding a licence slot now (cookie sessions and OAuth grants with a live token).
   *
   * @return the count now; zero after a well-behaved client signs out
   */
  public int apiUsersInUse() {
    return auth.apiUsersInUse();
  }

  /**
   * Successful sign-ins so far (cookie logins and token grants, refreshes included).
   *
   * @return the count since start
   */
  public long signIns() {
    return auth.logins();
  }

  /**
   * Refresh-token grants served so far.
   *
   * @return the count since start
   */
  public long refreshes() {
    return auth.refreshes();
  }

  /** Expires every access token now: the next call with one answers 401. */
  public void expireAccessTokens() {
    auth.expireAccessTokens();
  }

  /** Ends every cookie session now. */
  public void dropCookieSessions() {
    auth.dropCookieSessions();
  }

  /**
   * An authorization code for {@code user}, as the authorize page issues after consent.
   *
   * @param user the user name the code signs in as
   * @return a new single-use code for the {@code authorization_code} grant
   */
  public String issueAuthorizationCode(String user) {
    return auth.issueCode(user);
  }

  /**
   * The next {@code n} requests (except sign-out) are declined with 429 by the licence.
   *
   * @param n how many requests
   */
  public void declineNext(int n) {
    routes.declineNext(n);
  }

  /**
   * Changes the requests-per-minute budget while running.
   *
   * @param rpm requests per minute; 0 for no budget
   */
  public void requestsPerMinute(int rpm) {
    settings.requestsPerMinute = rpm;
  }

  /**
   * Requests declined with 429 by the licence limits (not counting {@link #declineNext}).
   *
   * @return the count since start
   */
  public long declined() {
    return licence.declined();
  }

  /**
   * The most requests in flight at once.
   *
   * @return the peak since start
   */
  public int peakConcurrentRequests() {
    return licence.peakInFlight();
  }

  /**
   * Sessions opened by OAuth grants with the {@code api:concurrent_access} scope (each request
   * without a known {@code ASP.NET_SessionId} cookie opens one; each takes an API-user slot until
   * it signs out or its grant's access token expires).
   *
   * @return the count since start
   */
  public long concurrentSessionsOpened() {
    return auth.concurrentSessionsOpened();
  }

  /**
   * The most long-running actions that ran at once (one per session at most).
   *
   * @return the peak since start
   */
  public int peakRunningActions() {
    return api.peakRunningActions();
  }

  /**
   * Polls a status URL answers 202 before 204, changed while running.
   *
   * @param polls the number of 202 answers; 0 makes actions answer 204 at once
   */
  public void actionPolls(int polls) {
    settings.actionPolls = polls;
  }

  // ------------------------------------------------------------------ push notifications

  /**
   * Sends a push notification to {@code url} on each change of {@code entity}, with the header
   * {@code headerName: headerValue}; {@code query} names the data query in the payload.
   *
   * @param url where notifications are POSTed
   * @param headerName a header sent with each notification, or null for none
   * @param headerValue the header's value (ignored when {@code headerName} is null)
   * @param entity the entity whose changes are pushed, for example {@code SalesInvoice}
   * @param query the data query's name, sent as {@code Query}
   * @param trackedFields fields sent in each notification's row besides the keys and the
   *     last-modified time
   */
  public void subscribe(
      String url,
      @Nullable String headerName,
      @Nullable String headerValue,
      String entity,
      String query,
      String... trackedFields) {
    push.add(new Push.Destination(url, headerName, headerValue, entity, query, List.of(trackedFields)));
  }

  /**
   * Sends every notification twice (at-least-once delivery).
   *
   * @param on true to duplicate, false to send once again
   */
  public void duplicatePushes(boolean on) {
    push.duplicates(on);
  }

  /** Waits until every queued notification was attempted. */
  public void drainPushes() {
    push.drain();
  }

  /**
   * Ids of notifications answered 2xx (a duplicate appears twice).
   *
   * @return a snapshot, in delivery order
   */
  public List<String> deliveredPushes() {
    return push.delivered();
  }

  /**
   * Ids of notifications parked after five failed attempts.
   *
   * @return a snapshot; a resent notification is no longer listed
   */
  public List<String> failedPushes() {
    return push.failed().stream().map(Push.Failed::id).toList();
  }

  /**
   * Resends a parked notification (within two days of its failure, simulated time).
   *
   * @param id the notification id, from {@link #failedPushes()}
   * @return true if it was queued again; false when there is no such parked notification, it is
   *     older than two days or its subscription is gone
   */
  public boolean resendPush(String id) {
    return push.resend(id);
  }

  /** Stops the server and push delivery. */
  @Override
  public void close() {
    server.close();
    push.close();
  }

  /** Builds an {@link AcumaticaSimulator}. */
  public static final class Builder {
    private final Settings settings = new Settings();
    private Clock clock = Clock.systemUTC();
    private FaultInjector faults = new FaultInjector();
    private @Nullable Path contractsDir;

    private Builder() {}

    /**
     * The site segment of the instance URL.
     *
     * @param site the segment; default {@code AcumaticaERP}
     * @return this builder
     */
    public Builder site(String site) {
      settings.site = Objects.requireNonNull(site, "site");
      return this;
    }

    /**
     * The tenant login name.
     *
     * @param tenant the name; default {@code MyTenant}
     * @return this builder
     */
    public Builder tenant(String tenant) {
      settings.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /**
     * Adds a user who may sign in (cookie login, password grant, authorization code).
     *
     * @param name the user name
     * @param password the password; replaces one set before for this user
     * @return this builder
     */
    public Builder user(String name, String password) {
      settings.users.put(name, password);
      return this;
    }

    /**
     * Registers a connected application.
     *
     * @param id the client id without the {@code @Tenant} part
     * @param secret the client secret
     * @return this builder
     */
    public Builder oauthClient(String id, String secret) {
      settings.oauthClients.put(id, secret);
      return this;
    }

    /**
     * The endpoint versions served, replacing the defaults.
     *
     * @param versions for example {@code 24.200.001}; default 22.200.001, 23.200.001, 24.200.001
     * @return this builder
     */
    public Builder versions(String... versions) {
      settings.versions = new ArrayList<>(List.of(versions));
      return this;
    }

    /**
     * The base clock; {@link AcumaticaSimulator#advance} moves it.
     *
     * @param clock the clock; default the system clock (UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The instance's time zone.
     *
     * @param zone the zone; default UTC
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      settings.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The fault injector.
     *
     * @param faults the injector; default a new one
     * @return this builder
     */
    public Builder faults(FaultInjector faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Serves {@code swagger.json} from the contract files in {@code dir} when present.
     *
     * @param dir the directory of the published contracts, or null to serve none (the default)
     * @return this builder
     */
    public Builder contractsDir(@Nullable Path dir) {
      this.contractsDir = dir;
      return this;
    }

    /**
     * The status of a refused login (unconfirmed).
     *
     * @param status 401 or 500; default 500
     * @return this builder
     */
    public Builder badCredentialsStatus(int status) {
      settings.badCredentialsStatus = status;
      return this;
    }

    /**
     * The status of an "API Login Limit" refusal (unconfirmed).
     *
     * @param status the HTTP status; default 429
     * @return this builder
     */
    public Builder loginLimitStatus(int status) {
      settings.loginLimitStatus = status;
      return this;
    }

    /**
     * The status of a POST to the bare entity URL (unconfirmed).
     *
     * @param status 405 or 406; default 405
     * @return this builder
     */
    public Builder bareEntityPostStatus(int status) {
      settings.bareEntityPostStatus = status;
      return this;
    }

    /**
     * The cookie session's idle timeout (unconfirmed).
     *
     * @param d simulated time; default 20 minutes
     * @return this builder
     */
    public Builder cookieIdleTimeout(Duration d) {
      settings.cookieIdleTimeout = d;
      return this;
    }

    /**
     * The access token lifetime.
     *
     * @param d simulated time; default 3600 seconds
     * @return this builder
     */
    public Builder accessTokenLifetime(Duration d) {
      settings.accessTokenLifetime = d;
      return this;
    }

    /**
     * The licence's maximum API users.
     *
     * @param n the limit; default unlimited
     * @return this builder
     */
    public Builder maxApiUsers(int n) {
      settings.maxApiUsers = n;
      return this;
    }

    /**
     * The licence's maximum concurrent requests.
     *
     * @param n the limit; default unlimited
     * @return this builder
     */
    public Builder maxConcurrentRequests(int n) {
      settings.maxConcurrentRequests = n;
      return this;
    }

    /**
     * The licence's requests per minute.
     *
     * @param n the budget; 0 (the default) for none
     * @return this builder
     */
    public Builder requestsPerMinute(int n) {
      settings.requestsPerMinute = n;
      return this;
    }

    /**
     * Decline requests over the per-minute budget with 429 instead of delaying them.
     *
     * @param on true to decline; default false (delay)
     * @return this builder
     */
    public Builder declineOverRate(boolean on) {
      settings.declineOverRate = on;
      return this;
    }

    /**
     * A trial licence: two API users, no other limits.
     *
     * @return this builder
     */
    public Builder trialLicence() {
      settings.maxApiUsers = 2;
      settings.maxConcurrentRequests = Integer.MAX_VALUE;
      settings.requestsPerMinute = 0;
      return this;
    }

    /**
     * How long actions run: {@code polls} status polls answer 202 before 204 (0: 204 at once),
     * and after {@code duration} the operation ends anyway (default 1 poll, 5 s).
     *
     * @param polls status polls answered 202 before 204
     * @param duration simulated time after which the action has ended regardless of polls
     * @return this builder
     */
    public Builder actions(int polls, Duration duration) {
      settings.actionPolls = polls;
      settings.actionDuration = duration;
      return this;
    }

    /**
     * Whether a running action makes the session's other requests fail.
     *
     * @param on true (the default) to fail them
     * @return this builder
     */
    public Builder sessionBlockedByAction(boolean on) {
      settings.sessionBlockedByAction = on;
      return this;
    }

    /**
     * Status names (beyond Balanced unconfirmed).
     *
     * @param onHold default {@code On Hold}
     * @param balanced default {@code Balanced}
     * @param open default {@code Open}
     * @param closed default {@code Closed}
     * @param posted default {@code Posted}
     * @return this builder
     */
    public Builder statusNames(String onHold, String balanced, String open, String closed, String posted) {
      settings.statusOnHold = onHold;
      settings.statusBalanced = balanced;
      settings.statusOpen = open;
      settings.statusClosed = closed;
      settings.statusPosted = posted;
      return this;
    }

    /**
     * Whether date-times in responses carry an offset (unconfirmed).
     *
     * @param on true to add the offset; default false
     * @return this builder
     */
    public Builder offsetInResponses(boolean on) {
      settings.offsetInResponses = on;
      return this;
    }

    /**
     * Refuse (400) fields not in the version's schema instead of ignoring them.
     *
     * @param on true to refuse; default false
     * @return this builder
     */
    public Builder rejectUnknownFields(boolean on) {
      settings.rejectUnknownFields = on;
      return this;
    }

    /**
     * The {@code DocType} values accepted for an invoice, replacing the defaults.
     *
     * @param values the accepted values; default both {@code Invoice} and {@code INV}
     * @return this builder
     */
    public Builder invoiceDocTypes(String... values) {
      settings.acceptedInvoiceDocTypes = new LinkedHashSet<>(List.of(values));
      return this;
    }

    /**
     * The user lacks rights to {@code entity}'s form: requests for it are answered 403.
     *
     * @param entity the entity name, for example {@code Payment}
     * @return this builder
     */
    public Builder forbid(String entity) {
      settings.forbiddenEntities.add(entity);
      return this;
    }

    /**
     * Worker threads, i.e. requests served at once.
     *
     * @param n the count; default 16
     * @return this builder
     */
    public Builder threads(int n) {
      settings.threads = n;
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @return the running simulator; close it to stop it
     */
    public AcumaticaSimulator start() {
      return new AcumaticaSimulator(this);
    }
  }
}
