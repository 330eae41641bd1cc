package io.mlconnector.acumatica;

import io.mlconnector.core.credential.Secret;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How the client signs in, with its secrets as {@link Secret}s. {@link #toString()} shows only the
 * kind and the non-secret names.
 *
 * <ul>
 *   <li>{@link #password}: OAuth 2.0 resource-owner password grant against the instance's identity
 *       server ({@code /identity/connect/token}); refresh tokens rotate.
 *   <li>{@link #authorizationCode}: an authorization code obtained in the browser, exchanged once;
 *       then the refresh token, rotated on each use and handed to the host's listener to persist.
 *   <li>{@link #refreshToken}: resume from a persisted refresh token.
 *   <li>{@link #cookieLogin}: the legacy {@code /entity/auth/login} session (the docs announce its
 *       end); logged out on close so no API-user slot stays held.
 * </ul>
 *
 * <p>{@code client_credentials} is not offered: Acumatica's identity server does not support it.
 */
public final class AcumaticaCredentials {

  /** The sign-in method. */
  public enum Kind {
    /** OAuth resource-owner password grant. */
    OAUTH_PASSWORD,
    /** OAuth authorization-code grant. */
    OAUTH_AUTHORIZATION_CODE,
    /** OAuth refresh-token grant from a stored token. */
    OAUTH_REFRESH_TOKEN,
    /** Legacy cookie login. */
    COOKIE
  }

  private final Kind kind;
  private final @Nullable String clientId;
  private final @Nullable Secret clientSecret;
  private final @Nullable Secret username;
  private final @Nullable Secret password;
  private final @Nullable Secret code;
  private final @Nullable String redirectUri;
  private final @Nullable Secret refreshToken;
  private final @Nullable String scope;
  private final @Nullable String tenantName;
  private final @Nullable String branch;
  private final Consumer<Secret> refreshTokenListener;

  private AcumaticaCredentials(
      Kind kind, @Nullable String clientId, @Nullable Secret clientSecret, @Nullable Secret username,
      @Nullable Secret password, @Nullable Secret code, @Nullable String redirectUri,
      @Nullable Secret refreshToken, @Nullable String scope, @Nullable String tenantName,
      @Nullable String branch, @Nullable Consumer<Secret> refreshTokenListener) {
    this.kind = kind;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.password = password;
    this.code = code;
    this.redirectUri = redirectUri;
    this.refreshToken = refreshToken;
    this.scope = scope;
    this.tenantName = tenantName;
    this.branch = branch;
    this.refreshTokenListener = refreshTokenListener == null ? t -> {} : refreshTokenListener;
  }

  /**
   * OAuth password grant with scope {@code api offline_access}.
   *
   * @param clientId the connected application's id, {@code <generated-id>@<TenantLoginName>}: the
   *     tenant in it decides which tenant's data is reached
   * @param clientSecret the application's secret
   * @param username the API user's name; not blank
   * @param password the API user's password
   * @return the credentials
   * @throws IllegalArgumentException if the client id has another form or the user name is blank
   */
  public static AcumaticaCredentials password(
      String clientId, Secret clientSecret, Secret username, Secret password) {
    requireClientId(clientId);
    return new AcumaticaCredentials(Kind.OAUTH_PASSWORD, clientId,
        Objects.requireNonNull(clientSecret, "clientSecret"), requireText(username, "username"),
        Objects.requireNonNull(password, "password"), null, null, null, "api offline_access", null,
        null, null);
  }

  /**
   * OAuth authorization-code grant: {@code code} is exchanged once; the rotated refresh tokens are
   * handed to {@code refreshTokenListener} (persist each: the previous one no longer works).
   *
   * @param clientId the connected application's id, {@code <generated-id>@<TenantLoginName>}
   * @param clientSecret the application's secret
   * @param code the authorization code from the browser redirect; not blank
   * @param redirectUri the redirect URI the code was issued for; not blank
   * @param refreshTokenListener receives each new refresh token, to persist it
   * @return the credentials
   * @throws IllegalArgumentException if the client id has another form, or the code or URI is blank
   */
  public static AcumaticaCredentials authorizationCode(
      String clientId, Secret clientSecret, Secret code, String redirectUri,
      Consumer<Secret> refreshTokenListener) {
    requireClientId(clientId);
    if (redirectUri == null || redirectUri.isBlank()) {
      throw new IllegalArgumentException("redirectUri must not be blank");
    }
    return new AcumaticaCredentials(Kind.OAUTH_AUTHORIZATION_CODE, clientId,
        Objects.requireNonNull(clientSecret, "clientSecret"), null, null,
        requireText(code, "code"), redirectUri, null, "api offline_access", null, null,
        Objects.requireNonNull(refreshTokenListener, "refreshTokenListener"));
  }

  /**
   * OAuth from a stored refresh token; rotated tokens go to {@code refreshTokenListener}.
   *
   * @param clientId the connected application's id, {@code <generated-id>@<TenantLoginName>}
   * @param clientSecret the application's secret
   * @param refreshToken the stored refresh token; not blank
   * @param refreshTokenListener receives each new refresh token, to persist it
   * @return the credentials
   * @throws IllegalArgumentException if the client id has another form or the token is blank
   */
  public static AcumaticaCredentials refreshToken(
      String clientId, Secret clientSecret, Secret refreshToken, Consumer<Secret> refreshTokenListener) {
    requireClientId(clientId);
    return new AcumaticaCredentials(Kind.OAUTH_REFRESH_TOKEN, clientId,
        Objects.requireNonNull(clientSecret, "clientSecret"), null, null, null, null,
        requireText(refreshToken, "refreshToken"), "api offline_access", null, null,
        Objects.requireNonNull(refreshTokenListener, "refreshTokenListener"));
  }

  /**
   * Legacy cookie login: {@code {"name", "password", "tenant", "branch"}} (only {@code tenant} is
   * sent, never {@code company} as well).
   *
   * @param branch the branch to sign in to, or null for the user's default
   * @param username the API user's name; not blank
   * @param password the API user's password
   * @param tenantName the tenant's login name; not blank
   * @return the credentials
   * @throws IllegalArgumentException if the user name or tenant name is blank
   */
  public static AcumaticaCredentials cookieLogin(
      Secret username, Secret password, String tenantName, @Nullable String branch) {
    if (tenantName == null || tenantName.isBlank()) {
      throw new IllegalArgumentException("tenantName must not be blank");
    }
    return new AcumaticaCredentials(Kind.COOKIE, null, null, requireText(username, "username"),
        Objects.requireNonNull(password, "password"), null, null, null, null, tenantName, branch, null);
  }

  /**
   * These credentials asking for {@code scope} instead of {@code api offline_access} (OAuth only).
   *
   * @param scope space-separated scopes, including {@code api}
   * @return a copy asking for {@code scope}
   * @throws IllegalStateException for a cookie login
   * @throws IllegalArgumentException if the scope does not include {@code api}
   */
  public AcumaticaCredentials withScope(String scope) {
    if (kind == Kind.COOKIE) {
      throw new IllegalStateException("a cookie login has no scope");
    }
    if (scope == null || !List.of(scope.split(" ")).contains("api")) {
      throw new IllegalArgumentException("scope must include api, was " + scope);
    }
    return new AcumaticaCredentials(kind, clientId, clientSecret, username, password, code,
        redirectUri, refreshToken, scope, tenantName, branch, refreshTokenListener);
  }

  private static void requireClientId(@Nullable String clientId) {
    if (clientId == null || !clientId.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException(
          "clientId must be <generated-id>@<TenantLoginName>, was " + (clientId == null ? null : "'" + clientId + "'"));
    }
  }

  private static Secret requireText(Secret s, String name) {
    Objects.requireNonNull(s, name);
    if (s.reveal().isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return s;
  }

  /**
   * The sign-in method.
   *
   * @return the method
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether this is an OAuth sign-in.
   *
   * @return true for every kind but {@link Kind#COOKIE}
   */
  public boolean isOAuth() {
    return kind != Kind.COOKIE;
  }

  /**
   * The OAuth client id (not secret), or null for a cookie login.
   *
   * @return the client id, or null
   */
  public @Nullable String clientId() {
    return clientId;
  }

  /**
   * The OAuth scope, or null for a cookie login.
   *
   * @return the scope, or null
   */
  public @Nullable String scope() {
    return scope;
  }

  /**
   * The tenant login name of a cookie login, or null.
   *
   * @return the tenant login name, or null for OAuth
   */
  public @Nullable String tenantName() {
    return tenantName;
  }

  /**
   * The branch of a cookie login, or null.
   *
   * @return the branch, or null for OAuth or the user's default branch
   */
  public @Nullable String branch() {
    return branch;
  }

  /**
   * The client secret (OAuth).
   *
   * @return the secret, or null for a cookie login
   */
  public @Nullable Secret clientSecret() {
    return clientSecret;
  }

  /**
   * The user name (password grant and cookie login).
   *
   * @return the user name, or null for the authorization-code and refresh-token grants
   */
  public @Nullable Secret username() {
    return username;
  }

  /**
   * The password (password grant and cookie login).
   *
   * @return the password, or null for the authorization-code and refresh-token grants
   */
  public @Nullable Secret password() {
    return password;
  }

  /**
   * The authorization code, or null.
   *
   * @return the code, or null for other kinds
   */
  public @Nullable Secret code() {
    return code;
  }

  /**
   * The redirect URI of the authorization-code grant, or null.
   *
   * @return the URI, or null for other kinds
   */
  public @Nullable String redirectUri() {
    return redirectUri;
  }

  /**
   * The stored refresh token to start from, or null.
   *
   * @return the token, or null for other kinds
   */
  public @Nullable Secret refreshToken() {
    return refreshToken;
  }

  /**
   * Receives every new (rotated) refresh token.
   *
   * @return the listener; a no-op for the password grant and the cookie login
   */
  public Consumer<Secret> refreshTokenListener() {
    return refreshTokenListener;
  }

  /**
   * Every secret value, for the redactor.
   *
   * @return the secrets these credentials hold; never null entries
   */
  public Secret[] secrets() {
    return java.util.stream.Stream.of(clientSecret, username, password, code, refreshToken)
        .filter(Objects::nonNull)
        .toArray(Secret[]::new);
  }

  @Override
  public String toString() {
    return "AcumaticaCredentials{" + kind
        + (clientId != null ? ", clientId=" + clientId : "")
        + (tenantName != null ? ", tenant=" + tenantName : "")
        + ", secrets=***}";
  }
}
