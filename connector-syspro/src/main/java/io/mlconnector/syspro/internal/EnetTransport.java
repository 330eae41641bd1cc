package io.mlconnector.syspro.internal;

import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.codec.XmlFormatException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
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
      Duration idleTimeout,
      Pattern invalidSession,
      Pattern busy,
      Pattern unavailable,
      int maxGetUrlLength,
      boolean postLdForm,
      HttpLogLevel logLevel,
      RetryPolicy retryPolicy,
      Duration readTimeout) {}

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

  /** A transport over {@code transport} with {@code settings}. */
  public EnetTransport(HttpTransport transport, Settings settings, Xml xml) {
    this.transport = transport;
    this.settings = settings;
    this.xml = xml;
    this.errors =
        new EnetErrors(settings.invalidSession(), settings.busy(), settings.unavailable());
    this.pool = new SessionPool(settings.poolSize(), settings.acquireTimeout(), this::newSlot);
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
            settings.postLdForm());
    String base = settings.restBaseUrl().toString();
    TenantConfig.Builder b =
        TenantConfig.builder(
                EnetErrors.SYSTEM,
                settings.tenant(),
                settings.credentialId() + "#" + instance + "." + index)
            .baseUrl(base.endsWith("/") ? base : base + "/")
            .sessionAuthenticator(slot)
            .sessionRenewalSkew(Duration.ZERO)
            .maxConcurrentCalls(1)
            .redactor(REDACTOR)
            .logLevel(settings.logLevel())
            .retryPolicy(settings.retryPolicy());
    if (settings.readTimeout() != null) {
      b.readTimeout(settings.readTimeout());
    }
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
      text =
          client.execute(
              request, r -> EnetBodies.text(EnetSession.bytes(r), EnetSession.contentType(r), xml));
    } catch (XmlFormatException e) {
      throw new TransientException(
          ErrorDetails.of(EnetErrors.SYSTEM, call.operation())
              .withHttpStatus(200)
              .withRemote(null, "unreadable answer: " + e.getMessage()),
          e);
    }
    if (EnetErrors.isError(text)) {
      throw errors.forCall(call.operation(), text);
    }
    return text;
  }

  /** Runs a call without parameters whose answer is plain text ({@code GetVersion}). */
  public String callSimple(String path, String operation) {
    EnetSession slot = pool.acquire();
    try {
      TenantClient client = slot.client();
      Request request =
          new Request.Builder()
              .url(client.url(path))
              .get()
              .tag(RequestOptions.class, RequestOptions.builder().operation(operation).build())
              .build();
      // GetVersion needs no UserId; the session adds one, which SYSPRO ignores.
      String text =
          client.execute(
              request, r -> EnetBodies.text(EnetSession.bytes(r), EnetSession.contentType(r), xml));
      if (EnetErrors.isError(text)) {
        throw errors.forCall(operation, text);
      }
      return text.strip();
    } finally {
      pool.release(slot);
    }
  }

  private Request build(TenantClient client, EnetCall call) {
    HttpUrl.Builder url = client.url(call.path).newBuilder();
    for (Map.Entry<String, String> e : call.parameters.entrySet()) {
      url.addQueryParameter(e.getKey(), e.getValue());
    }
    HttpUrl get = url.build();
    RequestOptions options =
        RequestOptions.builder().operation(call.operation()).repeatable(!call.write).build();
    if (call.path.equalsIgnoreCase("Transaction/Post")
        && get.toString().length() + 120 > settings.maxGetUrlLength()) {
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

  /** Logs off every session. */
  @Override
  public void close() {
    pool.close();
  }
}
