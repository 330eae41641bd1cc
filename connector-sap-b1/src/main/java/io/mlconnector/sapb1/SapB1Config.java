package io.mlconnector.sapb1;

import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.RetryPolicy;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one tenant's {@link SapB1Client}. Immutable and validated; build it with {@link
 * #builder(String, String, String, SapB1Credentials)}:
 *
 * <pre>{@code
 * SapB1Config config = SapB1Config.builder("acme", "acme/sap", "https://b1.acme.com:50000/b1s/v2/",
 *         SapB1Credentials.of("SBODEMOUS", "manager", Secret.of(password)))
 *     .trustedCertificates(exportedServerCertificate)   // a default install's self-signed certificate
 *     .build();
 * }</pre>
 *
 * <p>Every fact the product's SAP B1 reference marks unconfirmed is a switch here, documented on
 * its builder method and in the README. {@link #toString()} shows no secret.
 */
public final class SapB1Config {

  /** Where the stamp of a write rides (see {@link Builder#paymentStampField}). */
  public static final String DEFAULT_PAYMENT_STAMP_FIELD = "Remarks";

  /** How the page size is asked for. */
  public enum PageSizeHeader {
    /** {@code B1S-PageSize: n} (SAP's own header). */
    B1S_PAGE_SIZE,
    /** {@code Prefer: odata.maxpagesize=n} (the OData standard). */
    PREFER
  }

  /** How enum values are written in filters. */
  public enum EnumLiterals {
    /** {@code CardType eq 'cCustomer'}: accepted by both versions per the SAP manual. */
    QUOTED_NAME,
    /** {@code CardType eq SAPB1.BoCardTypes'cCustomer'}: the strict V4 form, v2 only. */
    QUALIFIED
  }

  final String tenant;
  final String credentialId;
  final HttpUrl serviceRoot;
  final ServiceLayerVersion version;
  final SapB1Credentials credentials;
  final boolean tlsVerification;
  final List<X509Certificate> trustedCertificates;
  final int maxConcurrentRequests;
  final int pageSize;
  final PageSizeHeader pageSizeHeader;
  final EnumLiterals enumLiterals;
  final boolean timeSecondsInFilters;
  final Duration sessionRenewalSkew;
  final Duration readTimeout;
  final RetryPolicy retryPolicy;
  final HttpLogLevel logLevel;
  final String seatsExhaustedPattern;
  final SapB1SessionStore sessionStore;
  final Duration seatRetryInitial;
  final Duration seatRetryMax;
  final int licenceSeats;
  final String paymentStampField;
  final @Nullable String transferAccount;
  final String localCurrency;

  private SapB1Config(Builder b) {
    this.tenant = b.tenant;
    this.credentialId = b.credentialId;
    this.serviceRoot = b.serviceRoot;
    this.version = b.version;
    this.credentials = b.credentials;
    this.tlsVerification = b.tlsVerification;
    this.trustedCertificates = b.trustedCertificates;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.pageSize = b.pageSize;
    this.pageSizeHeader = b.pageSizeHeader;
    this.enumLiterals = b.enumLiterals;
    this.timeSecondsInFilters = b.timeSecondsInFilters;
    this.sessionRenewalSkew = b.sessionRenewalSkew;
    this.readTimeout = b.readTimeout;
    this.retryPolicy = b.retryPolicy;
    this.logLevel = b.logLevel;
    this.seatsExhaustedPattern = b.seatsExhaustedPattern;
    this.sessionStore = b.sessionStore;
    this.seatRetryInitial = b.seatRetryInitial;
    this.seatRetryMax = b.seatRetryMax;
    this.licenceSeats = b.licenceSeats;
    this.paymentStampField = b.paymentStampField;
    this.transferAccount = b.transferAccount;
    this.localCurrency = b.localCurrency;
  }

  /**
   * A builder.
   *
   * @param tenant the tenant this client serves
   * @param credentialId the host's id of the credential (names the shared session: one licence seat
   *     per credential id)
   * @param serviceRoot {@code https://host:50000/b1s/v1/} or {@code .../b1s/v2/}; the version is
   *     read from it
   * @param credentials the Login values
   * @throws IllegalArgumentException when the URL is not a Service Layer root
   * @return a builder with the defaults documented on each setter
   */
  public static Builder builder(String tenant, String credentialId, String serviceRoot, SapB1Credentials credentials) {
    return new Builder(tenant, credentialId, serviceRoot, credentials);
  }

  /**
   * A builder starting from this config.
   *
   * @return a builder holding every setting of this config
   */
  public Builder toBuilder() {
    Builder b = new Builder(tenant, credentialId, serviceRoot.toString(), credentials);
    b.tlsVerification = tlsVerification;
    b.trustedCertificates = trustedCertificates;
    b.maxConcurrentRequests = maxConcurrentRequests;
    b.pageSize = pageSize;
    b.pageSizeHeader = pageSizeHeader;
    b.enumLiterals = enumLiterals;
    b.timeSecondsInFilters = timeSecondsInFilters;
    b.sessionRenewalSkew = sessionRenewalSkew;
    b.readTimeout = readTimeout;
    b.retryPolicy = retryPolicy;
    b.logLevel = logLevel;
    b.seatsExhaustedPattern = seatsExhaustedPattern;
    b.sessionStore = sessionStore;
    b.seatRetryInitial = seatRetryInitial;
    b.seatRetryMax = seatRetryMax;
    b.licenceSeats = licenceSeats;
    b.paymentStampField = paymentStampField;
    b.transferAccount = transferAccount;
    b.localCurrency = localCurrency;
    return b;
  }

  /**
   * The tenant.
   *
   * @return the tenant
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The credential id.
   *
   * @return the credential id; never a secret
   */
  public String credentialId() {
    return credentialId;
  }

  /**
   * The service root, with a trailing slash.
   *
   * @return the URL
   */
  public HttpUrl serviceRoot() {
    return serviceRoot;
  }

  /**
   * The protocol version, from the service root.
   *
   * @return {@link ServiceLayerVersion#V1} or {@link ServiceLayerVersion#V2}
   */
  public ServiceLayerVersion version() {
    return version;
  }

  /**
   * The Login values.
   *
   * @return the company database, user and password
   */
  public SapB1Credentials credentials() {
    return credentials;
  }

  /**
   * The most requests in flight at once on this credential.
   *
   * @return the most requests in flight, 1 to 40
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /**
   * The page size asked for on collection reads.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Where the client keeps its Service Layer session (see {@link Builder#sessionStore}).
   *
   * @return the store; in memory unless set
   */
  public SapB1SessionStore sessionStore() {
    return sessionStore;
  }

  /**
   * The user's licence seats as configured ({@link Builder#licenceSeats}).
   *
   * @return the seats, or 0 when not configured
   */
  public int licenceSeats() {
    return licenceSeats;
  }

  /**
   * The field of an incoming payment that carries the stamp of the write.
   *
   * @return {@code Remarks}, {@code JournalRemarks} or a {@code U_} field
   */
  public String paymentStampField() {
    return paymentStampField;
  }

  /**
   * The G/L account incoming payments are booked to as bank transfers, or null when not set.
   *
   * @return the account code, or null
   */
  public @Nullable String transferAccount() {
    return transferAccount;
  }

  /**
   * The company's local currency.
   *
   * @return the ISO 4217 code in upper case
   */
  public String localCurrency() {
    return localCurrency;
  }

  @Override
  public String toString() {
    return "SapB1Config{tenant=" + tenant + ", credentialId=" + credentialId + ", serviceRoot=" + serviceRoot
        + ", version=" + version + ", credentials=" + credentials + ", tlsVerification=" + tlsVerification
        + ", pinnedCertificates=" + trustedCertificates.size() + ", maxConcurrentRequests=" + maxConcurrentRequests
        + ", pageSize=" + pageSize + ", paymentStampField=" + paymentStampField + ", sessionStore=" + sessionStore
        + ", licenceSeats=" + licenceSeats + '}';
  }

  /** Builds a {@link SapB1Config}; every setter checks its argument. */
  public static final class Builder {
    private final String tenant;
    private final String credentialId;
    private final HttpUrl serviceRoot;
    private final ServiceLayerVersion version;
    private final SapB1Credentials credentials;
    private boolean tlsVerification = true;
    private List<X509Certificate> trustedCertificates = List.of();
    private int maxConcurrentRequests = 8;
    private int pageSize = 100;
    private PageSizeHeader pageSizeHeader = PageSizeHeader.B1S_PAGE_SIZE;
    private EnumLiterals enumLiterals = EnumLiterals.QUOTED_NAME;
    private boolean timeSecondsInFilters;
    private Duration sessionRenewalSkew = Duration.ofMinutes(2);
    private Duration readTimeout = Duration.ofSeconds(120);
    private RetryPolicy retryPolicy = RetryPolicy.defaults().toBuilder().retryOn500(true).build();
    private HttpLogLevel logLevel = HttpLogLevel.HEADERS;
    private String seatsExhaustedPattern = "(?i)licen[cs]e|seat";
    private SapB1SessionStore sessionStore = SapB1SessionStore.inMemory();
    private Duration seatRetryInitial = Duration.ofSeconds(30);
    private Duration seatRetryMax = Duration.ofMinutes(5);
    private int licenceSeats;
    private String paymentStampField = DEFAULT_PAYMENT_STAMP_FIELD;
    private @Nullable String transferAccount;
    private String localCurrency = "USD";

    private Builder(String tenant, String credentialId, String serviceRoot, SapB1Credentials credentials) {
      this.tenant = text(tenant, "tenant");
      this.credentialId = text(credentialId, "credentialId");
      Objects.requireNonNull(serviceRoot, "serviceRoot");
      String root = serviceRoot.endsWith("/") ? serviceRoot : serviceRoot + "/";
      HttpUrl url = HttpUrl.parse(root);
      if (url == null) {
        throw new IllegalArgumentException("serviceRoot must be an http(s) URL, was \"" + serviceRoot + '"');
      }
      List<String> segs = url.pathSegments();
      int n = segs.size();
      if (n < 3 || !segs.get(n - 3).equals("b1s") || !segs.get(n - 1).isEmpty()) {
        throw new IllegalArgumentException(
            "serviceRoot must end in /b1s/v1/ or /b1s/v2/ (paths are case-sensitive), was " + url.redact());
      }
      switch (segs.get(n - 2)) {
        case "v1":
          this.version = ServiceLayerVersion.V1;
          break;
        case "v2":
          this.version = ServiceLayerVersion.V2;
          break;
        default:
          throw new IllegalArgumentException(
              "serviceRoot must end in /b1s/v1/ or /b1s/v2/, was " + url.redact());
      }
      this.serviceRoot = url;
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Trusts exactly these server certificates (the self-signed certificate a default install
     * serves, exported by the administrator). TLS verification stays on.
     *
     * @param certificates the certificates to trust; none trusts only the JDK's default authorities
     * @return this builder
     */
    public Builder trustedCertificates(X509Certificate... certificates) {
      Objects.requireNonNull(certificates, "certificates");
      this.trustedCertificates = List.of(certificates);
      return this;
    }

    /**
     * Turns TLS verification OFF (logged at WARN for every client built). Only for a test server;
     * prefer {@link #trustedCertificates}.
     *
     * @return this builder
     */
    public Builder insecureSkipTlsVerification() {
      this.tlsVerification = false;
      return this;
    }

    /**
     * The most requests in flight at once on this credential (default 8). The Service Layer
     * saturates near 40 concurrent requests per node; stay well below.
     *
     * @param max the most requests in flight, 1 to 40
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is out of range
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1 || max > 40) {
        throw new IllegalArgumentException("maxConcurrentRequests must be 1..40, was " + max);
      }
      this.maxConcurrentRequests = max;
      return this;
    }

    /**
     * The page size asked for on collection reads (default 100; the server's own default is 20).
     *
     * @param pageSize records per page, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * How the page size is asked for (default {@code B1S-PageSize}).
     *
     * @param header the header
     * @return this builder
     */
    public Builder pageSizeHeader(PageSizeHeader header) {
      this.pageSizeHeader = Objects.requireNonNull(header, "header");
      return this;
    }

    /**
     * How enum values are written in filters (default quoted names, which both versions accept).
     *
     * @param literals the form
     * @return this builder
     */
    public Builder enumLiterals(EnumLiterals literals) {
      this.enumLiterals = Objects.requireNonNull(literals, "literals");
      return this;
    }

    /**
     * Whether time literals in filters carry seconds ({@code '10:15:30'}); B1 compares times to
     * the minute either way (default false: {@code '10:15'}).
     *
     * @param seconds true to write seconds
     * @return this builder
     */
    public Builder timeSecondsInFilters(boolean seconds) {
      this.timeSecondsInFilters = seconds;
      return this;
    }

    /**
     * How long before the idle timeout a session is renewed (default 2 minutes).
     *
     * @param skew the time before the timeout, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code skew} is negative
     */
    public Builder sessionRenewalSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("sessionRenewalSkew must not be negative, was " + skew);
      }
      this.sessionRenewalSkew = skew;
      return this;
    }

    /**
     * The read timeout (default 120 s: a slow Login or a large batch can take long).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The retry policy for reads and other safe requests (default core's, plus 500: the proxy
     *     answers an empty 500 on hiccups).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How much of each exchange is logged at DEBUG (default headers; secrets are masked).
     *
     * @param level the level
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * A regular expression that, found in a refused Login's SAP message or code, means "no licence
     * seat free" rather than bad credentials (default {@code (?i)licen[cs]e|seat}). The product's
     * SAP B1 reference has no source for what the Service Layer answers then: set this to the
     * server's text or code where it differs (a code such as {@code ^100000048$} works too). Such
     * a refusal is a {@link io.mlconnector.core.error.RateLimitedException}: see {@link
     * #seatRetry}.
     *
     * @param regex a {@link java.util.regex.Pattern} expression, found anywhere in the message or code
     * @return this builder
     * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid expression
     */
    public Builder seatsExhaustedPattern(String regex) {
      java.util.regex.Pattern.compile(Objects.requireNonNull(regex, "regex"));
      this.seatsExhaustedPattern = regex;
      return this;
    }

    /**
     * How long the client waits after a Login refused for want of a licence seat before it sends
     * Login again (default 30 s, doubling on each further refusal up to 5 minutes: a seat frees
     * when a person logs out or an idle session times out, 30 minutes by default). Meanwhile every
     * call that needs a session fails at once with a {@link
     * io.mlconnector.core.error.RateLimitedException} whose {@code retryAfter} is the wait left, so
     * a sync engine retries its records later instead of parking them; no Login is sent.
     *
     * @param initial the first wait; zero retries Login at once
     * @param max the longest wait, not below {@code initial}
     * @return this builder
     * @throws IllegalArgumentException when {@code initial} is negative or {@code max} below it
     */
    public Builder seatRetry(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative()) {
        throw new IllegalArgumentException("seatRetry initial must not be negative, was " + initial);
      }
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("seatRetry max (" + max + ") must not be below initial (" + initial + ")");
      }
      this.seatRetryInitial = initial;
      this.seatRetryMax = max;
      return this;
    }

    /**
     * How many licence seats the B1 user has, as the host knows it (informational, default 0: not
     * configured): the warning logged when no seat is free names it.
     *
     * @param seats the number of seats, 0 when not known
     * @return this builder
     * @throws IllegalArgumentException if {@code seats} is negative
     */
    public Builder licenceSeats(int seats) {
      if (seats < 0) {
        throw new IllegalArgumentException("licenceSeats must not be negative, was " + seats);
      }
      this.licenceSeats = seats;
      return this;
    }

    /**
     * Where the client keeps its Service Layer session (default {@link
     * SapB1SessionStore#inMemory()}). With a durable store ({@link
     * SapB1SessionStore#encrypted(io.mlconnector.core.credential.CredentialStore)}), a process
     * started again after a crash takes over the session, and its licence seat, of the one that
     * died instead of taking another seat until the dead session idles out.
     *
     * @param store the store
     * @return this builder
     */
    public Builder sessionStore(SapB1SessionStore store) {
      this.sessionStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The incoming-payment field that carries the stamp of a write (default {@code Remarks}: a
     * 254-character free-text field every install has, unused by B1's logic, filterable with
     * {@code eq}). {@code JournalRemarks} (50 characters: long stamps are hashed) or a user-defined
     * field {@code U_...} of 254 characters (recommended where an administrator can add and index
     * one) also work; the other of Remarks/JournalRemarks links re-posted payments to the ones they
     * replace.
     *
     * @param field {@code Remarks}, {@code JournalRemarks} or a {@code U_} field
     * @return this builder
     * @throws IllegalArgumentException if {@code field} is another field
     */
    public Builder paymentStampField(String field) {
      Objects.requireNonNull(field, "field");
      if (!field.matches("Remarks|JournalRemarks|U_[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException(
            "paymentStampField must be Remarks, JournalRemarks or a U_ field (CounterReference and the reference fields"
                + " are too short for a stamp), was " + field);
      }
      this.paymentStampField = field;
      return this;
    }

    /**
     * The G/L account incoming payments are booked to as bank transfers (the clearing account).
     *
     * @param account the G/L account code, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code account} is blank
     */
    public Builder transferAccount(String account) {
      this.transferAccount = text(account, "transferAccount");
      return this;
    }

    /**
     * The company's local currency (default USD): amounts in it are {@code SumApplied}, others
     *     {@code AppliedFC}.
     *
     * @param code ISO 4217 code, any case, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code code} is blank
     */
    public Builder localCurrency(String code) {
      this.localCurrency = text(code, "localCurrency").toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * The config.
     *
     * @return the config
     * @throws IllegalStateException if qualified enum literals are asked for on {@code /b1s/v1}
     */
    public SapB1Config build() {
      if (enumLiterals == EnumLiterals.QUALIFIED && version == ServiceLayerVersion.V1) {
        throw new IllegalStateException("qualified enum literals (SAPB1.BoCardTypes'...') exist on /b1s/v2 only");
      }
      return new SapB1Config(this);
    }

    private static String text(@Nullable String v, String name) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return v;
    }
  }
}
