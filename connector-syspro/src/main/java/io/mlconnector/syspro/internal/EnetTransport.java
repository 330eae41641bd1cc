package io.mlconnector.syspro.internal;

import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.codec.XmlFormatException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends e.net calls through the session pool: picks a free session, builds the GET (or the {@code
 * PostLD} POST for long postings), decodes the answer's framing and turns {@code ERROR} answers
 * into typed exceptions.
 */
public final class EnetTransport implements AutoCloseable {

  /** Settings the transport needs. */
  public record Settings(
      String tenant,
      String credentialId,
      HttpUrl restBaseUrl,
      EnetSession.Credentials credentials,
      int poolSize,
      Duration acquireTimeout,
      @Nullable Duration idleTimeout,
      Pattern invalidSession,
      Pattern busy,
      Pattern unavailable,
      Pattern lostSession,
      int maxGetUrlLength,
      long maxAnswerBytes,
      boolean postLdForm,
      HttpLogLevel logLevel,
      RetryPolicy retryPolicy,
      @Nullable Duration readTimeout) {}

  /** Masks every logon value and the session id wherever they appear in logged URLs and bodies. */
  public static final Redactor REDACTOR =
      Redactor.builder()
          .fields("UserId", "Operator", "OperatorPassword", "CompanyId", "CompanyPassword")
          .build();

  private final Settings settings;
  private final Xml xml;
  private final EnetErrors errors;
  private final SessionPool pool;
  private final HttpTransport transport;
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final TenantClient sessionless;

  /** Room kept in a GET URL for the {@code UserId} the session adds (SYSPRO 8 ids reach ~75). */
  static final int USER_ID_RESERVE = 100;

  /** A transport over {@code transport} with {@code settings}. */
  public EnetTransport(HttpTransport transport, Settings settings, Xml xml) {
    this.transport = transport;
    this.settings = settings;
    this.xml = xml;
    this.errors =
        new EnetErrors(
            settings.invalidSession(),
            settings.busy(),
            settings.unavailable(),
            settings.lostSession());
    this.pool = new SessionPool(settings.poolSize(), settings.acquireTimeout(), this::newSlot);
    this.sessionless = transport.newClient(config(settings.credentialId() + "#" + instance).build());
  }

  private TenantConfig.Builder config(String credential) {
    String base = settings.restBaseUrl().toString();
    TenantConfig.Builder b =
        TenantConfig.builder(EnetErrors.SYSTEM, settings.tenant(), credential)
            .baseUrl(base.endsWith("/") ? base : base + "/")
            .redactor(REDACTOR)
            .logLevel(settings.logLevel())
            .retryPolicy(settings.retryPolicy());
    if (settings.readTimeout() != null) {
      b.readTimeout(settings.readTimeout());
    }
    return b;
  }

  private EnetSession newSlot(int index) {
    EnetSession slot =
        new EnetSession(
            index,
            settings.credentials(),
            errors,
            xml,
            settings.idleTimeout(),
            pool,
            settings.postLdForm(),
            settings.maxAnswerBytes());
    TenantConfig.Builder b =
        config(settings.credentialId() + "#" + instance + "." + index)
            .sessionAuthenticator(slot)
            .sessionRenewalSkew(Duration.ZERO)
            .maxConcurrentCalls(1);
    TenantClient client = transport.newClient(b.build());
    slot.bind(client);
    return slot;
  }

  /** The pool. */
  public SessionPool pool() {
    return pool;
  }

  /** The classifier of ERROR answers. */
  public EnetErrors errors() {
    return errors;
  }

  /**
   * Runs {@code call} on a free session and returns the answer's text with its framing removed.
   *
   * @throws ConnectorException for transport failures and for {@code ERROR} answers
   */
  public String call(EnetCall call) {
    EnetSession slot = pool.acquire();
    try {
      return callOn(slot, call);
    } finally {
      pool.release(slot);
    }
  }

