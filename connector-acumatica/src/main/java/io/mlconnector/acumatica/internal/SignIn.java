package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.AcumaticaCredentials;
import io.mlconnector.acumatica.ApiLoginLimitException;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.SessionAuthenticator;
import io.mlconnector.core.http.TenantClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The two sign-ins of Acumatica as {@link SessionAuthenticator}s. The transport calls them one at
 * a time per credential (single flight) and again, once, when a call answers 401.
 */
public final class SignIn {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private SignIn() {}

  /** The authenticator for {@code credentials}. */
  public static SessionAuthenticator of(
      AcumaticaCredentials credentials, Clock clock, Duration cookieIdleTimeout) {
    return credentials.isOAuth()
        ? new OAuth(credentials, clock)
        : new Cookie(credentials, cookieIdleTimeout);
  }

  /**
   * OAuth 2.0 against {@code /identity/connect/token}. A session is an access token; on renewal
   * (expiry or a 401) the refresh token is used and replaced by the rotated one the answer carries.
   * A refused refresh token falls back to the password grant where there is one.
   */
  static final class OAuth implements SessionAuthenticator {
    private final AcumaticaCredentials credentials;
    private final Clock clock;
    private final AtomicReference<Secret> refreshToken = new AtomicReference<>();
    private volatile boolean codeUsed;

    OAuth(AcumaticaCredentials credentials, Clock clock) {
      this.credentials = credentials;
      this.clock = clock;
      this.refreshToken.set(credentials.refreshToken());
    }

    @Override
    public Session login(TenantClient client, Session previous) throws IOException {
      Secret refresh = refreshToken.get();
      if (refresh != null) {
        try {
          return token(client, refreshGrant(refresh), "refresh_token");
        } catch (AuthenticationException e) {
          if (credentials.kind() != AcumaticaCredentials.Kind.OAUTH_PASSWORD) {
            throw e;
          }
          refreshToken.set(null); // the chain ended (expired, or a lost answer consumed it)
        }
      }
      switch (credentials.kind()) {
        case OAUTH_PASSWORD:
          return token(client, passwordGrant(), "password");
        case OAUTH_AUTHORIZATION_CODE:
          if (!codeUsed) {
            codeUsed = true;
            return token(client, codeGrant(), "authorization_code");
          }
          break;
        default:
          break;
      }
      throw new AuthenticationException(
          ErrorDetails.of("acumatica", "POST identity/connect/token")
              .withRemote("invalid_grant", "no usable refresh token is left: authorize the application again"));
    }

    private FormBody.Builder base(String grant) {
      return new FormBody.Builder()
          .add("grant_type", grant)
          .add("client_id", credentials.clientId())
          .add("client_secret", credentials.clientSecret().reveal());
    }

    private FormBody passwordGrant() {
      return base("password")
          .add("username", credentials.username().reveal())
          .add("password", credentials.password().reveal())
          .add("scope", credentials.scope())
          .build();
    }

    private FormBody codeGrant() {
      return base("authorization_code")
          .add("code", credentials.code().reveal())
          .add("redirect_uri", credentials.redirectUri())
          .build();
    }

    private FormBody refreshGrant(Secret refresh) {
      return base("refresh_token").add("refresh_token", refresh.reveal()).build();
    }

    private Session token(TenantClient client, FormBody body, String grant) throws IOException {
      String operation = "POST identity/connect/token (" + grant + ")";
      Request request =
          new Request.Builder()
              .url(client.url("identity/connect/token"))
              .post(body)
              .tag(RequestOptions.class,
                  RequestOptions.builder().operation(operation).repeatable(false).build())
              .build();
      try (Response response = client.execute(request)) {
        String text = response.body() == null ? "" : response.body().string();
        if (!response.isSuccessful()) {
          throw refusal(client, operation, response, text);
        }
        Map<String, Object> m = JsonTree.parseObject(text);
        Object access = m.get("access_token");
        if (access == null) {
          throw new AuthenticationException(
              ErrorDetails.of("acumatica", operation).withHttpStatus(response.code())
                  .withRemote(null, "the token answer carries no access_token"));
        }
        Object rotated = m.get("refresh_token");
        if (rotated != null) {
          Secret next = Secret.of(rotated.toString());
          refreshToken.set(next);
          credentials.refreshTokenListener().accept(next);
        }
        long expiresIn = m.get("expires_in") == null ? 3600
            : new java.math.BigDecimal(m.get("expires_in").toString()).longValue();
        return Session.builder(access.toString())
            .expiresAt(clock.instant().plusSeconds(expiresIn))
            .attribute("kind", "oauth")
            .build();
      }
    }

