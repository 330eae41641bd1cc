package io.mlconnector.syspro;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one tenant's SYSPRO client. Immutable; build with {@link #builder(String,
 * String)}.
 *
 * <pre>{@code
 * SysproConfig config = SysproConfig.builder("acme", "acme/syspro")
 *     .restBaseUrl("https://erp.acme.example:31002/SYSPROWCFService/Rest")
 *     .credentials(SysproCredentials.of("INTEG", operatorPassword, "EDU1", ""))
 *     .sessionPoolSize(2)           // the operator must allow 2 concurrent users
 *     .odata("https://erp.acme.example/SYSPRO8Odata/SYSPROOData/EDU1", "INTEG", odataPassword)
 *     .build();
 * }</pre>
 *
 * <p>Settings for behaviour the reference marks <i>unconfirmed</i> are all here, with the most
 * plausible default: the text of the invalid-session, busy and licence answers, the URL length
 * above which {@code Transaction/PostLD} is used, its envelope or form variant, the key formats,
 * OData entity set names and incremental columns, the OData row cap, and the table and column a
 * payment's reference is found in.
 */
public final class SysproConfig {

  final String tenant;
  final String credentialId;
  final HttpUrl restBaseUrl;
  final SysproCredentials credentials;
  final int sessionPoolSize;
  final Duration acquireTimeout;
  final @Nullable Duration sessionIdleTimeout;
  final Pattern invalidSessionPattern;
  final Pattern busyPattern;
  final Pattern unavailablePattern;
  final Pattern lostSessionPattern;
  final int maxGetUrlLength;
  final long maxAnswerBytes;
  final boolean postLdForm;
  final KeyFormat customerKeys;
  final KeyFormat supplierKeys;
  final HttpLogLevel logLevel;
  final RetryPolicy retryPolicy;
  final @Nullable Duration readTimeout;
  final @Nullable HttpUrl odataServiceUrl;
  final @Nullable String odataUser;
  final @Nullable Secret odataPassword;
  final int odataRowCap;
  final Map<String, ODataTable> odataTables;
  final String paymentTable;
  final String paymentReferenceColumn;
  final String customerTaxIdColumn;

  private SysproConfig(Builder b) {
    this.tenant = b.tenant;
    this.credentialId = b.credentialId;
    this.restBaseUrl = b.restBaseUrl;
    this.credentials = b.credentials;
    this.sessionPoolSize = b.sessionPoolSize;
    this.acquireTimeout = b.acquireTimeout;
    this.sessionIdleTimeout = b.sessionIdleTimeout;
    this.invalidSessionPattern = b.invalidSessionPattern;
    this.busyPattern = b.busyPattern;
    this.unavailablePattern = b.unavailablePattern;
    this.lostSessionPattern = b.lostSessionPattern;
    this.maxGetUrlLength = b.maxGetUrlLength;
    this.maxAnswerBytes = b.maxAnswerBytes;
    this.postLdForm = b.postLdForm;
    this.customerKeys = b.customerKeys;
    this.supplierKeys = b.supplierKeys;
    this.logLevel = b.logLevel;
    this.retryPolicy = b.retryPolicy;
    this.readTimeout = b.readTimeout;
    this.odataServiceUrl = b.odataServiceUrl;
    this.odataUser = b.odataUser;
    this.odataPassword = b.odataPassword;
    this.odataRowCap = b.odataRowCap;
    this.odataTables = Map.copyOf(b.odataTables);
    this.paymentTable = b.paymentTable;
    this.paymentReferenceColumn = b.paymentReferenceColumn;
    this.customerTaxIdColumn = b.customerTaxIdColumn;
  }

  /**
   * A builder.
   *
   * @param tenant the host's tenant id
   * @param credentialId the host's name for this SYSPRO credential (not the secret)
   * @return a builder; {@link Builder#restBaseUrl} and {@link Builder#credentials} are required
   * @throws IllegalArgumentException when {@code tenant} or {@code credentialId} is blank
   */
  public static Builder builder(String tenant, String credentialId) {
    return new Builder(tenant, credentialId);
  }

  /**
   * The {@code ArCustomer} column read as a customer's tax registration number ({@link
   * io.mlconnector.core.model.Customer#taxId()}); see {@link Builder#customerTaxIdColumn}.
   *
   * @return the column's SQL name
   */
  public String customerTaxIdColumn() {
    return customerTaxIdColumn;
  }

  /**
   * The tenant.
   *
   * @return the host's tenant id
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The credential id.
   *
   * @return the host's name for this SYSPRO credential
   */
  public String credentialId() {
    return credentialId;
  }

  /**
   * The e.net REST base URL ({@code .../SYSPROWCFService/Rest}).
   *
   * @return the URL
   */
  public HttpUrl restBaseUrl() {
    return restBaseUrl;
  }

