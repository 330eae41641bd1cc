package io.mlconnector.core.http;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.internal.CallState;
import io.mlconnector.core.http.internal.ConcurrencyLimitInterceptor;
import io.mlconnector.core.http.internal.InsecureTls;
import io.mlconnector.core.http.internal.LoggingInterceptor;
import io.mlconnector.core.http.internal.RateLimitInterceptor;
import io.mlconnector.core.http.internal.RetryInterceptor;
import io.mlconnector.core.http.internal.SessionHolder;
import io.mlconnector.core.http.internal.SessionInterceptor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One tenant's client of one remote system, derived from the process-wide {@link HttpTransport}
 * (it shares its connection pool and dispatcher). Applies, for every call: the retry policy, the
 * session (single-flight login and one repeat on expiry), the credential's rate budget, and
 * redacted DEBUG logging. Immutable and thread-safe; create it with {@link
 * HttpTransport#newClient(TenantConfig)}.
 *
 * <pre>{@code
 * Customer c = client.execute(
 *     new Request.Builder().url(client.url("v1/customers/cus_123")).build(),
 *     response -> adapter.fromJson(response.body().source()));
 * }</pre>
 */
public final class TenantClient {

  private static final long MAX_ERROR_BODY = 64 * 1024;

  private final HttpTransport transport;
  private final TenantConfig config;
  private final CredentialKey key;
  private final OkHttpClient okHttpClient;
  private final RateBudget budget;
  private final SessionHolder session;
  private final TenantClient sessionless;
  private final ErrorMapper errorMapper;

  TenantClient(HttpTransport transport, TenantConfig config, SessionHolder session) {
    this.transport = transport;
    this.config = config;
    this.key = config.credentialKey();
    this.budget =
        config.rateBudget() == null ? null : transport.rateBudgets().budget(key, config.rateBudget());
    this.session = session;
    this.sessionless = session == null ? this : new TenantClient(transport, config, null);
    this.errorMapper = ErrorMapper.create(config.requestIdHeaders(), transport.clock());

    OkHttpClient.Builder b = transport.okHttpClient().newBuilder();
    if (config.connectTimeout() != null) {
      b.connectTimeout(config.connectTimeout());
    }
    if (config.readTimeout() != null) {
      b.readTimeout(config.readTimeout());
    }
    if (config.writeTimeout() != null) {
      b.writeTimeout(config.writeTimeout());
    }
    if (config.callTimeout() != null) {
      b.callTimeout(config.callTimeout());
    }
    if (config.proxy() != null) {
      b.proxy(config.proxy());
    }
    if (!config.tlsVerification()) {
      InsecureTls.apply(b);
    } else if (!config.trustedCertificates().isEmpty()) {
      io.mlconnector.core.http.internal.PinnedTls.apply(b, config.trustedCertificates());
    }
    Clock clock = transport.clock();
    b.addInterceptor(
        new RetryInterceptor(
            config.retryPolicy(), clock, transport.sleeper(), transport.random(), transport.listener()));
    if (session != null) {
      b.addInterceptor(new SessionInterceptor(session, sessionless));
    }
    if (config.maxConcurrentCalls() > 0) {
      b.addInterceptor(
          new ConcurrencyLimitInterceptor(transport.callSlots(key, config.maxConcurrentCalls())));
    }
    if (budget != null) {
      b.addInterceptor(new RateLimitInterceptor(budget, clock));
    }
    SessionHolder holder = session != null ? session : transport.sessionHolderIfPresent(key);
    b.addInterceptor(
        new LoggingInterceptor(
            config.logLevel(),
            config.redactor(),
            holder == null ? Collections::emptyList : holder::secretValues,
            config.system() + "/" + config.tenant()));
    this.okHttpClient = b.build();
  }

  /** {@return the settings this client was built from} */
  public TenantConfig config() {
    return config;
  }

  /** {@return the (system, credential id) key of the shared budget and session} */
  public CredentialKey credentialKey() {
    return key;
  }

  /**
   * The derived OkHttp client, with this tenant's timeouts, proxy, TLS and interceptors. Calls made
   * on it directly get no {@link RequestOptions}-based retry decision beyond "not repeatable";
   * prefer {@link #execute(Request)}.
   *
   * @return the derived client
   */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /** {@return the credential's rate budget, if the config has one} */
  public Optional<RateBudget> rateBudget() {
    return Optional.ofNullable(budget);
  }

  /**
   * {@code pathAndQuery} resolved against the base URL ({@code "v1/customers?limit=10"}); a
   * leading slash resolves against the host root.
   *
   * @param pathAndQuery a path relative to the base URL, with an optional query
   * @return the absolute URL
   * @throws IllegalStateException when the config has no base URL
   * @throws IllegalArgumentException when the result is not a valid URL
   */
  public HttpUrl url(String pathAndQuery) {
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (config.baseUrl() == null) {
      throw new IllegalStateException("TenantConfig of " + key + " has no baseUrl");
    }
    HttpUrl resolved = config.baseUrl().resolve(pathAndQuery);
    if (resolved == null) {
      throw new IllegalArgumentException("pathAndQuery does not resolve to a valid URL");
    }
    return resolved;
  }

  /**
   * Whether the transport may repeat {@code request}: see {@link RetryPolicy} for the rule.
   *
   * @param request the request
   * @return true when repeating it cannot apply it twice
   */
  public boolean isRepeatable(Request request) {
    Objects.requireNonNull(request, "request");
    RequestBody body = request.body();
    if (body != null && body.isOneShot()) {
      return false;
    }
    Boolean explicit = RequestOptions.of(request).repeatable();
    if (explicit != null) {
      return explicit;
    }
    RetryPolicy policy = config.retryPolicy();
    String key = request.header(policy.idempotencyKeyHeader());
    if (key != null && !key.isBlank()) {
      return true;
    }
    return policy.safeMethods().contains(request.method());
  }

  /**
   * The operation name of {@code request}: its {@link RequestOptions} name or "METHOD /path".
   *
   * @param request the request
   * @return the name used in errors, logs and events
   */
  public String operation(Request request) {
    String named = RequestOptions.of(request).operation();
    return named != null ? named : request.method() + " " + request.url().encodedPath();
  }

  /**
   * Executes {@code request} and returns the answer, whatever its status; the caller closes it.
   *
   * @param request the request; tag it with {@link RequestOptions} to name it or to decide whether
   *     it may be repeated
   * @return the answer, open
   * @throws ConnectorException when no answer could be had: {@link TransientException} for a
   *     request safe to repeat (or one never sent), {@link
   *     io.mlconnector.core.error.OutcomeUnknownException} when it may have landed, {@link
   *     RateLimitedException} when the rate budget could not grant a permit in time, or whatever
   *     the session authenticator threw
   */
  public Response execute(Request request) {
    Objects.requireNonNull(request, "request");
    boolean repeatable = isRepeatable(request);
    String operation = operation(request);
    CallInfo info = new CallInfo(key, config.tenant(), operation, request.method());
    CallState state = new CallState(info, repeatable);
    Request tagged = request.newBuilder().tag(CallState.class, state).build();
    TransportListener listener = transport.listener();
    Instant start = transport.clock().instant();
    listener.callStart(info);
    try {
      Response response = okHttpClient.newCall(tagged).execute();
      listener.callEnd(info, response.code(), state.attempts(), elapsed(start));
      return response;
    } catch (IOException e) {
      ConnectorException mapped =
          errorMapper.fromIOException(config.system(), operation, e, repeatable);
      listener.callFailed(info, mapped, elapsed(start));
      throw mapped;
    } catch (RateBudget.BudgetExhaustedException e) {
      RateLimitedException mapped =
          new RateLimitedException(
              ErrorDetails.of(config.system(), operation)
                  .withRemote(null, "local rate budget exhausted"),
              e.wouldWait(),
              e);
      listener.callFailed(info, mapped, elapsed(start));
      throw mapped;
    } catch (RuntimeException e) {
      listener.callFailed(info, e, elapsed(start));
      throw e;
    }
  }

  /**
   * Executes {@code request}; hands a 2xx answer to {@code handler}, and maps any other status to
   * the matching {@link ConnectorException} (see {@link ErrorMapper}) with the remote code and
   * message read by the config's {@link ErrorDecoder}, in which the session's values and the
   * redactor's {@code Secret}s are masked. The response is always closed.
   *
   * @param request the request
   * @param handler reads a 2xx answer
   * @param <T> the value type
   * @return what {@code handler} read
   * @throws ConnectorException for a non-2xx answer, or as {@link #execute(Request)}
   */
  public <T> T execute(Request request, ResponseHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    boolean repeatable = isRepeatable(request);
    try (Response response = execute(request)) {
      try {
        if (response.isSuccessful()) {
          return handler.handle(response);
        }
        String body = response.body() == null ? "" : response.peekBody(MAX_ERROR_BODY).string();
        RemoteError remote = scrubbed(config.errorDecoder().decode(response, body));
        throw errorMapper.fromResponse(
            config.system(), operation(request), response.code(), response.headers(), remote,
            repeatable);
      } catch (IOException e) {
        throw errorMapper.fromIOException(config.system(), operation(request), e, repeatable);
      }
    }
  }

  /**
   * {@code remote} with the current session's values and the redactor's {@code Secret}s masked
   * in its code and message: a remote that echoes a password or token back in an error text does
   * not put it into an exception message.
   */
  private RemoteError scrubbed(RemoteError remote) {
    if (remote == null || (remote.code() == null && remote.message() == null)) {
      return remote;
    }
    SessionHolder holder = session != null ? session : transport.sessionHolderIfPresent(key);
    List<String> values = holder == null ? List.of() : holder.secretValues();
    Redactor redactor = config.redactor();
    String code =
        remote.code() == null ? null : redactor.scrubSecrets(Redactor.scrub(remote.code(), values));
    String message =
        remote.message() == null
            ? null
            : redactor.scrubSecrets(Redactor.scrub(remote.message(), values));
    return new RemoteError(code, message);
  }

  /**
   * {@return the error mapper configured for this tenant (request-id headers), for connectors' own
   * use}
   */
  public ErrorMapper errorMapper() {
    return errorMapper;
  }

  /**
   * Logs the credential's session out at the remote (freeing its licence seat) and forgets it; the
   * next call logs in again. Does nothing when there is no session.
   *
   * @throws ConnectorException when the logout request fails
   */
  public void endSession() {
    if (session == null) {
      return;
    }
    Session current = session.clear();
    if (current == null) {
      return;
    }
    try {
      session.authenticator().logout(sessionless, current);
    } catch (IOException e) {
      throw errorMapper.fromIOException(config.system(), "logout", e, true);
    }
  }

  /**
   * Ends this client for good: logs its session out (as {@link #endSession()}) and makes the
   * transport forget everything it keeps for the credential (session holder, call slots), so a
   * host that creates and drops many clients does not accumulate them. The logout is attempted
   * even when it then fails; the entries are dropped either way. Clients that share the credential
   * must not be used afterwards.
   *
   * @throws ConnectorException when the logout request fails (after the entries were dropped)
   */
  public void release() {
    try {
      endSession();
    } finally {
      transport.forget(key);
    }
  }

  private Duration elapsed(Instant start) {
    return Duration.between(start, transport.clock().instant());
  }

  @Override
  public String toString() {
    return "TenantClient{" + key + ", tenant=" + config.tenant() + '}';
  }
}
