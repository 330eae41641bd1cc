package io.mlconnector.syspro;

import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.codec.XmlFormatException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataPage;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.syspro.bo.ArCustomerQuery;
import io.mlconnector.syspro.bo.BusinessObjectDocument;
import io.mlconnector.syspro.bo.CombrwBrowse;
import io.mlconnector.syspro.bo.ComfchFetch;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.PostingOptions;
import io.mlconnector.syspro.internal.EnetCall;
import io.mlconnector.syspro.internal.EnetSession;
import io.mlconnector.syspro.internal.EnetTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SYSPRO 8 client for one tenant: e.net Solutions REST business objects over a pool of sessions,
 * and OData reads.
 *
 * <pre>{@code
 * try (SysproClient syspro = SysproClient.create(transport, config)) {
 *   SysproElement rows = syspro.query(ComfndQuery.of("ArCustomer", "Customer", "Name").limit(10));
 *   BusinessObjectResult r = syspro.post(payments, PostingOptions.defaults());
 * }
 * }</pre>
 *
 * <p><b>Sessions.</b> A call takes a free session from the pool (at most {@link
 * SysproConfig#sessionPoolSize()}, one call in flight per session, because SYSPRO serialises work
 * per session). A session logs on at its first call (one logon at a time per session; concurrent
 * callers wait for it), is replaced once when SYSPRO answers that the {@code UserId} is invalid
 * (idle expiry, or evicted by a second logon of the same operator) and the call is repeated once on
 * the new session. Sessions of the pool that evict each other make the pool shrink. {@link
 * #close()} logs off every session, so no e.net licence seat is left behind.
 *
 * <p><b>Errors.</b> An {@code ERROR...} answer (HTTP 200) becomes a {@link
 * io.mlconnector.core.error.RejectedException} carrying SYSPRO's text, or a {@link
 * TransientException} when the session is busy or kept being evicted; a logon refused for its
 * credentials is an {@link io.mlconnector.core.error.AuthenticationException}, one refused for want
 * of a licence seat is transient. A Setup or Transaction output with item errors or invalid counts
 * is a {@link BusinessObjectRejectedException}. Postings are never repeated by the transport (they
 * have no idempotency key): a posting whose answer was lost fails with an {@link
 * OutcomeUnknownException}; look it up by its reference before posting again.
 *
 * <p>All three answer framings seen on real installations are accepted (raw text, a JSON string, a
 * WCF {@code <string>}), Windows-1252 included. Thread-safe.
 */
public final class SysproClient implements AutoCloseable {

  private final SysproConfig config;
  private final Xml xml;
  private final EnetTransport enet;
  private final @Nullable SysproOData odata;

  private SysproClient(HttpTransport transport, SysproConfig config) {
    this.config = config;
    this.xml = Xml.create();
    this.enet =
        new EnetTransport(
            transport,
            new EnetTransport.Settings(
                config.tenant,
                config.credentialId,
                config.restBaseUrl,
                new EnetSession.Credentials(
                    config.credentials.operator(),
                    config.credentials.operatorPassword(),
                    config.credentials.companyId(),
                    config.credentials.companyPassword()),
                config.sessionPoolSize,
                config.acquireTimeout,
                config.sessionIdleTimeout,
                config.invalidSessionPattern,
                config.busyPattern,
                config.unavailablePattern,
                config.lostSessionPattern,
                config.maxGetUrlLength,
                config.maxAnswerBytes,
                config.postLdForm,
                config.logLevel,
                config.retryPolicy,
                config.readTimeout),
            xml);
    this.odata = config.hasOData() ? new SysproOData(transport, config) : null;
  }

  /**
   * A client on {@code transport} (shared per process) with {@code config}.
   *
   * @param transport the process's shared HTTP transport; the client derives its tenant's from it
   * @param config the tenant's endpoints, credentials and limits
   * @return the client; no remote call is made until it is used
   */
  public static SysproClient create(HttpTransport transport, SysproConfig config) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(config, "config");
    return new SysproClient(transport, config);
  }

  /**
   * The config.
   *
   * @return the config the client was created with
   */
  public SysproConfig config() {
    return config;
  }

  /**
   * The OData reader.
   *
   * @return the reader over the config's OData service
   * @throws IllegalStateException when the config has no OData settings
   */
  public SysproOData odata() {
    if (odata == null) {
      throw new IllegalStateException("no OData settings: call SysproConfig.Builder.odata(...)");
    }
    return odata;
  }

  /**
   * {@code GetVersion}: the SYSPRO version text.
   *
   * @return the text as e.net answers it
   */
  public String version() {
    return enet.callSimple("GetVersion", "GetVersion");
  }

  /**
   * {@code GetLogonProfile} of a pool session.
   *
   * @return the session's company, operator, currency and versions
   */
  public LogonProfile logonProfile() {
    return LogonProfile.of(
        read(EnetCall.of("GetLogonProfile", Map.of(), false, "GetLogonProfile")));
  }

  /**
   * {@code Query/Query} with a raw {@code XmlIn} document; returns the output document.
   *
   * @param businessObject the query business object, for example {@code ARSQRY}
   * @param xmlIn the business object's input document
   * @return the root element of the output
   */
  public SysproElement query(String businessObject, String xmlIn) {
    String bo = businessObject(businessObject);
    Objects.requireNonNull(xmlIn, "xmlIn");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("BusinessObject", bo);
    p.put("XmlIn", xmlIn);
    return read(EnetCall.of("Query/Query", p, false, bo + " query"));
  }

  /**
   * {@code Query/Query} of a typed query document (ARSQRY, COMFND, GENQRY).
   *
   * @param document the input document; its class names the business object
   * @return the root element of the output
   */
  public SysproElement query(BusinessObjectDocument document) {
    Objects.requireNonNull(document, "document");
    return query(document.businessObject(), xml.toXml(document));
  }

  /**
   * The ARSQRY statement of {@code customer} (normalised by the configured customer {@link
   * KeyFormat}): open invoices only, or every invoice with {@code includeZeroBalances}.
   *
   * @param customer the customer code as given
   * @param includeZeroBalances true to include invoices with nothing left to pay
   * @return the statement
   * @throws io.mlconnector.core.error.RejectedException when SYSPRO does not know the customer
   */
  public ArStatement customerStatement(String customer, boolean includeZeroBalances) {
    String code = config.customerKeys.customer(customer);
    return ArStatement.of(
        query(
            new ArCustomerQuery()
                .key(new ArCustomerQuery.CustomerKey().customer(code))
                .option(
                    new ArCustomerQuery.Option()
                        .includeInvoices(true)
                        .includeTransactions(false)
                        .includeZeroBalances(includeZeroBalances))));
  }

  /**
   * Rows of a COMFND query, one {@link SysproElement} per {@code Row} (column elements inside).
   *
   * @param query the query
   * @return the rows in SYSPRO's order; empty when none match
   */
  public List<SysproElement> find(ComfndQuery query) {
    return query(query).children("Row");
  }

  /**
   * {@code Query/Browse} (COMBRW).
   *
   * @param browse the browse document, starting at its {@code StartAtKey}
   * @return the root element of one page of output (see {@link BrowsePage#of})
   */
  public SysproElement browse(CombrwBrowse browse) {
    Objects.requireNonNull(browse, "browse");
    return read(
        EnetCall.of("Query/Browse", Map.of("XmlIn", xml.toXml(browse)), false, "COMBRW browse"));
  }

  /**
   * Every row COMBRW pages through from {@code browse}'s start key, following {@code NextKey} while
   * SYSPRO says a next page exists, at most {@code maxPages} pages.
   *
   * @param browse the browse document; its start key is restored afterwards
   * @param maxPages the most pages to read
   * @return every row, each a column name to value map, in SYSPRO's order
   * @throws IllegalArgumentException when {@code maxPages} is not positive
   */
  public List<Map<String, String>> browseAll(CombrwBrowse browse, int maxPages) {
    Objects.requireNonNull(browse, "browse");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be positive, was " + maxPages);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    String first = browse.startAtKey();
    String start = first;
    try {
      for (int page = 0; page < maxPages; page++) {
        BrowsePage p = BrowsePage.of(browse(browse.startAtKey(start)));
        rows.addAll(p.rows());
        if (!p.hasNext() || p.nextKey().isEmpty() || p.nextKey().equals(start)) {
          return rows;
        }
        start = p.nextKey();
      }
      return rows;
    } finally {
      browse.startAtKey(first);
    }
  }

  /**
   * {@code Query/Fetch} (COMFCH): one row, every column.
   *
   * @param fetch the fetch document naming the table and key
   * @return the root element of the output
   */
  public SysproElement fetch(ComfchFetch fetch) {
    Objects.requireNonNull(fetch, "fetch");
    return read(
        EnetCall.of("Query/Fetch", Map.of("XmlIn", xml.toXml(fetch)), false, "COMFCH fetch"));
  }

  /**
   * {@code Setup/Add|Update|Delete} with raw documents.
   *
   * @param method add, update or delete
   * @param businessObject the setup business object, for example {@code ARSSCS}
   * @param xmlParameters the business object's parameters document
   * @param xmlIn the business object's input document
   * @return the output, valid
   * @throws BusinessObjectRejectedException when the output reports item errors
   */
  public BusinessObjectResult setup(
      SetupMethod method, String businessObject, String xmlParameters, String xmlIn) {
    Objects.requireNonNull(method, "method");
    String bo = businessObject(businessObject);
    return write("Setup/" + method.path(), bo, xmlParameters, xmlIn, bo + " " + method.path());
  }

  /**
   * {@code Setup/Add|Update|Delete} of a typed document (ARSSCS, APSSSP).
   *
   * @param method add, update or delete
   * @param document the input document; its class names the business object
   * @param options the parameters, for example {@link PostingOptions#defaults()}
   * @return the output, valid
   * @throws BusinessObjectRejectedException when the output reports item errors
   */
  public BusinessObjectResult setup(
      SetupMethod method, BusinessObjectDocument document, PostingOptions options) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(options, "options");
    return setup(
        method,
        document.businessObject(),
        options.toXml(document.rootElement()),
        xml.toXml(document));
  }

  /**
   * {@code Transaction/Post} with raw documents; long documents go to {@code Transaction/PostLD}.
   *
   * @param businessObject the posting business object, for example {@code ARSTPY}
   * @param xmlParameters the business object's parameters document
   * @param xmlIn the business object's input document
   * @return the output, valid
   * @throws BusinessObjectRejectedException when the output reports item errors
   * @throws OutcomeUnknownException when the answer was lost: the posting may have landed
   */
  public BusinessObjectResult post(String businessObject, String xmlParameters, String xmlIn) {
    String bo = businessObject(businessObject);
    return write("Transaction/Post", bo, xmlParameters, xmlIn, bo + " post");
  }

  /**
   * {@code Transaction/Post} of a typed document (ARSTPY, APSTIN, GENTJL).
   *
   * @param document the input document; its class names the business object
   * @param options the parameters, for example {@link PostingOptions#defaults()}
   * @return the output, valid
   * @throws BusinessObjectRejectedException when the output reports item errors
   * @throws OutcomeUnknownException when the answer was lost: the posting may have landed
   */
  public BusinessObjectResult post(BusinessObjectDocument document, PostingOptions options) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(options, "options");
    return post(
        document.businessObject(), options.toXml(document.rootElement()), xml.toXml(document));
  }

  /**
   * Checks reachability, credentials and read permission, each with its latency: a fresh e.net
   * logon, {@code GetLogonProfile}, and (when configured) one OData read of {@code ArCustomer}.
   * Never throws for a failed check; the report says what failed.
   *
   * @return one check per step, in the order they ran
   */
  public PingReport ping() {
    List<PingReport.Check> checks = new ArrayList<>();
    EnetSession slot;
    try {
      slot = enet.pool().acquire();
    } catch (RuntimeException e) {
      checks.add(new PingReport.Check("logon", false, Duration.ZERO, describe(e)));
      return new PingReport(checks);
    }
    try {
      try {
        slot.client().endSession();
      } catch (RuntimeException e) {
        // a session that cannot be logged off is replaced by the logon below
      }
      long logonsBefore = slot.logonCount();
      long start = System.nanoTime();
      try {
        String text =
            enet.callOn(slot, EnetCall.of("GetLogonProfile", Map.of(), false, "GetLogonProfile"));
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        Duration logon = slot.logonCount() > logonsBefore ? slot.lastLogonTime() : Duration.ZERO;
        LogonProfile profile = LogonProfile.of(parse(text, "GetLogonProfile", false));
        checks.add(new PingReport.Check("logon", true, logon, "session opened"));
        checks.add(
            new PingReport.Check(
                "profile",
                true,
                total.minus(logon).isNegative() ? Duration.ZERO : total.minus(logon),
                "company "
                    + profile.companyName()
                    + ", SYSPRO "
                    + profile.sysproVersion()
                    + ", currency "
                    + profile.localCurrency()));
      } catch (RuntimeException e) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean loggedOn = slot.logonCount() > logonsBefore;
        checks.add(
            new PingReport.Check(
                "logon",
                loggedOn,
                loggedOn ? slot.lastLogonTime() : took,
                loggedOn ? "session opened" : describe(e)));
        if (loggedOn) {
          checks.add(new PingReport.Check("profile", false, took, describe(e)));
        }
      }
    } finally {
      enet.pool().release(slot);
    }
    if (odata != null) {
      long start = System.nanoTime();
      try {
        ODataPage<ODataRow> page =
            odata.page(config.odataTable("ArCustomer"), ODataQuery.of(ODataDialect.V4).top(1));
        checks.add(
            new PingReport.Check(
                "odata",
                true,
                Duration.ofNanos(System.nanoTime() - start),
                "read "
                    + page.items().size()
                    + " row(s) of "
                    + config.odataTable("ArCustomer").entitySet()));
      } catch (RuntimeException e) {
        checks.add(
            new PingReport.Check(
                "odata", false, Duration.ofNanos(System.nanoTime() - start), describe(e)));
      }
    }
    return new PingReport(checks);
  }

  /**
   * Sessions the pool holds now (for monitoring).
   *
   * @return the number of open e.net sessions
   */
  public int openSessions() {
    return enet.pool().size();
  }

  /** Logs off every e.net session of the pool (waiting, bounded, for calls in flight). */
  @Override
  public void close() {
    enet.close();
  }

  private SysproElement read(EnetCall call) {
    return parse(enet.call(call), call.operation(), false);
  }

  private BusinessObjectResult write(
      String path, String bo, String xmlParameters, String xmlIn, String operation) {
    Objects.requireNonNull(xmlParameters, "xmlParameters");
    Objects.requireNonNull(xmlIn, "xmlIn");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("BusinessObject", bo);
    p.put("XmlParameters", xmlParameters);
    p.put("XmlIn", xmlIn);
    SysproElement out = parse(enet.call(EnetCall.of(path, p, true, operation)), operation, true);
    BusinessObjectResult result = new BusinessObjectResult(bo, out);
    if (!result.isValid()) {
      // the first SYSPRO error number, even when an item message without one comes first
      String code =
          result.errors().stream()
              .map(SysproItemError::number)
              .filter(n -> !n.isEmpty())
              .findFirst()
              .orElse("");
      throw new BusinessObjectRejectedException(
          ErrorDetails.of("syspro", operation)
              .withHttpStatus(200)
              .withRemote(code.isEmpty() ? null : code, result.errorMessage()),
          result);
    }
    return result;
  }

  private SysproElement parse(String text, String operation, boolean write) {
    try {
      return SysproElement.of(
          xml.parseDocument(UndeclaredPrefixes.declare(text.strip())).getDocumentElement());
    } catch (XmlFormatException e) {
      ErrorDetails d =
          ErrorDetails.of("syspro", operation)
              .withHttpStatus(200)
              .withRemote(null, "answer is not XML: " + e.getMessage());
      throw write ? new OutcomeUnknownException(d, e) : new TransientException(d, e);
    }
  }

  private static String businessObject(String bo) {
    if (bo == null || !bo.matches("[A-Za-z0-9]{6}")) {
      throw new IllegalArgumentException(
          "businessObject must be a six-character SYSPRO name, was " + bo);
    }
    return bo.toUpperCase(Locale.ROOT);
  }

  private static String describe(RuntimeException e) {
    if (e instanceof ConnectorException) {
      ConnectorException c = (ConnectorException) e;
      return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @Override
  public String toString() {
    return "SysproClient{" + config + '}';
  }
}