  /**
   * The number of e.net sessions the client may hold at once.
   *
   * @return 1 to 64
   */
  public int sessionPoolSize() {
    return sessionPoolSize;
  }

  /**
   * The key format of customer codes.
   *
   * @return the format
   */
  public KeyFormat customerKeys() {
    return customerKeys;
  }

  /**
   * The key format of supplier codes.
   *
   * @return the format
   */
  public KeyFormat supplierKeys() {
    return supplierKeys;
  }

  /**
   * The OData table settings for {@code sqlName}.
   *
   * @param sqlName the table's SQL name, for example {@code ArCustomer}
   * @return the table's settings
   * @throws IllegalArgumentException when no table of that name is configured
   */
  public ODataTable odataTable(String sqlName) {
    ODataTable t = odataTables.get(sqlName);
    if (t == null) {
      throw new IllegalArgumentException("no OData table configured for " + sqlName);
    }
    return t;
  }

  /**
   * Whether OData settings are present.
   *
   * @return true when {@link Builder#odata} was called
   */
  public boolean hasOData() {
    return odataServiceUrl != null;
  }

  @Override
  public String toString() {
    Redactor r = Redactor.defaults();
    return "SysproConfig{tenant="
        + tenant
        + ", credentialId="
        + credentialId
        + ", restBaseUrl="
        + r.url(restBaseUrl)
        + ", sessionPoolSize="
        + sessionPoolSize
        + ", odata="
        + (odataServiceUrl == null ? null : r.url(odataServiceUrl))
        + ", credentials=***}";
  }

  /** Builds a {@link SysproConfig}; every setter checks its argument. */
  public static final class Builder {
    private final String tenant;
    private final String credentialId;
    private @Nullable HttpUrl restBaseUrl;
    private @Nullable SysproCredentials credentials;
    private int sessionPoolSize = 1;
    private Duration acquireTimeout = Duration.ofMinutes(2);
    private @Nullable Duration sessionIdleTimeout;
    private Pattern invalidSessionPattern =
        Pattern.compile(
            "(?i)(user ?id\\b.*\\b(invalid|not valid|expired|not"
                + " logged)|session.*(invalid|expired))");
    private Pattern busyPattern = Pattern.compile("(?i)(currently processing|\\bbusy\\b)");
    private Pattern unavailablePattern =
        Pattern.compile("(?i)(licen[cs]e|already logged|in use|too many)");
    private Pattern lostSessionPattern =
        Pattern.compile("(?i)unable to read the syspro base directory registry|\\bBaseDir\\d+\\b");
    private int maxGetUrlLength = 4096;
    private long maxAnswerBytes = 32L * 1024 * 1024;
    private boolean postLdForm;
    private KeyFormat customerKeys = KeyFormat.alphanumeric(KeyFormat.MAX_LENGTH);
    private KeyFormat supplierKeys = KeyFormat.alphanumeric(KeyFormat.MAX_LENGTH);
    private HttpLogLevel logLevel = HttpLogLevel.HEADERS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable Duration readTimeout;
    private @Nullable HttpUrl odataServiceUrl;
    private @Nullable String odataUser;
    private @Nullable Secret odataPassword;
    private int odataRowCap = 5000;
    private final Map<String, ODataTable> odataTables = new LinkedHashMap<>();
    private String paymentTable = "ArInvoicePay";
    private String paymentReferenceColumn = "Reference";
    private String customerTaxIdColumn = "TaxRegnNum";

    private Builder(String tenant, String credentialId) {
      this.tenant = requireText(tenant, "tenant");
      this.credentialId = requireText(credentialId, "credentialId");
      for (ODataTable t :
          new ODataTable[] {
            ODataTable.arCustomer(),
            ODataTable.arInvoice(),
            ODataTable.arInvoiceLines(),
            ODataTable.apSupplier(),
            ODataTable.genMaster()
          }) {
        odataTables.put(t.sqlName(), t);
      }
    }

    /**
     * The e.net REST base, ending in {@code /SYSPROWCFService/Rest} (port is site-specific).
     *
     * @param url an http(s) URL
     * @return this builder
     * @throws IllegalArgumentException when {@code url} is blank or not an http(s) URL
     */
    public Builder restBaseUrl(String url) {
      requireText(url, "restBaseUrl");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException("restBaseUrl is not an http(s) URL: " + url);
      }
      this.restBaseUrl = parsed;
      return this;
    }

