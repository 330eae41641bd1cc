package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.AcumaticaErrors;
import io.mlconnector.acumatica.internal.Exchange;
import io.mlconnector.acumatica.internal.JsonTree;
import io.mlconnector.acumatica.internal.SignIn;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Acumatica client for one tenant: the contract-based REST API at {@code
 * <instance>/entity/<endpoint>/<version>/}, with typed records in and out.
 *
 * <pre>{@code
 * AcumaticaConfig config = AcumaticaConfig.builder("acme", "https://acme.acumatica.com/Prod/",
 *         AcumaticaCredentials.password("8E07...@ACME", clientSecret, user, password))
 *     .endpointVersion("24.200.001").requestsPerMinute(300).maxConcurrentRequests(4).build();
 * try (AcumaticaClient acumatica = AcumaticaClient.create(transport, config)) {
 *   List<AcumaticaCustomer> changed = acumatica.listAll(EntityType.CUSTOMER, acumatica.query()
 *       .filter(ODataFilter.gt("LastModifiedDateTime", since)).expand("MainContact"));
 *   AcumaticaPayment p = acumatica.put(EntityType.PAYMENT, payment, Put.upsert("DocumentsToApply"));
 *   acumatica.release(EntityType.PAYMENT, p);   // 202 + Location, polled until 204
 * }
 * }</pre>
 *
 * <p><b>Sign-in.</b> OAuth 2.0 or the legacy cookie login (see {@link AcumaticaCredentials}),
 * one sign-in at a time per credential, renewed before expiry and once more when a call answers
 * 401 (the refresh token rotates). {@link #close()} signs a cookie session out, so no API-user
 * slot stays held; a refused sign-in for want of API users is an {@link ApiLoginLimitException}.
 *
 * <p><b>Licence limits.</b> Requests per minute and concurrent requests are a budget shared by
 * every client of the credential; a 429 is retried with jittered exponential backoff (reads, PUT
 * upserts with keys and deletes only) and slows the budget down.
 *
 * <p><b>Errors.</b> A 422 is an {@link AcumaticaValidationException} naming each failing field and
 * line; a version the instance does not serve is a {@link VersionMismatchException} naming the
 * versions it serves; other statuses map onto the core error tree with Acumatica's message.
 * Thread-safe.
 */
public final class AcumaticaClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AcumaticaClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String SYSTEM = "acumatica";

  private final AcumaticaConfig config;
  private final HttpTransport transport;
  private final TenantClient http;
  private final TenantClient discovery;
  private final Exchange calls;
  private volatile boolean versionChecked;

  private AcumaticaClient(HttpTransport transport, AcumaticaConfig config) {
    this.config = config;
    this.transport = transport;
    TenantConfig.Builder b =
        TenantConfig.builder(SYSTEM, config.tenant, config.credentialId)
            .baseUrl(config.instanceUrl)
            .readTimeout(config.readTimeout)
            .retryPolicy(config.retryPolicy.toBuilder()
                .classifier(AcumaticaErrors.CLASSIFIER.orElse(config.retryPolicy.classifier()))
                .build())
            .errorDecoder(AcumaticaErrors.DECODER)
            .redactor(Redactor.builder().secrets(config.credentials.secrets())
                .fields("password", "client_secret", "refresh_token", "access_token", "code").build())
            .logLevel(config.logLevel)
            .maxConcurrentCalls(config.maxConcurrentRequests)
            .sessionRenewalSkew(config.tokenRenewalSkew);
    if (config.requestsPerMinute > 0) {
      double perSecond = config.requestsPerMinute / 60.0;
      b.rateBudget(RateBudgetConfig.builder(perSecond).burst(Math.max(1, (int) Math.floor(perSecond)))
          .maxWait(Duration.ofMinutes(10)).build());
    }
    TenantConfig plain = b.build();
    this.discovery = transport.newClient(plain);
    this.http = transport.newClient(plain.toBuilder()
        .sessionAuthenticator(SignIn.of(config.credentials, transport.clock(), config.cookieIdleTimeout))
        .build());
    this.calls = new Exchange(http, transport, config.instanceUrl, config.actionPollInterval, config.actionTimeout,
        config.sessions, () -> {
          if (!config.verifyVersion && !versionChecked) {
            verifyVersion(); // throws VersionMismatchException when the version is not served
          }
        });
  }

  /**
   * A client on {@code transport} (shared per process) with {@code config}.
   *
   * @param transport the process's HTTP transport
   * @param config the tenant's settings
   * @return the client; it signs in on its first request
   */
  public static AcumaticaClient create(HttpTransport transport, AcumaticaConfig config) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(config, "config");
    return new AcumaticaClient(transport, config);
  }

  /**
   * The config.
   *
   * @return the settings this client was created with
   */
  public AcumaticaConfig config() {
    return config;
  }

  /**
   * An empty query in Acumatica's dialect ({@code datetimeoffset'...'} literals, {@code M}
   *     decimals).
   *
   * @return a query without options
   */
  public ODataQuery query() {
    return ODataQuery.of(ODataDialect.ACUMATICA);
  }

  // ------------------------------------------------------------------ discovery

  /**
   * {@code GET /entity}: the build and the endpoints the instance serves. No sign-in needed.
   *
   * @return the build version and the endpoints served
   */
  public Endpoints endpoints() {
    Request request = new Request.Builder().url(discovery.url("entity")).get()
        .header("Accept", "application/json").build();
    return discovery.execute(request, response -> {
      Map<String, Object> m = JsonTree.parseObject(response.body().string());
      Object version = m.get("version");
      String build = version instanceof Map ? str(((Map<?, ?>) version).get("acumaticaBuildVersion")) : null;
      List<Endpoints.Endpoint> list = new ArrayList<>();
      Object eps = m.get("endpoints");
      if (eps instanceof List) {
        for (Object o : (List<?>) eps) {
          if (o instanceof Map) {
            Map<?, ?> e = (Map<?, ?>) o;
            list.add(new Endpoints.Endpoint(str(e.get("name")), str(e.get("version")), str(e.get("href"))));
          }
        }
      }
      return new Endpoints(build, list);
    });
  }

  /**
   * Checks that the instance serves this client's endpoint and version.
   *
   * @throws VersionMismatchException naming the versions it serves when it does not
   */
  public void verifyVersion() {
    Endpoints served = endpoints();
    if (!served.serves(config.endpointName, config.endpointVersion)) {
      throw new VersionMismatchException(ErrorDetails.of(SYSTEM, "GET entity").withHttpStatus(404)
          .withRemote("version-not-served", "endpoint " + config.endpointName + "/"
              + config.endpointVersion + " is not served by this instance; it serves "
              + config.endpointName + " " + served.versionsOf(config.endpointName)
              + " (build " + served.buildVersion() + ")"));
    }
    versionChecked = true;
  }

  private void ensureVersion() {
    if (config.verifyVersion && !versionChecked) {
      verifyVersion();
    }
  }

  // ------------------------------------------------------------------ reads

  /**
   * One {@code GET /{Entity}} with {@code query} as given (one page when it has {@code $top}).
   *
   * @param <T> the record type
   * @param type the entity
   * @param query filter, select, expand, {@code $top} and {@code $skip}, as sent
   * @return the records in the order returned; empty when none match
   */
  public <T> List<T> list(EntityType<T> type, ODataQuery query) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(query, "query");
    ensureVersion();
    String qs = query.toQueryString();
    HttpUrl url = http.url(config.endpointPath() + type.name() + (qs.isEmpty() ? "" : "?" + qs));
    Request request = new Request.Builder().url(url).get().header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation("GET " + type.name()).build())
        .build();
    List<Map<String, Object>> rows = calls.call(request, true, body -> JsonTree.parseArray(body));
    List<T> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      out.add(type.decode(row, config.instanceZone));
    }
    return out;
  }

  /**
   * Every record {@code query} selects, in pages of {@link AcumaticaConfig#pageSize()} by {@code
   * $top}/{@code $skip}. Each page re-reads the last {@link AcumaticaConfig#pageOverlap()} rows of
   * the previous one: when they are not where they were (a record was inserted or deleted before
   * them), the previous window is read again. Records are returned once each (by entity id).
   *
   * @param <T> the record type
   * @param type the entity
   * @param query filter, select and expand; its {@code $top} and {@code $skip} are replaced page by
   *     page
   * @return every record selected, each once; empty when none match
   */
  public <T> List<T> listAll(EntityType<T> type, ODataQuery query) {
    List<T> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int pageSize = config.pageSize;
    int overlap = config.pageOverlap;
    int skip = 0;
    int rereads = 0;
    while (true) {
      List<Map<String, Object>> rows = listRaw(type, query.top(pageSize).skip(skip));
      if (skip > 0 && overlap > 0 && rereads < 3) {
        boolean shifted = false;
        for (int i = 0; i < Math.min(overlap, rows.size()); i++) {
          if (!seen.contains(identity(type, rows.get(i)))) {
            shifted = true;
          }
        }
        if (shifted || rows.isEmpty()) {
          rereads++;
          LOG.debug("{} page at $skip={} shifted; reading the previous window again", type, skip);
          skip = Math.max(0, skip - (pageSize - overlap));
          continue;
        }
      }
      rereads = 0;
      for (Map<String, Object> row : rows) {
        if (seen.add(identity(type, row))) {
          out.add(type.decode(row, config.instanceZone));
        }
      }
      if (rows.size() < pageSize) {
        return out;
      }
      skip += pageSize - overlap;
    }
  }

  private <T> List<Map<String, Object>> listRaw(EntityType<T> type, ODataQuery query) {
    ensureVersion();
    HttpUrl url = http.url(config.endpointPath() + type.name() + "?" + query.toQueryString());
    Request request = new Request.Builder().url(url).get().header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation("GET " + type.name()).build())
        .build();
    return calls.call(request, true, JsonTree::parseArray);
  }

  private static String identity(EntityType<?> type, Map<String, Object> row) {
    Object id = row.get("id");
    if (id != null) {
      return id.toString();
    }
    StringBuilder sb = new StringBuilder();
    for (String k : type.keyFields()) {
      Object v = row.get(k);
      sb.append(v instanceof Map ? ((Map<?, ?>) v).get("value") : v).append('|');
    }
    return sb.toString();
  }

  /**
   * {@code GET /{Entity}/{keys}} with the given {@code $expand}; empty when it does not exist.
   *
   * @param <T> the record type
   * @param type the entity
   * @param keys the values of the entity's key fields, in order; none may contain {@code /} or
   *     {@code |}
   * @param expand detail collections to expand, e.g. {@code Details}
   * @return the record, or empty when it does not exist
   * @throws IllegalArgumentException if the number of keys is wrong or a key is empty or contains
   *     {@code /} or {@code |}
   */
  public <T> Optional<T> get(EntityType<T> type, List<String> keys, String... expand) {
    Objects.requireNonNull(keys, "keys");
    if (keys.size() != type.keyFields().size()) {
      throw new IllegalArgumentException(type + " takes keys " + type.keyFields() + ", got " + keys.size());
    }
    ensureVersion();
    HttpUrl.Builder url = http.url(config.endpointPath() + type.name()).newBuilder();
    for (String k : keys) {
      url.addPathSegment(keySegment(k));
    }
    if (expand.length > 0) {
      url.addQueryParameter("$expand", String.join(",", expand));
    }
    Request request = new Request.Builder().url(url.build()).get().header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation("GET " + type.name() + "/{keys}").build())
        .build();
    try {
      return Optional.of(type.decode(calls.call(request, true, JsonTree::parseObject), config.instanceZone));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static String keySegment(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key values must not be empty");
    }
    if (key.contains("/") || key.contains("|")) {
      throw new IllegalArgumentException(
          "key value '" + key + "' contains '/' or '|': address the record by its id instead");
    }
    return key;
  }

  // ------------------------------------------------------------------ writes

  /**
   * {@code PUT /{Entity}}: creates the record or updates the one its key fields (or id) name, and
   * returns it as Acumatica answers (the fields sent plus those expanded). A PUT without keys or id
   * auto-numbers a new record and is never repeated by the transport.
   *
   * @throws AcumaticaValidationException on 422, naming each failing field and line
   * @throws VersionMismatchException on 412 (the precondition did not hold)
   * @param <T> the record type
   * @param type the entity
   * @param record the record; only the fields it sets are sent
   * @param options what to expand in the answer and the precondition
   * @return the record as Acumatica answers it
   */
  public <T> T put(EntityType<T> type, T record, Put options) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(options, "options");
    ensureVersion();
    Map<String, Object> body = type.encode(record);
    boolean keyed = body.get("id") != null
        || type.keysOf(record).stream().allMatch(k -> k != null && !k.isEmpty());
    HttpUrl.Builder url = http.url(config.endpointPath() + type.name()).newBuilder();
    if (!options.expand().isEmpty()) {
      url.addQueryParameter("$expand", String.join(",", options.expand()));
    }
    Request.Builder request = new Request.Builder().url(url.build())
        .put(RequestBody.create(JsonTree.write(body), JSON))
        .header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation("PUT " + type.name())
            .repeatable(keyed).build());
    if (options.precondition() == Put.Precondition.INSERT_ONLY) {
      request.header("If-None-Match", "*");
    } else if (options.precondition() == Put.Precondition.UPDATE_ONLY) {
      request.header("If-Match", "*");
    }
    return type.decode(calls.call(request.build(), keyed, JsonTree::parseObject), config.instanceZone);
  }

  /**
   * {@code DELETE /{Entity}/{keys}}; a record already gone is not an error.
   *
   * @param type the entity
   * @param keys the values of the entity's key fields, in order
   * @throws IllegalArgumentException if a key is empty or contains {@code /} or {@code |}
   */
  public void delete(EntityType<?> type, List<String> keys) {
    ensureVersion();
    HttpUrl.Builder url = http.url(config.endpointPath() + type.name()).newBuilder();
    for (String k : keys) {
      url.addPathSegment(keySegment(k));
    }
    Request request = new Request.Builder().url(url.build()).delete()
        .tag(RequestOptions.class, RequestOptions.builder().operation("DELETE " + type.name()).build())
        .build();
    try {
      calls.exchange(request, true, response -> null);
    } catch (NotFoundException e) {
      // already gone
    }
  }

  /**
   * Releases {@code record} with its entity's release action and waits for it (see {@link
   * #invoke}).
   *
   * @param <T> the record type
   * @param type the entity, which must have a release action
   * @param record the record; its key fields (or id) name it
   * @throws IllegalArgumentException if the entity has no release action
   */
  public <T> void release(EntityType<T> type, T record) {
    if (type.releaseAction() == null) {
      throw new IllegalArgumentException(type + " has no release action");
    }
    invoke(type, type.releaseAction(), record);
  }

  /**
   * {@code POST /{Entity}/{action}} with {@code {"entity": <keys of record>}}
   * and waits: a {@code 202} is polled at its {@code Location} (after 100 ms, doubling up to {@link
   * AcumaticaConfig#actionPollInterval()}) until {@code 204}, for at most {@link
   * AcumaticaConfig#actionTimeout()}. Actions are never repeated by the transport.
   *
   * @throws TransientException when the action still runs after the bounded wait (check the
   *     record's status before invoking it again)
   * @throws RejectedException when the operation failed (the status URL answered an error)
   * @param <T> the record type
   * @param type the entity
   * @param action the action's name, e.g. {@code ReleaseSalesInvoice}
   * @param record the record; its key fields (or id) name it
   */
  public <T> void invoke(EntityType<T> type, String action, T record) {
    Objects.requireNonNull(action, "action");
    ensureVersion();
    Map<String, Object> full = type.encode(record);
    Map<String, Object> entity = new LinkedHashMap<>();
    for (String k : type.keyFields()) {
      if (full.containsKey(k)) {
        entity.put(k, full.get(k));
      }
    }
    if (entity.size() != type.keyFields().size() && full.get("id") != null) {
      entity.clear();
      entity.put("id", full.get("id"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entity", entity); // no "parameters": the contract's action schemas declare only entity
    String operation = "POST " + type.name() + "/" + action;
    Request request = new Request.Builder()
        .url(http.url(config.endpointPath() + type.name() + "/" + action))
        .post(RequestBody.create(JsonTree.write(body), JSON))
        .header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation(operation).repeatable(false).build())
        .build();
    calls.action(request, operation);
  }


  // ------------------------------------------------------------------ ping, close

  /**
   * Checks the endpoint version ({@code GET /entity}), the sign-in, and one read of each of {@code
   * entities} ({@code $top=1}, key fields only), each with its latency; never throws for a failed
   * check.
   *
   * @param entities the entities to read one row of
   * @return the checks that ran, in order; a failed version check ends the run
   */
  public PingReport ping(List<EntityType<?>> entities) {
    List<PingReport.Check> checks = new ArrayList<>();
    Clock clock = transport.clock();
    Instant start = clock.instant();
    try {
      verifyVersion();
      checks.add(new PingReport.Check("version", true, since(start),
          config.endpointName + "/" + config.endpointVersion + " served"));
    } catch (ConnectorException e) {
      checks.add(new PingReport.Check("version", false, since(start), e.getMessage()));
      return new PingReport(checks);
    }
    boolean first = true;
    for (EntityType<?> type : entities) {
      start = clock.instant();
      String name = "read " + type.name();
      try {
        List<?> rows = list(type, query().select(type.keyFields().toArray(String[]::new)).top(1));
        if (first) {
          checks.add(new PingReport.Check("sign-in", true, since(start),
              config.credentials.kind() + " accepted"));
          first = false;
        }
        checks.add(new PingReport.Check(name, true, since(start), rows.size() + " row(s)"));
      } catch (ConnectorException e) {
        if (first) {
          checks.add(new PingReport.Check("sign-in", !(e instanceof io.mlconnector.core.error.AuthenticationException),
              since(start), e.getMessage()));
          first = false;
        }
        checks.add(new PingReport.Check(name, false, since(start), e.getMessage()));
      }
    }
    return new PingReport(checks);
  }

  /**
   * {@link #ping(List)} for every entity the receivables ledger uses.
   *
   * @return the checks that ran, in order
   */
  public PingReport ping() {
    return ping(List.of(EntityType.CUSTOMER, EntityType.SALES_INVOICE, EntityType.PAYMENT,
        EntityType.JOURNAL_TRANSACTION, EntityType.ACCOUNT));
  }

  private Duration since(Instant start) {
    return Duration.between(start, transport.clock().instant());
  }

  /** Signs the session out (a cookie session frees its API-user slot); always attempted. */
  @Override
  public void close() {
    calls.signOutSessions();
    try {
      http.release();
    } catch (ConnectorException e) {
      LOG.warn("Acumatica sign-out of tenant {} failed: {}", config.tenant, e.getMessage());
    }
  }

  private static @Nullable String str(@Nullable Object o) {
    return o == null ? null : o.toString();
  }

  @Override
  public String toString() {
    return "AcumaticaClient{" + config + '}';
  }
}