    @Override
    public Request authorize(Request request, Session session) {
      return request.newBuilder().header("Authorization", "Bearer " + session.token()).build();
    }
  }

  /**
   * The legacy {@code /entity/auth/login}: the session is the {@code ASP.NET_SessionId} and
   * {@code .ASPXAUTH} cookies; {@link #logout} ends it, freeing the API-user slot.
   */
  static final class Cookie implements SessionAuthenticator {
    private final AcumaticaCredentials credentials;
    private final Duration idleTimeout;

    Cookie(AcumaticaCredentials credentials, Duration idleTimeout) {
      this.credentials = credentials;
      this.idleTimeout = idleTimeout;
    }

    @Override
    public Session login(TenantClient client, Session previous) throws IOException {
      String operation = "POST entity/auth/login";
      Map<String, Object> body = Wire.object();
      body.put("name", credentials.username().reveal());
      body.put("password", credentials.password().reveal());
      body.put("tenant", credentials.tenantName());
      if (credentials.branch() != null) {
        body.put("branch", credentials.branch());
      }
      Request request =
          new Request.Builder()
              .url(client.url("entity/auth/login"))
              .post(RequestBody.create(JsonTree.write(body), JSON))
              .tag(RequestOptions.class,
                  RequestOptions.builder().operation(operation).repeatable(false).build())
              .build();
      try (Response response = client.execute(request)) {
        String text = response.body() == null ? "" : response.body().string();
        if (!response.isSuccessful()) {
          throw refusal(client, operation, response, text);
        }
        List<String> cookies = new ArrayList<>();
        for (String header : response.headers("Set-Cookie")) {
          String pair = header.split(";", 2)[0].trim();
          if (pair.contains("=") && !pair.endsWith("=")) {
            cookies.add(pair);
          }
        }
        if (cookies.stream().noneMatch(c -> c.startsWith("ASP.NET_SessionId="))) {
          throw new AuthenticationException(
              ErrorDetails.of("acumatica", operation).withHttpStatus(response.code())
                  .withRemote(null, "the login answer set no ASP.NET_SessionId cookie"));
        }
        return Session.builder(String.join("; ", cookies))
            .idleTimeout(idleTimeout)
            .attribute("kind", "cookie")
            .build();
      }
    }

    @Override
    public Request authorize(Request request, Session session) {
      return request.newBuilder().header("Cookie", session.token()).build();
    }

    @Override
    public void logout(TenantClient client, Session session) throws IOException {
      Request request =
          new Request.Builder()
              .url(client.url("entity/auth/logout"))
              .post(RequestBody.create(new byte[0], null))
              .header("Cookie", session.token())
              .tag(RequestOptions.class,
                  RequestOptions.builder().operation("POST entity/auth/logout").repeatable(true).build())
              .build();
      try (Response response = client.execute(request)) {
        if (!response.isSuccessful() && response.code() != 401) {
          throw client.errorMapper().fromResponse("acumatica", "POST entity/auth/logout",
              response.code(), response.headers(), RemoteError.NONE, true);
        }
      }
    }
  }

  /** A refused sign-in: "API Login Limit" as such, else authentication or the status's error. */
  static ConnectorException refusal(
      TenantClient client, String operation, Response response, String body) {
    RemoteError remote = AcumaticaErrors.decode(response, body);
    String message = remote.message() == null ? null
        : client.config().redactor().scrubSecrets(remote.message());
    remote = new RemoteError(remote.code(), message);
    ErrorDetails details = ErrorDetails.of("acumatica", operation).withHttpStatus(response.code())
        .withRemote(remote.code(), message)
        .withRequestId(client.errorMapper().requestId(response.headers()));
    if (body.contains(AcumaticaErrors.LOGIN_LIMIT)) {
      return new ApiLoginLimitException(details.withRemote("API Login Limit",
          "API Login Limit: the licence's maximum number of API users is reached ("
              + (message == null ? "no detail" : message) + ")"));
    }
    int status = response.code();
    if (status == 400 || status == 401 || status == 403 || body.contains("Invalid credentials")) {
      return new AuthenticationException(details);
    }
    return client.errorMapper().fromResponse(
        "acumatica", operation, status, response.headers(), remote, false);
  }
}