    /**
     * The logon values.
     *
     * @param credentials operator, company and their passwords
     * @return this builder
     */
    public Builder credentials(SysproCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sessions held at once (default 1). SYSPRO serialises work per session, so more sessions mean
     * more parallel calls, but each holds an e.net licence seat and a second logon of an operator
     * with one concurrent user evicts the first: use more than one only with an operator set up for
     * that many concurrent users. A pool that finds its sessions evicting each other shrinks
     * itself.
     *
     * @param size the most sessions, 1 to 64
     * @return this builder
     */
    public Builder sessionPoolSize(int size) {
      if (size < 1 || size > 64) {
        throw new IllegalArgumentException("sessionPoolSize must be 1..64, was " + size);
      }
      this.sessionPoolSize = size;
      return this;
    }

    /**
     * How long a call waits for a free session before failing transiently (default 2 min).
     *
     * @param timeout the wait, positive
     * @return this builder
     */
    public Builder acquireTimeout(Duration timeout) {
      this.acquireTimeout = positive(timeout, "acquireTimeout");
      return this;
    }

    /**
     * SYSPRO's idle timeout, if known (the SYSPRO 8 default is unconfirmed): a session idle that
     * long is logged off and replaced before the next call instead of failing once. Unset by
     * default: an expired session is then detected by its answer and replaced once.
     *
     * @param timeout SYSPRO's idle timeout, positive
     * @return this builder
     */
    public Builder sessionIdleTimeout(Duration timeout) {
      this.sessionIdleTimeout = positive(timeout, "sessionIdleTimeout");
      return this;
    }

    /**
     * The pattern an {@code ERROR} answer matches when the session is invalid, expired or evicted
     * (default: "UserID ... invalid/expired"; the SYSPRO 8 wording is unconfirmed).
     *
     * @param pattern found (not matched whole) in the answer's text
     * @return this builder
     */
    public Builder invalidSessionPattern(Pattern pattern) {
      this.invalidSessionPattern = Objects.requireNonNull(pattern, "invalidSessionPattern");
      return this;
    }

    /**
     * The pattern of an {@code ERROR} answer saying the session is busy (transient).
     *
     * @param pattern found (not matched whole) in the answer's text
     * @return this builder
     */
    public Builder busyPattern(Pattern pattern) {
      this.busyPattern = Objects.requireNonNull(pattern, "busyPattern");
      return this;
    }

    /**
     * The pattern of a {@code Logon} {@code ERROR} that is transient rather than a credential
     * problem: no licence seat free, operator already logged in (wording unconfirmed).
     *
     * @param pattern found (not matched whole) in the answer's text
     * @return this builder
     */
    public Builder unavailablePattern(Pattern pattern) {
      this.unavailablePattern = Objects.requireNonNull(pattern, "unavailablePattern");
      return this;
    }

    /**
     * The pattern of an {@code ERROR} answer saying SYSPRO lost the session's context (default: the
     * {@code Unable to read the SYSPRO base directory registry string BaseDir8} family, seen as the
     * answer to a stale session id). Such an answer is handled like an invalid session: the slot
     * logs on once more and the call is repeated once; a second one in a row is transient, never a
     * rejected record. Set a pattern that matches nothing to treat these answers as rejections.
     *
     * @param pattern found (not matched whole) in the answer's text
     * @return this builder
     */
    public Builder lostSessionPattern(Pattern pattern) {
      this.lostSessionPattern = Objects.requireNonNull(pattern, "lostSessionPattern");
      return this;
    }

    /**
     * The largest e.net answer read, in bytes (default 32 MiB). An answer is read whole into
     * memory to be parsed, so a larger one fails the call with a clear error instead of running
     * the JVM out of memory: a read fails as rejected, a posting as outcome-unknown (it may have
     * landed). Narrow the query (fewer rows or columns) rather than raising this far.
     *
     * @param bytes the limit, positive
     * @return this builder
     */
    public Builder maxAnswerBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxAnswerBytes must be positive, was " + bytes);
      }
      this.maxAnswerBytes = bytes;
      return this;
    }

    /**
     * The longest {@code Transaction/Post} GET URL sent, session id included (default 4,096; the
     * real limit is site-specific: SYSPRO's self-hosted service runs on HTTP.sys, whose request
     * line limit is 16 KB by default, and real servers accepted 2,300 to 2,800 character postings
     * as GETs); longer postings go to {@code Transaction/PostLD}. Lower it for a site behind a
     * proxy with a smaller limit; raise it for a site without {@code PostLD}.
     *
     * @param length the limit in characters, at least 256
     * @return this builder
     */
    public Builder maxGetUrlLength(int length) {
      if (length < 256) {
        throw new IllegalArgumentException("maxGetUrlLength must be at least 256, was " + length);
      }
      this.maxGetUrlLength = length;
      return this;
    }

    /**
     * Sends {@code Transaction/PostLD} as a form ({@code application/x-www-form-urlencoded} with
     * {@code UserId}, {@code BusinessObject}, {@code XmlParameters}, {@code XmlIn}) instead of the
     * {@code TransactionPostLD} XML envelope (default false). Only the envelope was observed
     * against a SYSPRO 8 service; the form is unconfirmed, for sites whose service refuses the
     * envelope.
     *
     * @param form true to send a form
     * @return this builder
     */
    public Builder postLdAsForm(boolean form) {
      this.postLdForm = form;
      return this;
    }

    /**
     * The customer code format (default alphanumeric, 15).
     *
     * @param format the format the site's customer codes follow
     * @return this builder
     */
    public Builder customerKeys(KeyFormat format) {
      this.customerKeys = Objects.requireNonNull(format, "customerKeys");
      return this;
    }

    /**
     * The supplier code format (default alphanumeric, 15).
     *
     * @param format the format the site's supplier codes follow
     * @return this builder
     */
    public Builder supplierKeys(KeyFormat format) {
      this.supplierKeys = Objects.requireNonNull(format, "supplierKeys");
      return this;
    }

    /**
     * How much of each exchange is logged at DEBUG (secrets always masked).
     *
     * @param level the level (default {@code HEADERS})
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "logLevel");
      return this;
    }

    /**
     * The retry policy for reads (postings are never repeated).
     *
     * @param policy the policy (default {@link RetryPolicy#defaults()})
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * The read timeout (business objects can be slow); default the transport's.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * The OData service root of the company ({@code https://host/SYSPRO8Odata/SYSPROOData/EDU1}:
     * the whole prefix is site configuration) and its Basic credentials (operator code and the
     * OData password set in Operator Maintenance).
     *
     * @param serviceUrl the service root, an http(s) URL
     * @param user the operator code
     * @param password the operator's OData password
     * @return this builder
     * @throws IllegalArgumentException when the URL or the user is blank or the URL is not http(s)
     */
    public Builder odata(String serviceUrl, String user, String password) {
      return odata(serviceUrl, user, Secret.of(Objects.requireNonNull(password, "odata password")));
    }

    /**
     * {@link #odata(String, String, String)} with the password held as a {@link Secret}.
     *
     * @param serviceUrl the service root, an http(s) URL
     * @param user the operator code
     * @param password the operator's OData password
     * @return this builder
     * @throws IllegalArgumentException when the URL or the user is blank or the URL is not http(s)
     */
    public Builder odata(String serviceUrl, String user, Secret password) {
      requireText(serviceUrl, "odata serviceUrl");
      HttpUrl parsed = HttpUrl.parse(serviceUrl);
      if (parsed == null) {
        throw new IllegalArgumentException("odata serviceUrl is not an http(s) URL: " + serviceUrl);
      }
      this.odataServiceUrl = parsed;
      this.odataUser = requireText(user, "odata user");
      this.odataPassword = Objects.requireNonNull(password, "odata password");
      return this;
    }

    /**
     * The most rows the OData service returns per request (default 5,000).
     *
     * @param rows the server's row cap, positive
     * @return this builder
     */
    public Builder odataRowCap(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("odataRowCap must be positive, was " + rows);
      }
      this.odataRowCap = rows;
      return this;
    }

    /**
     * Replaces the OData settings of one table (entity set name, keys, strategy).
     *
     * @param table the settings, replacing those of the table with the same SQL name
     * @return this builder
     */
    public Builder odataTable(ODataTable table) {
      Objects.requireNonNull(table, "odataTable");
      odataTables.put(table.sqlName(), table);
      return this;
    }

    /**
     * Where a posted payment's {@code Reference} can be found again with COMFND (default {@code
     * ArInvoicePay.Reference}; unconfirmed, configure per site).
     *
     * @param table the table's SQL name
     * @param column the column holding the reference
     * @return this builder
     */
    public Builder paymentReferenceLookup(String table, String column) {
      this.paymentTable = requireText(table, "table");
      this.paymentReferenceColumn = requireText(column, "column");
      return this;
    }

    /**
     * The {@code ArCustomer} column holding a customer's tax registration number (default {@code
     * TaxRegnNum}, the name {@code ApSupplier} uses). <b>Unconfirmed</b>: the reference does not
     * name a tax number column on {@code ArCustomer}; check the site's {@code $metadata} (or a
     * custom-form column) and configure it. A column the rows do not carry leaves the tax id empty.
     *
     * @param column the column's SQL name
     * @return this builder
     */
    public Builder customerTaxIdColumn(String column) {
      this.customerTaxIdColumn = requireText(column, "customerTaxIdColumn");
      return this;
    }

    /**
     * The config.
     *
     * @return the config, immutable
     * @throws IllegalStateException when the REST base URL or the credentials are missing
     */
    public SysproConfig build() {
      if (restBaseUrl == null) {
        throw new IllegalStateException("restBaseUrl is required");
      }
      if (credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      return new SysproConfig(this);
    }

    private static String requireText(@Nullable String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
