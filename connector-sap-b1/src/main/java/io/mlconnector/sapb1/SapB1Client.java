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
import io.mlconnector.sapb1.internal.ChangeReader;
import io.mlconnector.sapb1.internal.JsonText;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
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
import org.jspecify.annotations.Nullable;

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
  private final ChangeReader changes = new ChangeReader((set, q) -> page(set, q, false));

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

  /**
   * A client on {@code transport} (shared per process) with {@code config}.
   *
   * @param transport the process's HTTP transport
   * @param config the tenant's settings
   * @return the client; it logs in on its first request
   */
  public static SapB1Client create(HttpTransport transport, SapB1Config config) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(config, "config");
    return new SapB1Client(transport, config);
  }

  /**
   * The config.
   *
   * @return the settings this client was created with
   */
  public SapB1Config config() {
    return config;
  }

  /**
   * The protocol version.
   *
   * @return {@link ServiceLayerVersion#V1} or {@link ServiceLayerVersion#V2}, from the service root
   */
  public ServiceLayerVersion version() {
    return config.version;
  }

  /**
   * An empty query in this service's literal dialect.
   *
   * @return a query without options
   */
  public ODataQuery query() {
    return ODataQuery.of(dialect);
  }

  /**
   * {@code field eq member} for an enum property, written as the config says ({@code CardType eq
   * 'cCustomer'} or {@code CardType eq SAPB1.BoCardTypes'cCustomer'}).
   *
   * @param field the property, e.g. {@code CardType}
   * @param enumType the enum's type name, e.g. {@code BoCardTypes}
   * @param member the member, e.g. {@code cCustomer}
   * @return the filter
   * @throws IllegalArgumentException if {@code field} or {@code enumType} is not a name
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
   *
   * @param entitySet the entity set, e.g. {@code Invoices} (case-sensitive)
   * @param key the key: a {@code String} or a whole number
   * @return the entity with its ETag, or empty when it does not exist
   * @throws IllegalArgumentException if the set is not a name or the key neither text nor a whole
   *     number
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
   *
   * @param entitySet the entity set, e.g. {@code BusinessPartners}
   * @param query filter, select, order and {@code $top}
   * @return a pager that reads each page when asked
   */
  public ODataPager<B1Entity> list(String entitySet, ODataQuery query) {
    Objects.requireNonNull(query, "query");
    return ODataPager.builder(http.url(set(entitySet)).toString(), query, this::fetchPage)
        .mode(PagingMode.NEXT_LINK)
        .serviceRoot(config.serviceRoot.toString())
        .reapplyQueryOptions(true)
        .build();
  }

  /**
   * Every entity of {@code entitySet} matching {@code query}, all pages.
   *
   * @param entitySet the entity set, e.g. {@code BusinessPartners}
   * @param query filter, select, order and {@code $top}
   * @return the entities in the server's order; empty when none match
   */
  public List<B1Entity> listAll(String entitySet, ODataQuery query) {
    return list(entitySet, query).fetchAll();
  }

  /**
   * One page of {@code entitySet}: {@code query} as given (its {@code $top} and {@code $skip}),
   * with the total count when {@code withCount} ({@code $inlinecount=allpages} on v1, {@code
   * $count=true} on v2).
   *
   * @param entitySet the entity set, e.g. {@code Invoices}
   * @param query the query, sent as given
   * @param withCount whether to ask for the total count
   * @return the page, with its next link and (when asked) the count
   */
  public ODataPage<B1Entity> page(String entitySet, ODataQuery query, boolean withCount) {
    ODataQuery q = query;
    if (withCount) {
      q = config.version == ServiceLayerVersion.V2 ? q.param("$count", "true") : q.count(true);
    }
    return fetchPage(q.appendTo(http.url(set(entitySet)).toString()));
  }

  /**
   * {@code GET entitySet/$count} with an optional filter (null for all).
   *
   * @param entitySet the entity set, e.g. {@code Invoices}
   * @param filter the filter, or null for all
   * @return the number of entities matching
   * @throws B1FormatException if the answer is not a number
   */
  public long count(String entitySet, @Nullable ODataFilter filter) {
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
   * Nothing changed in the same minute, or the same second, is missed. A read that resumes from a
   * cursor this client returned starts at that cursor's place in its minute (checked: the record
   * found there must be the cursor's), so many records sharing one minute are not read again for
   * every page.
   *
   * @param entitySet {@code BusinessPartners}, {@code Invoices} or another set with UpdateDate
   * @param keyField {@code CardCode} or {@code DocEntry}, the tie-breaker
   * @param extra a further filter ({@code CardType eq 'cCustomer'}), or null
   * @param after where to resume, or null for the beginning
   * @param overlap how far before the cursor to re-read (zero: strictly after)
   * @param pageSize the most records to return
   * @return the changed records and the cursor after the last of them
   * @throws IllegalArgumentException if {@code pageSize} is below 1
   */
  public ChangePage readChanges(String entitySet, String keyField, @Nullable ODataFilter extra, ChangePage.@Nullable Cursor after,
      Duration overlap, int pageSize) {
    Objects.requireNonNull(overlap, "overlap");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
    return changes.read(query(), entitySet, keyField, extra, after, overlap, pageSize);
  }

  /**
   * The change time of an entity: UpdateDate + UpdateTime (midnight when the time is absent).
   *
   * @param e an entity read with {@code UpdateDate} and {@code UpdateTime}
   * @return the date and time of its last change
   * @throws B1FormatException if the entity has no {@code UpdateDate}
   */
  public static LocalDateTime changedAt(B1Entity e) {
    if (e.date("UpdateDate") == null) {
      throw new B1FormatException("entity has no UpdateDate; select UpdateDate and UpdateTime");
    }
    return e.time("UpdateTime") == null ? e.date("UpdateDate").atStartOfDay()
        : e.date("UpdateDate").atTime(e.time("UpdateTime"));
  }

  // ------------------------------------------------------------------ typed reads

  /**
   * The business partner {@code cardCode}, or empty.
   *
   * @param cardCode the {@code CardCode}
   * @return the business partner, or empty when there is none
   */
  public Optional<BusinessPartner> businessPartner(String cardCode) {
    return get("BusinessPartners", cardCode).map(BusinessPartner::of);
  }

  /**
   * The A/R invoice {@code docEntry}, or empty.
   *
   * @param docEntry the invoice's {@code DocEntry}
   * @return the invoice, or empty when there is none
   */
  public Optional<Document> invoice(long docEntry) {
    return get("Invoices", docEntry).map(Document::of);
  }

  /**
   * The A/R credit note {@code docEntry}, or empty.
   *
   * @param docEntry the credit note's {@code DocEntry}
   * @return the credit note, or empty when there is none
   */
  public Optional<Document> creditNote(long docEntry) {
    return get("CreditNotes", docEntry).map(Document::of);
  }

  /**
   * The incoming payment {@code docEntry}, or empty.
   *
   * @param docEntry the payment's {@code DocEntry}
   * @return the payment, or empty when there is none
   */
  public Optional<IncomingPayment> incomingPayment(long docEntry) {
    return get("IncomingPayments", docEntry).map(IncomingPayment::of);
  }

  /**
   * Every currency of the company ({@code GET Currencies}), in {@code Code} order, following the
   * server's next links like every other collection.
   *
   * @return the currencies; empty for a company that defines none
   */
  public List<B1Currency> currencies() {
    List<B1Currency> out = new ArrayList<>();
    for (B1Entity e : listAll("Currencies", query().orderBy("Code"))) {
      out.add(B1Currency.of(e));
    }
    return out;
  }

  /**
   * The currency {@code code} ({@code Currencies('US$')}), or empty when the company has none of
   *     that code.
   *
   * @param code the B1 currency code, e.g. {@code US$} (not always the ISO code)
   * @return the currency, or empty
   */
  public Optional<B1Currency> currency(String code) {
    return get("Currencies", Objects.requireNonNull(code, "code")).map(B1Currency::of);
  }

  // ------------------------------------------------------------------ writes

  /**
   * {@code POST entitySet} with {@code body}; returns the created entity (201) with its ETag. Never
   * repeated by the transport: an answer lost on the way is an {@link
   * io.mlconnector.core.error.OutcomeUnknownException}.
   *
   * @param entitySet the entity set, e.g. {@code IncomingPayments}
   * @param body the entity's fields, as JSON values
   * @return the created entity with its ETag
   * @throws B1FormatException if the answer carries no entity
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

  /**
   * Creates an incoming payment.
   *
   * @param draft the payment to create
   * @return the payment as created, with its {@code DocEntry}
   */
  public IncomingPayment postIncomingPayment(IncomingPayment.Draft draft) {
    return IncomingPayment.of(create("IncomingPayments", draft.toBody()));
  }

  /**
   * {@code PATCH entitySet(key)}: only the given fields change. Child collections are merged by
   * line unless {@code replaceCollections} ({@code B1S-ReplaceCollectionsOnPatch: true}). With
   * {@code ifMatch} (an ETag read before), a change made meanwhile is refused with a {@link
   * io.mlconnector.core.error.VersionMismatchException} (412/-2039). A PATCH of scalar fields is
   * safe to repeat and is retried on transient failures.
   *
   * @param entitySet the entity set, e.g. {@code BusinessPartners}
   * @param key the key: a {@code String} or a whole number
   * @param changes the fields to change, as JSON values
   * @param ifMatch the ETag the entity must still have, or null to change it whatever its state
   * @param replaceCollections true to replace child collections instead of merging them
   */
  public void update(String entitySet, Object key, Map<String, Object> changes, @Nullable String ifMatch,
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

  /**
   * {@code POST entitySet(key)/action} ({@code Cancel}, {@code Close}, {@code Reopen}), with an
   *     optional ETag.
   *
   * @param entitySet the entity set, e.g. {@code IncomingPayments}
   * @param key the key: a {@code String} or a whole number
   * @param action the action's name, e.g. {@code Cancel}
   * @param ifMatch the ETag the entity must still have, or null
   * @throws IllegalArgumentException if {@code action} is not a name
   */
  public void action(String entitySet, Object key, String action, @Nullable String ifMatch) {
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
   *
   * @param batch the requests and change sets
   * @return every answer, in order
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

  /**
   * Checks {@code /ping/}, Login (by reading the service document) and one read, each with its
   *     latency.
   *
   * @return the three checks; a failed one says why
   */
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

  private static String set(@Nullable String entitySet) {
    if (entitySet == null || !entitySet.matches("[A-Z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "entitySet must be a Service Layer entity set like Invoices (case-sensitive), was " + entitySet);
    }
    return entitySet;
  }
}