  /** Runs {@code call} on {@code slot}, which the caller holds. */
  public String callOn(EnetSession slot, EnetCall call) {
    TenantClient client = slot.client();
    Request request = build(client, call);
    String text;
    try {
      text = client.execute(request, r -> text(r, call.operation(), call.write));
    } catch (XmlFormatException e) {
      throw new TransientException(
          ErrorDetails.of(EnetErrors.SYSTEM, call.operation())
              .withHttpStatus(200)
              .withRemote(null, "unreadable answer: " + e.getMessage()),
          e);
    } catch (ConnectorException e) {
      EnetCall sent = request.tag(EnetCall.class);
      if (sent != null && sent.postLd && (e.httpStatus() == 404 || e.httpStatus() == 405)) {
        throw new RejectedException(
            ErrorDetails.of(EnetErrors.SYSTEM, call.operation())
                .withHttpStatus(e.httpStatus())
                .withRemote(
                    null,
                    "the posting's GET URL would be longer than maxGetUrlLength ("
                        + settings.maxGetUrlLength()
                        + " characters), so it was sent to POST Transaction/PostLD, which this"
                        + " SYSPRO service does not have (HTTP "
                        + e.httpStatus()
                        + "); nothing was posted. Raise SysproConfig maxGetUrlLength to what the"
                        + " server accepts as a GET, or post smaller documents"),
            e);
      }
      throw e;
    }
    if (EnetErrors.isError(text)) {
      throw errors.forCall(call.operation(), text);
    }
    return text;
  }

  /**
   * Runs a call that needs no session and whose answer is plain text ({@code GetVersion}): no
   * logon, no {@code UserId}, no pool slot.
   */
  public String callSimple(String path, String operation) {
    Request request =
        new Request.Builder()
            .url(sessionless.url(path))
            .get()
            .tag(RequestOptions.class, RequestOptions.builder().operation(operation).build())
            .build();
    String text = sessionless.execute(request, r -> text(r, operation, false));
    if (EnetErrors.isError(text)) {
      throw errors.forCall(operation, text);
    }
    return text.strip();
  }

  private String text(okhttp3.Response r, String operation, boolean write) throws java.io.IOException {
    return EnetBodies.text(
        EnetSession.bytes(r, settings.maxAnswerBytes(), operation, write),
        EnetSession.contentType(r),
        xml);
  }

  private Request build(TenantClient client, EnetCall call) {
    HttpUrl get = client.url(call.path).newBuilder().encodedQuery(query(call.parameters)).build();
    RequestOptions options =
        RequestOptions.builder().operation(call.operation()).repeatable(!call.write).build();
    if (call.path.equalsIgnoreCase("Transaction/Post")
        && get.toString().length() + USER_ID_RESERVE > settings.maxGetUrlLength()) {
      EnetCall ld = call.asPostLd();
      return new Request.Builder()
          .url(client.url(ld.path))
          .post(RequestBody.create(new byte[0]))
          .tag(EnetCall.class, ld)
          .tag(RequestOptions.class, options)
          .build();
    }
    return new Request.Builder()
        .url(get)
        .get()
        .tag(EnetCall.class, call)
        .tag(RequestOptions.class, options)
        .build();
  }

  /**
   * The query string of {@code parameters}, encoded as other e.net clients send it: characters
   * that carry no meaning in a query value ({@code / : ( ) = ? @ ! * , ;}) stay as they are, which
   * keeps XML documents short; what would change the meaning ({@code & + # %}, spaces, quotes,
   * angle brackets, non-ASCII as UTF-8) is percent-encoded.
   */
  static String query(Map<String, String> parameters) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      encode(e.getKey(), sb);
      sb.append('=');
      encode(e.getValue(), sb);
    }
    return sb.toString();
  }

  private static final String KEPT = "-._~/:()=?@!*,;$";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static void encode(String value, StringBuilder sb) {
    for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (c < 0x80 && KEPT.indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  /** Logs off every session. */
  @Override
  public void close() {
    pool.close();
    sessionless.release();
  }
}
