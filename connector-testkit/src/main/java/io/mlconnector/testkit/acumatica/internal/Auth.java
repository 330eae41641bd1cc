package io.mlconnector.testkit.acumatica.internal;

import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in: the cookie login ({@code /entity/auth/login}, {@code /entity/auth/logout}) and the
 * identity server's token endpoint (password, authorization_code and refresh_token grants with
 * rotation; client_credentials unsupported), with the licence's API-user limit.
 */
public final class Auth {

  /** A server session: a cookie login, or the one session of an OAuth grant. */
  public static final class ServerSession {
    final String id = UUID.randomUUID().toString();
    final String user;
    final boolean cookie;
    Instant lastUsed;
    @Nullable Operation running;
    boolean fresh; // opened by this request: the answer sets its cookie

    ServerSession(String user, boolean cookie, Instant now) {
      this.user = user;
      this.cookie = cookie;
      this.lastUsed = now;
    }

    /** The simulator's own session for seeding and inspection (no licence slot). */
    public static ServerSession system() {
      return new ServerSession("system", false, Instant.EPOCH);
    }
  }

  /** A long-running operation of a session. */
  public static final class Operation {
    final String id = UUID.randomUUID().toString();
    final Instant endsAt;
    int pollsLeft;
    final @Nullable SimResponse failure;

    Operation(Instant endsAt, int polls, @Nullable SimResponse failure) {
      this.endsAt = endsAt;
      this.pollsLeft = polls;
      this.failure = failure;
    }
  }

  /**
   * A grant: with scope {@code api} one server session, reused across refreshes; with {@code
   * api:concurrent_access} any number of sessions, each tracked by its {@code ASP.NET_SessionId}
   * cookie (a request without one opens a new session, which takes an API-user slot) and each
   * ended by its own sign-out.
   */
  private static final class Grant {
    final String user;
    final Instant chainStart;
    final ServerSession session;
    final boolean concurrent;
    final Map<String, ServerSession> sessions = new LinkedHashMap<>();
    @Nullable String refreshToken;
    @Nullable String accessToken;
    @Nullable Instant accessExpires;

    Grant(String user, Instant chainStart, ServerSession session, boolean concurrent) {
      this.user = user;
      this.chainStart = chainStart;
      this.session = session;
      this.concurrent = concurrent;
    }

    /** API users this grant holds now: its session, or each of its concurrent sessions. */
    int slots(Instant now) {
      if (accessExpires == null || !now.isBefore(accessExpires)) {
        return 0;
      }
      return concurrent ? sessions.size() : 1;
    }
  }

  /** A request would open a session beyond the licence's API users. */
  public static final class LoginLimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoginLimitReached() {
      super("API Login Limit", null, false, false);
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final Map<String, ServerSession> cookies = new LinkedHashMap<>();
  private final List<Grant> grants = new ArrayList<>();
  private final Map<String, String> codes = new LinkedHashMap<>();
  private final AtomicLong logins = new AtomicLong();
  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong concurrentOpened = new AtomicLong();

