package io.mlconnector.sapb1;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataPage;
import io.mlconnector.core.odata.ODataPager;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.odata.PagingMode;
import io.mlconnector.sapb1.internal.B1Errors;
import io.mlconnector.sapb1.internal.B1Session;
import io.mlconnector.sapb1.internal.BatchCodec;
import io.mlconnector.sapb1.internal.JsonText;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A SAP Business One Service Layer client for one tenant, on {@code /b1s/v1} (OData V3) or {@code
 * /b1s/v2} (OData V4).
 *
 * <pre>{@code
 * try (SapB1Client b1 = SapB1Client.create(transport, config)) {
 *   Optional<BusinessPartner> bp = b1.businessPartner("C20000");
 *   for (B1Entity inv : b1.list("Invoices", b1.query().filter(ODataFilter.eq("CardCode", "C20000"))).stream()::iterator) { ... }
 *   IncomingPayment p = b1.postIncomingPayment(new IncomingPayment.Draft("C20000", "USD", "USD")
 *       .transfer(new BigDecimal("150.00"), "1.1.01.2.003", LocalDate.now(), "WIRE-4711")
 *       .apply(123, new BigDecimal("150.00")));
 * }
 * }</pre>
 *
 * <p><b>Sessions.</b> The first call logs in ({@code POST Login}); the {@code B1SESSION} and {@code
 * ROUTEID} cookies go on every call. The session is reused while it lives: {@code SessionTimeout}
 * is an idle timeout, so each call keeps it alive, and a session idle for nearly that long is
 * replaced (the old one logged out first) before the next call. One login runs at a time per
 * credential; callers that need a session meanwhile wait for it. An answer 401 (SAP code 301,
 * "Invalid session or session already timeout") logs in once more and repeats the call once: the
 * Service Layer did not act on it. {@link #close()} logs out, freeing the licence seat. Clients
 * of one credential id share one session, so one credential holds one seat. The session is kept in
 * the config's {@link SapB1SessionStore}; with a durable one, a process started again after a
 * crash takes over the seat of the one that died. A Login refused for want of a licence seat is a
 * {@link io.mlconnector.core.error.RateLimitedException} (see {@link SapB1Config.Builder#seatRetry}).
 *
 * <p><b>Errors.</b> Both error shapes map onto core's tree with SAP's code and text: 404/-2028
 * {@link NotFoundException}; 400/-5002 (business rule) and 400/-10 (bad reference) {@link
 * io.mlconnector.core.error.RejectedException}; 412/-2039 {@link
 * io.mlconnector.core.error.VersionMismatchException}; a refused Login {@link
 * io.mlconnector.core.error.AuthenticationException}; 5xx and the proxy's HTML or empty answers
 * {@link io.mlconnector.core.error.TransientException} for reads and {@link
 * io.mlconnector.core.error.OutcomeUnknownException} for creates, which are never repeated by the
 * transport (find them by their stamp before writing again).
 *
 * <p>At most {@link SapB1Config#maxConcurrentRequests()} requests are in flight per credential.
 * Thread-safe.
 */
public final class SapB1Client implements AutoCloseable {
  /** The system name in refs, errors and the transport's keys. */
  public static final String SYSTEM = "sap-b1";

  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonAdapter<B1Entity> ENTITY = new JsonAdapter<>() {
    @Override
    public B1Entity fromJson(JsonReader reader) throws IOException {
      Object v = reader.readJsonValue();
      if (!(v instanceof Map)) {
        throw new com.squareup.moshi.JsonDataException("collection item is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return B1Entity.of(m, null);
    }

    @Override
    public void toJson(JsonWriter writer, B1Entity value) {
      throw new UnsupportedOperationException();
    }
  };

  private final SapB1Config config;
  private final TenantClient http;
  private final TenantClient plain;
  private final ODataDialect dialect;

  private SapB1Client(HttpTransport transport, SapB1Config config) {
    this.config = config;
    TenantConfig.Builder base = TenantConfig.builder(SYSTEM, config.tenant, config.credentialId)
        .baseUrl(config.serviceRoot)
        .readTimeout(config.readTimeout)
        .retryPolicy(config.retryPolicy)
        .logLevel(config.logLevel)
        .errorDecoder(B1Errors.INSTANCE)
        .redactor(Redactor.builder().secrets(config.credentials.password())
            .fields(B1Session.maskedFields().toArray(new String[0])).build());
    if (!config.tlsVerification) {
      base.insecureSkipTlsVerification();
    } else if (!config.trustedCertificates.isEmpty()) {
      base.trustedCertificates(config.trustedCertificates.toArray(new java.security.cert.X509Certificate[0]));
    }
    this.plain = transport.newClient(base.build());
    this.http = transport.newClient(base
        .sessionAuthenticator(new B1Session(new B1Session.Settings(SYSTEM, config.tenant, config.credentialId,
            config.serviceRoot, config.credentials, config.seatsExhaustedPattern, config.sessionStore,
            config.sessionRenewalSkew, config.seatRetryInitial, config.seatRetryMax, config.licenceSeats,
            transport.clock())))
        .sessionRenewalSkew(config.sessionRenewalSkew)
        .maxConcurrentCalls(config.maxConcurrentRequests)
        .build());
    this.dialect = ODataDialect.SAP_B1.withTimeSeconds(config.timeSecondsInFilters);
  }

  /** A client on {@code transport} (shared per process) with {@code config}. */
  public static SapB1Client create(HttpTransport transport, SapB1Config config) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(config, "config");
    return new SapB1Client(transport, config);
  }

  /** The config. */
  public SapB1Config config() {
    return config;
  }

  /** The protocol version. */
  public ServiceLayerVersion version() {
    return config.version;
  }

  /** An empty query in this service's literal dialect. */
  public ODataQuery query() {
    return ODataQuery.of(dialect);
  }

  /**
   * {@code field eq member} for an enum property, written as the config says ({@code CardType eq
   * 'cCustomer'} or {@code CardType eq SAPB1.BoCardTypes'cCustomer'}).
   */
  public ODataFilter enumEquals(String field, String enumType, String member) {
    if (!field.matches("[A-Za-z_][A-Za-z0-9_]*") || !enumType.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("field and enumType must be names, were " + field + ", " + enumType);
    }
    String literal = ODataDialect.quote(Objects.requireNonNull(member, "member"));
    return ODataFilter.raw(field + " eq "
        + (config.enumLiterals == SapB1Config.EnumLiterals.QUALIFIED ? "SAPB1." + enumType + literal : literal));
  }

  // ------------------------------------------------------------------ reads

  /**
   * The entity {@code entitySet(key)}, or empty when it does not exist (404/-2028). A String key is
   * quoted ({@code ('C20000')}), a number is not ({@code (123)}).
   */
  public Optional<B1Entity> get(String entitySet, Object key) {
    Request request = new Request.Builder()
        .url(http.url(set(entitySet) + "(" + keyLiteral(key) + ")"))
        .get()
        .tag(RequestOptions.class, RequestOptions.builder().operation("get " + entitySet).build())
        .build();
    try {
      return Optional.of(http.execute(request, r -> B1Entity.of(
          JsonText.object(r.body().string(), entitySet + " answer"), r.header("ETag"))));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The pages of {@code entitySet} matching {@code query}, following the server's next links
   * (relative to the service root, query options reapplied where a link lacks them). {@code $top}
   * limits the total; the page size is the config's.
   */
  public ODataPager<B1Entity> list(String entitySet, ODataQuery query) {
    Objects.requireNonNull(query, "query");
    return ODataPager.builder(http.url(set(entitySet)).toString(), query, this::fetchPage)
        .mode(PagingMode.NEXT_LINK)
        .serviceRoot(config.serviceRoot.toString())
        .reapplyQueryOptions(true)
        .build();
  }

  /** Every entity of {@code entitySet} matching {@code query}, all pages. */
  public List<B1Entity> listAll(String entitySet, ODataQuery query) {
    return list(entitySet, query).fetchAll();
  }

  /**
   * One page of {@code entitySet}: {@code query} as given (its {@code $top} and {@code $skip}),
   * with the total count when {@code withCount} ({@code $inlinecount=allpages} on v1, {@code
   * $count=true} on v2).
   */
  public ODataPage<B1Entity> page(String entitySet, ODataQuery query, boolean withCount) {
    ODataQuery q = query;
    if (withCount) {
      q = config.version == ServiceLayerVersion.V2 ? q.param("$count", "true") : q.count(true);
    }
    return fetchPage(q.appendTo(http.url(set(entitySet)).toString()));
  }

  /** {@code GET entitySet/$count} with an optional filter (null for all). */
  public long count(String entitySet, ODataFilter filter) {
    ODataQuery q = filter == null ? query() : query().filter(filter);
    HttpUrl url = HttpUrl.get(q.appendTo(http.url(set(entitySet) + "/$count").toString()));
    Request request = new Request.Builder().url(url).get()
        .tag(RequestOptions.class, RequestOptions.builder().operation("count " + entitySet).build()).build();
    return http.execute(request, r -> {
      String text = r.body().string().trim();
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new B1FormatException(entitySet + "/$count answered \"" + (text.length() > 40 ? text.substring(0, 40) : text) + '"');
      }
    });
  }

  private ODataPage<B1Entity> fetchPage(String url) {
    Request.Builder b = new Request.Builder().url(url).get()
        .tag(RequestOptions.class, RequestOptions.builder().operation("list " + HttpUrl.get(url).pathSegments()
            .get(HttpUrl.get(url).pathSegments().size() - 1)).build());
    if (config.pageSizeHeader == SapB1Config.PageSizeHeader.B1S_PAGE_SIZE) {
      b.header("B1S-PageSize", String.valueOf(config.pageSize));
    } else {
      b.header("Prefer", "odata.maxpagesize=" + config.pageSize);
    }
    return http.execute(b.build(), r -> ODataPage.fromJson(r.body().string(), ENTITY));
  }

  /**
   * An incremental read of {@code entitySet} on {@code UpdateDate} + {@code UpdateTime}: records
   * changed at or after the cursor, in (UpdateDate, UpdateTime, key) order, at most {@code
   * pageSize}.
   *
   * <p>B1 compares times to the minute only, so the filter asks from the cursor's minute (less
   * {@code overlap}) and the client drops what it already read: with no overlap, records at or
   * before the cursor in (time, key) order; with an overlap, nothing (the caller de-duplicates).
   * Nothing changed in the same minute, or the same second, is missed.
   *
   * @param entitySet {@code BusinessPartners}, {@code Invoices} or another set with UpdateDate
   * @param keyField {@code CardCode} or {@code DocEntry}, the tie-breaker
   * @param extra a further filter ({@code CardType eq 'cCustomer'}), or null
   * @param after where to resume, or null for the beginning
   * @param overlap how far before the cursor to re-read (zero: strictly after)
   * @param pageSize the most records to return
   */
  public ChangePage readChanges(String entitySet, String keyField, ODataFilter extra, ChangePage.Cursor after,
      Duration overlap, int pageSize) {
    Objects.requireNonNull(overlap, "overlap");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
    ODataFilter filter = extra;
    if (after != null) {
      LocalDateTime from = after.updated().minus(overlap).truncatedTo(ChronoUnit.MINUTES);
      ODataFilter since = ODataFilter.changedSince("UpdateDate", "UpdateTime", from);
      filter = filter == null ? since : since.and(filter);
    }
    ODataQuery base = query().orderBy("UpdateDate").orderBy("UpdateTime").orderBy(keyField).top(pageSize);
    if (filter != null) {
      base = base.filter(filter);
    }
    boolean numericKey = keyField.equals("DocEntry") || keyField.equals("DocNum");
    List<B1Entity> out = new ArrayList<>();
    int skip = 0;
    boolean more;
    while (true) {
      ODataPage<B1Entity> server = page(entitySet, base.skip(skip), false);
      List<B1Entity> rows = server.items();
      for (B1Entity e : rows) {
        if (after != null && overlap.isZero() && !isAfter(e, keyField, numericKey, after)) {
          continue;
        }
        out.add(e);
      }
      // the server may cap a page below $top (its page size): a next link says more rows follow
      if (rows.isEmpty() || (server.nextLink() == null && rows.size() < pageSize)) {
        more = false;
        break;
      }
      if (out.size() >= pageSize) {
        more = true;
        break;
      }
      skip += rows.size();
    }
    if (out.size() > pageSize) {
      out = out.subList(0, pageSize);
      more = true;
    }
    ChangePage.Cursor next = null;
    if (!out.isEmpty()) {
      B1Entity last = out.get(out.size() - 1);
      next = new ChangePage.Cursor(changedAt(last), last.string(keyField));
    }
    return new ChangePage(out, next, more);
  }

  /** The change time of an entity: UpdateDate + UpdateTime (midnight when the time is absent). */
  public static LocalDateTime changedAt(B1Entity e) {
    if (e.date("UpdateDate") == null) {
      throw new B1FormatException("entity has no UpdateDate; select UpdateDate and UpdateTime");
    }
    return e.time("UpdateTime") == null ? e.date("UpdateDate").atStartOfDay()
        : e.date("UpdateDate").atTime(e.time("UpdateTime"));
  }

  private static boolean isAfter(B1Entity e, String keyField, boolean numericKey, ChangePage.Cursor after) {
    int byTime = changedAt(e).compareTo(after.updated());
    if (byTime != 0) {
      return byTime > 0;
    }
    String key = e.string(keyField);
    if (numericKey) {
      return Long.parseLong(key) > (after.key().isEmpty() ? Long.MIN_VALUE : Long.parseLong(after.key()));
    }
    return key.compareTo(after.key()) > 0;
  }

  // ------------------------------------------------------------------ typed reads

  /** The business partner {@code cardCode}, or empty. */
  public Optional<BusinessPartner> businessPartner(String cardCode) {
    return get("BusinessPartners", cardCode).map(BusinessPartner::of);
  }

  /** The A/R invoice {@code docEntry}, or empty. */
  public Optional<Document> invoice(long docEntry) {
    return get("Invoices", docEntry).map(Document::of);
  }

  /** The A/R credit note {@code docEntry}, or empty. */
  public Optional<Document> creditNote(long docEntry) {
    return get("CreditNotes", docEntry).map(Document::of);
  }

  /** The incoming payment {@code docEntry}, or empty. */
  public Optional<IncomingPayment> incomingPayment(long docEntry) {
    return get("IncomingPayments", docEntry).map(IncomingPayment::of);
  }

  /**
   * Every currency of the company ({@code GET Currencies}), in {@code Code} order, following the
   * server's next links like every other collection.
   */
  public List<B1Currency> currencies() {
    List<B1Currency> out = new ArrayList<>();
    for (B1Entity e : listAll("Currencies", query().orderBy("Code"))) {
      out.add(B1Currency.of(e));
    }
    return out;
  }

  /** The currency {@code code} ({@code Currencies('US$')}), or empty when the company has none of that code. */
  public Optional<B1Currency> currency(String code) {
    return get("Currencies", Objects.requireNonNull(code, "code")).map(B1Currency::of);
  }

  // ------------------------------------------------------------------ writes

  /**
   * {@code POST entitySet} with {@code body}; returns the created entity (201) with its ETag. Never
   * repeated by the transport: an answer lost on the way is an {@link
   * io.mlconnector.core.error.OutcomeUnknownException}.
   */
  public B1Entity create(String entitySet, Map<String, Object> body) {
    Objects.requireNonNull(body, "body");
    Request request = new Request.Builder()
        .url(http.url(set(entitySet)))
        .post(RequestBody.create(JsonText.write(body), JSON))
        .tag(RequestOptions.class, RequestOptions.builder().operation("create " + entitySet).build())
        .build();
    return http.execute(request, r -> {
      String text = r.body() == null ? "" : r.body().string();
      if (r.code() == 204 || text.isBlank()) {
        throw new B1FormatException("create " + entitySet + " answered " + r.code() + " without the entity");
      }
      return B1Entity.of(JsonText.object(text, entitySet + " answer"), r.header("ETag"));
    });
  }

  /** Creates an incoming payment. */
  public IncomingPayment postIncomingPayment(IncomingPayment.Draft draft) {
    return IncomingPayment.of(create("IncomingPayments", draft.toBody()));
  }

  /**
   * {@code PATCH entitySet(key)}: only the given fields change. Child collections are merged by
   * line unless {@code replaceCollections} ({@code B1S-ReplaceCollectionsOnPatch: true}). With
   * {@code ifMatch} (an ETag read before), a change made meanwhile is refused with a {@link
   * io.mlconnector.core.error.VersionMismatchException} (412/-2039). A PATCH of scalar fields is
   * safe to repeat and is retried on transient failures.
   */
  public void update(String entitySet, Object key, Map<String, Object> changes, String ifMatch,
      boolean replaceCollections) {
    Objects.requireNonNull(changes, "changes");
    boolean scalarOnly = changes.values().stream().noneMatch(v -> v instanceof Collection || v instanceof Map);
    Request.Builder b = new Request.Builder()
        .url(http.url(set(entitySet) + "(" + keyLiteral(key) + ")"))
        .patch(RequestBody.create(JsonText.write(changes), JSON))
        .tag(RequestOptions.class, RequestOptions.builder().operation("update " + entitySet)
            .repeatable(scalarOnly && !replaceCollections).build());
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (replaceCollections) {
      b.header("B1S-ReplaceCollectionsOnPatch", "true");
    }
    http.execute(b.build(), r -> null);
  }

  /** {@code POST entitySet(key)/action} ({@code Cancel}, {@code Close}, {@code Reopen}), with an optional ETag. */
  public void action(String entitySet, Object key, String action, String ifMatch) {
    if (action == null || !action.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("action must be a name like Cancel, was " + action);
    }
    Request.Builder b = new Request.Builder()
        .url(http.url(set(entitySet) + "(" + keyLiteral(key) + ")/" + action))
        .post(RequestBody.create(new byte[0], null))
        .tag(RequestOptions.class, RequestOptions.builder().operation(action + " " + entitySet).build());
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    http.execute(b.build(), r -> null);
  }

  /**
   * Sends a {@code $batch}. When a request failed (a change set is then rolled back as a whole),
   * throws the error of that request as a single call would; otherwise returns every answer.
   */
  public B1BatchResult batch(B1Batch batch) {
    Objects.requireNonNull(batch, "batch");
    HttpUrl url = http.url("$batch");
    BatchCodec.Encoded encoded = BatchCodec.encode(batch, url.encodedPath().replace("$batch", ""),
        url.host() + ":" + url.port());
    boolean readsOnly = batch.parts().stream().allMatch(p -> p.read() != null);
    Request request = new Request.Builder()
        .url(url)
        .post(RequestBody.create(encoded.body(), MediaType.get(encoded.contentType())))
        .tag(RequestOptions.class, RequestOptions.builder().operation("$batch").repeatable(readsOnly).build())
        .build();
    B1BatchResult result = http.execute(request,
        r -> BatchCodec.decode(r.header("Content-Type"), r.body().string()));
    for (B1BatchResult.Response part : result.responses()) {
      if (!part.ok()) {
        RemoteError remote = B1Errors.parse(part.body());
        throw http.errorMapper().fromResponse(SYSTEM, "$batch", part.status(), Headers.of(part.headers()), remote,
            readsOnly);
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ ping, close

  /** Checks {@code /ping/}, Login (by reading the service document) and one read, each with its latency. */
  public PingReport ping() {
    List<PingReport.Check> checks = new ArrayList<>();
    checks.add(check("ping", () -> {
      Request r = new Request.Builder().url(config.serviceRoot.resolve("/ping/")).get()
          .tag(RequestOptions.class, RequestOptions.builder().operation("ping").build()).build();
      return plain.execute(r, resp -> {
        Map<String, Object> m = JsonText.object(resp.body().string(), "/ping/ answer");
        return "answered " + m.get("message") + " from " + m.get("sender");
      });
    }));
    checks.add(check("login", () -> {
      Request r = new Request.Builder().url(http.url("")).get()
          .tag(RequestOptions.class, RequestOptions.builder().operation("service document").build()).build();
      http.execute(r, resp -> null);
      return "logged in to " + config.credentials.companyDb() + " as " + config.credentials.userName() + " ("
          + config.version.segment() + ")";
    }));
    checks.add(check("read", () -> {
      ODataPage<B1Entity> p = page("BusinessPartners", query().select("CardCode").top(1), false);
      return "read " + p.items().size() + " business partner(s)";
    }));
    return new PingReport(checks);
  }

  private interface Step {
    String run();
  }

  private PingReport.Check check(String name, Step step) {
    long start = System.nanoTime();
    try {
      String detail = step.run();
      return new PingReport.Check(name, true, Duration.ofNanos(System.nanoTime() - start), detail);
    } catch (ConnectorException e) {
      return new PingReport.Check(name, false, Duration.ofNanos(System.nanoTime() - start), e.getMessage());
    }
  }

  /** Logs out (freeing the licence seat) and releases what the transport keeps for the credential. */
  @Override
  public void close() {
    http.release();
  }

  @Override
  public String toString() {
    return "SapB1Client{" + config.tenant + ", " + config.serviceRoot + '}';
  }

  // ------------------------------------------------------------------ helpers

  /** The key literal: {@code 'C20000'} (quotes doubled) for text, {@code 123} for a whole number. */
  static String keyLiteral(Object key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof Integer || key instanceof Long || key instanceof Short) {
      return key.toString();
    }
    if (key instanceof CharSequence) {
      return ODataDialect.quote(key.toString());
    }
    throw new IllegalArgumentException("key must be a String or a whole number, was " + key.getClass().getName());
  }

  private static String set(String entitySet) {
    if (entitySet == null || !entitySet.matches("[A-Z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "entitySet must be a Service Layer entity set like Invoices (case-sensitive), was " + entitySet);
    }
    return entitySet;
  }
}