  public Auth(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ cookie login

  /** {@code POST /entity/auth/login}. */
  public synchronized SimResponse login(SimRequest request) {
    Map<String, Object> body;
    try {
      Object parsed = request.header("content-type") != null
          && request.header("content-type").startsWith("application/x-www-form-urlencoded")
          ? flatten(request.form()) : Json.parse(request.bodyText());
      if (!(parsed instanceof Map)) {
        return HttpErrors.of(400, "The request is invalid.", "System.ArgumentException");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) parsed;
      body = m;
    } catch (Json.Malformed e) {
      return HttpErrors.of(400, "The request is invalid.", "System.ArgumentException");
    }
    String name = str(body.get("name"));
    String password = str(body.get("password"));
    String tenant = str(body.get("tenant"));
    String company = str(body.get("company"));
    boolean tenantOk = (tenant == null) != (company == null)
        && settings.tenant.equalsIgnoreCase(tenant != null ? tenant : company);
    if (name == null || !tenantOk || !password(name).equals(password == null ? "\u0000" : password)) {
      return HttpErrors.of(settings.badCredentialsStatus, "Invalid credentials. Please try again.",
          "PX.Data.PXException");
    }
    expire();
    if (apiUsersInUse() >= settings.maxApiUsers) {
      return loginLimit();
    }
    ServerSession s = new ServerSession(name, true, clock.instant());
    cookies.put(s.id, s);
    logins.incrementAndGet();
    return new SimResponse(204, Map.of(), new byte[0])
        .withHeader("Set-Cookie", "ASP.NET_SessionId=" + s.id + "; path=/; HttpOnly\n"
            + ".ASPXAUTH=" + s.id.replace("-", "").toUpperCase() + "; path=/; HttpOnly");
  }

  private String password(String user) {
    String p = settings.users.get(user);
    return p == null ? "\u0001no-such-user" : p;
  }

  /** {@code POST /entity/auth/logout}: ends the cookie session (204 even when none). */
  public synchronized SimResponse logout(SimRequest request) {
    String id = cookie(request);
    if (id != null) {
      cookies.remove(id);
      for (Grant g : grants) {
        g.sessions.remove(id);
      }
    }
    return new SimResponse(204, Map.of(), new byte[0]);
  }

  private static @Nullable String cookie(SimRequest request) {
    List<String> headers = request.headers().get("cookie");
    if (headers == null) {
      return null;
    }
    for (String h : headers) {
      for (String part : h.split(";")) {
        String p = part.trim();
        if (p.startsWith("ASP.NET_SessionId=")) {
          return p.substring("ASP.NET_SessionId=".length());
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ OAuth

  /** Issues an authorization code for {@code user}, as the authorize page would after consent. */
  public synchronized String issueCode(String user) {
    String code = UUID.randomUUID().toString().replace("-", "");
    codes.put(code, user);
    return code;
  }

  /** {@code POST /identity/connect/token}. */
  public synchronized SimResponse token(SimRequest request) {
    Map<String, List<String>> form = request.form();
    String grant = first(form, "grant_type");
    String clientId = first(form, "client_id");
    String secret = first(form, "client_secret");
    if (clientId == null || !clientId.matches("[^@]+@[^@]+")) {
      return oauthError(400, "invalid_client", "client_id must be <id>@<Tenant>");
    }
    String tenant = clientId.substring(clientId.indexOf('@') + 1);
    String id = clientId.substring(0, clientId.indexOf('@'));
    if (!settings.tenant.equalsIgnoreCase(tenant) || !settings.oauthClients.containsKey(id)
        || !settings.oauthClients.get(id).equals(secret)) {
      return oauthError(400, "invalid_client", null);
    }
    expire();
    Instant now = clock.instant();
    Grant g;
    switch (grant == null ? "" : grant) {
      case "password": {
        String user = first(form, "username");
        if (user == null || !password(user).equals(first(form, "password"))) {
          return oauthError(400, "invalid_grant", "invalid_username_or_password");
        }
        String scope = first(form, "scope");
        if (scope == null || !List.of(scope.split(" ")).contains("api")) {
          return oauthError(400, "invalid_scope", null);
        }
        if (apiUsersInUse() >= settings.maxApiUsers) {
          return loginLimit();
        }
        g = new Grant(user, now, new ServerSession(user, false, now),
            List.of(scope.split(" ")).contains("api:concurrent_access"));
        grants.add(g);
        break;
      }
      case "authorization_code": {
        String user = codes.remove(first(form, "code") == null ? "" : first(form, "code"));
        if (user == null) {
          return oauthError(400, "invalid_grant", null);
        }
        if (apiUsersInUse() >= settings.maxApiUsers) {
          return loginLimit();
        }
        g = new Grant(user, now, new ServerSession(user, false, now), false);
        grants.add(g);
        break;
      }
      case "refresh_token": {
        String token = first(form, "refresh_token");
        g = grants.stream().filter(x -> token != null && token.equals(x.refreshToken)).findFirst().orElse(null);
        if (g == null || now.isAfter(g.chainStart.plus(settings.refreshChain))) {
          return oauthError(400, "invalid_grant", null);
        }
        boolean slotHeld = g.accessExpires != null && now.isBefore(g.accessExpires);
        if (!slotHeld && !g.concurrent && apiUsersInUse() >= settings.maxApiUsers) {
          return loginLimit();
        }
        refreshes.incrementAndGet();
        break;
      }
      case "client_credentials":
        return oauthError(400, "unsupported_grant_type", null);
      default:
        return oauthError(400, "unsupported_grant_type", null);
    }
    g.accessToken = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    g.accessExpires = now.plus(settings.accessTokenLifetime);
    g.refreshToken = UUID.randomUUID().toString().replace("-", ""); // rotation: the old one is dead
    logins.incrementAndGet();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", g.accessToken);
    out.put("expires_in", new java.math.BigDecimal(settings.accessTokenLifetime.toSeconds()));
    out.put("token_type", "Bearer");
    out.put("refresh_token", g.refreshToken);
    out.put("scope", g.concurrent ? "api api:concurrent_access offline_access" : "api offline_access");
    return SimResponse.json(200, Json.write(out));
  }

  /** The answer to a sign-in (or a new concurrent session) beyond the licence's API users. */
  public SimResponse loginLimit() {
    return HttpErrors.of(settings.loginLimitStatus,
        "API Login Limit: the maximum number of API users allowed by the license has been reached.",
        "PX.Data.PXException");
  }

  private static SimResponse oauthError(int status, String error, @Nullable String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error);
    if (description != null) {
      m.put("error_description", description);
    }
    return SimResponse.json(status, Json.write(m));
  }

  // ------------------------------------------------------------------ resolution

  /**
   * The session {@code request} carries, or null (then answer 401). Touches it. A bearer of a
   * concurrent-access grant without a known session cookie opens a new session ({@link
   * ServerSession#fresh}: the answer sets its cookie).
   *
   * @throws LoginLimitReached when that new session would exceed the licence's API users
   */
  public synchronized @Nullable ServerSession resolve(SimRequest request) {
    Instant now = clock.instant();
    String auth = request.header("authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      String token = auth.substring(7).trim();
      for (Grant g : grants) {
        if (token.equals(g.accessToken)) {
          if (!now.isBefore(g.accessExpires)) {
            return null;
          }
          if (g.concurrent) {
            return concurrentSession(g, cookie(request), now);
          }
          g.session.lastUsed = now;
          return g.session;
        }
      }
      return null;
    }
    String id = cookie(request);
    if (id == null) {
      return null;
    }
    ServerSession s = cookies.get(id);
    if (s == null) {
      return null;
    }
    if (now.isAfter(s.lastUsed.plus(settings.cookieIdleTimeout))) {
      cookies.remove(id);
      return null;
    }
    s.lastUsed = now;
    return s;
  }

  private ServerSession concurrentSession(Grant g, String cookie, Instant now) {
    ServerSession s = cookie == null ? null : g.sessions.get(cookie);
    if (s == null) {
      if (apiUsersInUse() >= settings.maxApiUsers) {
        throw new LoginLimitReached();
      }
      s = new ServerSession(g.user, false, now);
      s.fresh = true;
      g.sessions.put(s.id, s);
      concurrentOpened.incrementAndGet();
    }
    s.lastUsed = now;
    return s;
  }

  /** The cookie that opens {@code session} when it was opened by this request (once), else null. */
  public synchronized @Nullable String takeNewSessionCookie(ServerSession session) {
    if (!session.fresh) {
      return null;
    }
    session.fresh = false;
    return "ASP.NET_SessionId=" + session.id + "; path=/; HttpOnly";
  }

  /** Concurrent-access sessions opened so far. */
  public long concurrentSessionsOpened() {
    return concurrentOpened.get();
  }

  private void expire() {
    Instant now = clock.instant();
    cookies.values().removeIf(s -> now.isAfter(s.lastUsed.plus(settings.cookieIdleTimeout)));
    grants.removeIf(g -> now.isAfter(g.chainStart.plus(settings.refreshChain)));
  }

  /** API users holding a licence slot: live cookie sessions and grants with a live access token. */
  public synchronized int apiUsersInUse() {
    Instant now = clock.instant();
    int n = 0;
    for (ServerSession s : cookies.values()) {
      if (!now.isAfter(s.lastUsed.plus(settings.cookieIdleTimeout))) {
        n++;
      }
    }
    for (Grant g : grants) {
      n += g.slots(now);
    }
    return n;
  }

  /** Makes every access token expired (the next call with one answers 401). */
  public synchronized void expireAccessTokens() {
    Instant past = clock.instant().minusSeconds(1);
    for (Grant g : grants) {
      g.accessExpires = past;
    }
  }

  /** Ends every cookie session (as an idle timeout or an application restart would). */
  public synchronized void dropCookieSessions() {
    cookies.clear();
  }

  /** Successful sign-ins (cookie logins and token grants). */
  public long logins() {
    return logins.get();
  }

  /** Refresh-token grants served. */
  public long refreshes() {
    return refreshes.get();
  }

  private static @Nullable String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static Map<String, Object> flatten(Map<String, List<String>> form) {
    Map<String, Object> m = new LinkedHashMap<>();
    form.forEach((k, v) -> m.put(k, v.isEmpty() ? null : v.get(0)));
    return m;
  }

  private static @Nullable String str(@Nullable Object o) {
    return o == null ? null : o.toString();
  }
}
