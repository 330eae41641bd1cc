package io.mlconnector.sapb1.internal;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.SessionAuthenticator;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.sapb1.SapB1Credentials;
import io.mlconnector.sapb1.SapB1SessionStore;
import io.mlconnector.sapb1.SapB1StoredSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service Layer sessions: {@code POST Login} with CompanyDB, UserName, Password (and Language),
 * the {@code B1SESSION} and {@code ROUTEID} cookies read from {@code Set-Cookie} in the forms real
 * servers send ({@code B1SESSION=<guid>;HttpOnly;} without a path, {@code ROUTEID=.node3;
 * path=/b1s}), {@code SessionTimeout} as the idle timeout, both cookies on every call, HTTP 401
 * (SAP code 301) as "expired", and {@code POST Logout}. A proactive renewal logs the old session
 * out first, so a credential never holds two seats.
 *
 * <p>The session is kept in a {@link SapB1SessionStore}: saved after each Login, touched at most
 * once a minute while in use, deleted on Logout. The first login of a process takes over a stored
 * session of the same root, company and user that has not idled out (the seat of a process that
 * died stays in use, by this one, instead of a second seat being taken); a stored session that
 * cannot be taken over is logged out first when it belongs to the same root.
 *
 * <p>A Login refused for want of a licence seat is a {@link RateLimitedException}: the client
 * waits (no Login is sent) for {@code seatRetryInitial}, doubling on each further refusal up to
 * {@code seatRetryMax}, and callers meanwhile get the remaining wait as their {@code retryAfter}.
 * The first refusal of a run of them is logged at WARN, naming the credential and the seat cap;
 * the seat obtained afterwards at INFO.
 */
public final class B1Session implements SessionAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(B1Session.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final long MAX_BODY = 64 * 1024;
  /** How often a session in use is touched in the store at most. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /**
   * What a {@link B1Session} needs.
   *
   * @param system the system name in errors
   * @param tenant the tenant (the store's key, with the credential id)
   * @param credentialId the credential id (named in logs)
   * @param root the service root
   * @param credentials the Login values
   * @param seatsExhaustedPattern matched against a refused Login's SAP code and message
   * @param store where the session is kept
   * @param renewalSkew how long before its expiry a session is not taken over any more
   * @param seatRetryInitial the first wait after a Login refused for want of a seat
   * @param seatRetryMax the longest wait
   * @param licenceSeats the user's licence seats as the host knows them, 0 when unknown
   * @param clock the transport's clock
   */
  public record Settings(String system, String tenant, String credentialId, HttpUrl root,
      SapB1Credentials credentials, String seatsExhaustedPattern, SapB1SessionStore store, Duration renewalSkew,
      Duration seatRetryInitial, Duration seatRetryMax, int licenceSeats, Clock clock) {
    /** Checks that nothing is missing. */
    public Settings {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(credentialId, "credentialId");
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(seatsExhaustedPattern, "seatsExhaustedPattern");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(renewalSkew, "renewalSkew");
      Objects.requireNonNull(seatRetryInitial, "seatRetryInitial");
      Objects.requireNonNull(seatRetryMax, "seatRetryMax");
      Objects.requireNonNull(clock, "clock");
    }
  }

  private final Settings s;
  private final HttpUrl root;
  private final SapB1Credentials credentials;
  private final Pattern seatsExhausted;
  private final String system;

  private final Object lock = new Object();
  // guarded by lock
  private boolean storeConsulted;
  private @Nullable Session storedFor;
  private @Nullable SapB1StoredSession stored;
  private @Nullable Instant storedTouchedAt;
  private int seatRefusals;
  private @Nullable Instant seatWaitSince;
  private @Nullable Instant nextLoginAt;
  private @Nullable ErrorDetails seatRefusal;
  private boolean storeFailureLogged;

  // store reads and writes one at a time, so a touch never brings back a session just deleted
  private final Object storeLock = new Object();

  /** Sessions as {@code settings} say. */
  public B1Session(Settings settings) {
    this.s = Objects.requireNonNull(settings, "settings");
    this.system = settings.system();
    this.root = settings.root();
    this.credentials = settings.credentials();
    this.seatsExhausted = Pattern.compile(settings.seatsExhaustedPattern());
  }

  @Override
  public Session login(TenantClient client, Session previous) throws IOException {
    // while a seat is waited for, the session being replaced was logged out before the refused Login
    awaitSeatWait();
    if (previous != null) {
      try {
        logout(client, previous); // free the seat before taking a new one
      } catch (IOException | RuntimeException e) {
        LOG.debug("logout of the replaced session failed: {}", e.getClass().getSimpleName());
      }
    } else {
      Session adopted = adoptStored(client);
      if (adopted != null) {
        return adopted;
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("CompanyDB", credentials.companyDb());
    body.put("UserName", credentials.userName());
    body.put("Password", credentials.password().reveal());
    if (credentials.language() != null) {
      body.put("Language", credentials.language());
    }
    Request request = new Request.Builder()
        .url(root.resolve("Login"))
        .post(RequestBody.create(JsonText.write(body), JSON))
        .tag(RequestOptions.class, RequestOptions.builder().operation("Login").repeatable(true).build())
        .build();
    try (Response response = client.execute(request)) {
      String text = response.body() == null ? "" : response.peekBody(MAX_BODY).string();
      if (!response.isSuccessful()) {
        RemoteError err = B1Errors.parse(text);
        String message = err.message() == null ? null : Redactor.scrub(err.message(), credentials.password());
        ErrorDetails details = ErrorDetails.of(system, "Login")
            .withHttpStatus(response.code())
            .withRemote(err.code(), message);
        if ((message != null && seatsExhausted.matcher(message).find())
            || (err.code() != null && seatsExhausted.matcher(err.code()).find())) {
          throw seatRefused(details, err.code(), message);
        }
        if (response.code() >= 500) {
          throw new TransientException(details);
        }
        throw new AuthenticationException(details);
      }
      String sessionId = null;
      String routeId = null;
      for (String header : response.headers("Set-Cookie")) {
        String pair = header.split(";", 2)[0].trim();
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (name.equals("B1SESSION")) {
          sessionId = value;
        } else if (name.equals("ROUTEID")) {
          routeId = value;
        }
      }
      Map<String, Object> json = JsonText.object(text, "Login answer");
      if (sessionId == null && json.get("SessionId") != null) {
        sessionId = json.get("SessionId").toString();
      }
      if (sessionId == null || sessionId.isBlank()) {
        throw new AuthenticationException(ErrorDetails.of(system, "Login")
            .withHttpStatus(response.code()).withRemote(null, "Login answer carries no B1SESSION cookie or SessionId"));
      }
      Object timeout = json.get("SessionTimeout");
      long minutes = timeout instanceof Number ? ((Number) timeout).longValue() : 30;
      Duration idle = Duration.ofMinutes(Math.max(1, minutes));
      Session.Builder b = Session.builder(sessionId).idleTimeout(idle);
      if (routeId != null) {
        b.attribute("ROUTEID", routeId);
      }
      if (json.get("Version") != null) {
        b.attribute("Version", String.valueOf(json.get("Version")));
      }
      Session session = b.build();
      seatObtained();
      remember(session, new SapB1StoredSession(Secret.of(sessionId), routeId, root.toString(),
          credentials.companyDb(), credentials.userName(), idle, s.clock().instant()));
      return session;
    }
  }

  @Override
  public Request authorize(Request request, Session session) {
    touch(session);
    return request.newBuilder().header("Cookie", cookie(session)).build();
  }

  /** The Cookie header of a session: {@code B1SESSION=...; ROUTEID=...}. */
  public static String cookie(Session session) {
    String route = session.attribute("ROUTEID");
    return "B1SESSION=" + session.token() + (route == null ? "" : "; ROUTEID=" + route);
  }

  @Override
  public boolean isExpired(Response response) {
    return response.code() == 401;
  }

  @Override
  public void logout(TenantClient client, Session session) throws IOException {
    try {
      Request request = new Request.Builder()
          .url(root.resolve("Logout"))
          .post(RequestBody.create(new byte[0], null))
          .header("Cookie", cookie(session))
          .tag(RequestOptions.class, RequestOptions.builder().operation("Logout").repeatable(true).build())
          .build();
      try (Response response = client.execute(request)) {
        if (!response.isSuccessful() && response.code() != 401) {
          LOG.debug("Logout answered HTTP {}", response.code());
        }
      }
    } finally {
      forget(session);
    }
  }

  /** Names of the fields masked in logged bodies. */
  public static List<String> maskedFields() {
    return List.of("Password", "SessionId");
  }

  // ------------------------------------------------------------------ the session store

  /**
   * On the first login of this process: the stored session when it can be taken over, else null
   * (after logging a stale one of the same root out and deleting it).
   */
  private Session adoptStored(TenantClient client) {
    synchronized (lock) {
      if (storeConsulted) {
        return null;
      }
      storeConsulted = true;
    }
    Optional<SapB1StoredSession> found;
    synchronized (storeLock) {
      try {
        found = s.store().load(s.tenant(), s.credentialId());
      } catch (RuntimeException e) {
        storeFailed("read", e);
        return null;
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    SapB1StoredSession st = found.get();
    boolean sameRoot = st.serviceRoot().equals(root.toString());
    boolean sameUser = sameRoot && st.companyDb().equals(credentials.companyDb())
        && st.userName().equals(credentials.userName());
    Instant now = s.clock().instant();
    Session session = toSession(st);
    if (sameUser && now.plus(s.renewalSkew()).isBefore(st.expiresAt())) {
      synchronized (lock) {
        storedFor = session;
        stored = st;
        storedTouchedAt = st.lastUsed();
      }
      LOG.info("SAP B1 credential {} (user {} on {}): taking over the Service Layer session kept in the session"
              + " store (last used {}, idle timeout {} min) instead of a new Login", s.credentialId(),
          credentials.userName(), credentials.companyDb(), st.lastUsed(), st.idleTimeout().toMinutes());
      return session;
    }
    if (sameRoot) {
      // it may still hold a seat (the store's last use lags by up to a minute): end it before a new Login
      try {
        logout(client, session);
      } catch (IOException | RuntimeException e) {
        LOG.debug("logout of the stale stored session failed: {}", e.getClass().getSimpleName());
      }
      LOG.info("SAP B1 credential {} (user {} on {}): logged out the stale Service Layer session kept in the"
              + " session store (last used {}) before a new Login", s.credentialId(), credentials.userName(),
          credentials.companyDb(), st.lastUsed());
    }
    synchronized (storeLock) {
      try {
        s.store().delete(s.tenant(), s.credentialId());
      } catch (RuntimeException e) {
        storeFailed("delete", e);
      }
    }
    return null;
  }

  private static Session toSession(SapB1StoredSession st) {
    Session.Builder b = Session.builder(st.sessionId().reveal()).idleTimeout(st.idleTimeout());
    if (st.routeId() != null) {
      b.attribute("ROUTEID", st.routeId());
    }
    return b.build();
  }

  private void remember(Session session, SapB1StoredSession st) {
    synchronized (storeLock) {
      synchronized (lock) {
        storedFor = session;
        stored = st;
        storedTouchedAt = st.lastUsed();
      }
      try {
        s.store().save(s.tenant(), s.credentialId(), st);
      } catch (RuntimeException e) {
        storeFailed("write", e);
      }
    }
  }

  private void touch(Session session) {
    SapB1StoredSession st;
    synchronized (lock) {
      if (storedFor != session) {
        return;
      }
      Instant now = s.clock().instant();
      if (storedTouchedAt != null && Duration.between(storedTouchedAt, now).compareTo(TOUCH_EVERY) < 0) {
        return;
      }
      storedTouchedAt = now;
      st = stored.withLastUsed(now);
      stored = st;
    }
    synchronized (storeLock) {
      synchronized (lock) {
        if (storedFor != session) {
          return; // logged out meanwhile
        }
      }
      try {
        s.store().save(s.tenant(), s.credentialId(), st);
      } catch (RuntimeException e) {
        storeFailed("write", e);
      }
    }
  }

  private void forget(Session session) {
    synchronized (storeLock) {
      synchronized (lock) {
        if (storedFor == null || !(storedFor == session || storedFor.token().equals(session.token()))) {
          return;
        }
        storedFor = null;
        stored = null;
        storedTouchedAt = null;
      }
      try {
        s.store().delete(s.tenant(), s.credentialId());
      } catch (RuntimeException e) {
        storeFailed("delete", e);
      }
    }
  }

  private void storeFailed(String what, RuntimeException e) {
    boolean first;
    synchronized (lock) {
      first = !storeFailureLogged;
      storeFailureLogged = true;
    }
    if (first) {
      LOG.warn("SAP B1 credential {}: could not {} the session store ({}); sessions still work, but a restarted"
          + " process will not take this one over", s.credentialId(), what, e.getClass().getName());
    } else {
      LOG.debug("session store {} failed: {}", what, e.getClass().getName());
    }
  }

  // ------------------------------------------------------------------ licence seats

  /** Throws the remaining wait while a Login refused for want of a seat is being waited out. */
  private void awaitSeatWait() {
    ErrorDetails details;
    Duration left;
    synchronized (lock) {
      if (nextLoginAt == null) {
        return;
      }
      Instant now = s.clock().instant();
      if (!now.isBefore(nextLoginAt)) {
        return;
      }
      left = Duration.between(now, nextLoginAt);
      details = seatRefusal;
    }
    throw new RateLimitedException(details, left);
  }

  private RateLimitedException seatRefused(ErrorDetails refused, String code, String message) {
    Instant now = s.clock().instant();
    Duration wait;
    int refusals;
    ErrorDetails details = refused.withRemote(code, "no licence seat free for user " + credentials.userName()
        + " on " + credentials.companyDb() + " (" + seatCap() + "): " + message);
    synchronized (lock) {
      seatRefusals++;
      refusals = seatRefusals;
      if (refusals == 1) {
        seatWaitSince = now;
      }
      wait = seatWait(refusals);
      nextLoginAt = now.plus(wait);
      seatRefusal = details;
    }
    if (refusals == 1) {
      LOG.warn("SAP B1 credential {} (user {} on {}): no licence seat free ({}); waiting for one: Login again in {}"
              + " s, then less often (up to every {} s); calls meanwhile fail as rate-limited and are retried later."
              + " SAP answered HTTP {} {}: {}", s.credentialId(), credentials.userName(), credentials.companyDb(),
          seatCap(), wait.toMillis() / 1000.0, s.seatRetryMax().toMillis() / 1000.0, refused.httpStatus(), code, message);
    } else {
      LOG.debug("SAP B1 credential {}: Login refused again for want of a licence seat ({} times); next in {}",
          s.credentialId(), refusals, wait);
    }
    return new RateLimitedException(details, wait);
  }

  /** initial * 2^(n-1), at most the maximum. */
  private Duration seatWait(int refusals) {
    Duration wait = s.seatRetryInitial();
    for (int i = 1; i < refusals && wait.compareTo(s.seatRetryMax()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(s.seatRetryMax()) > 0 ? s.seatRetryMax() : wait;
  }

  private void seatObtained() {
    int refusals;
    Instant since;
    synchronized (lock) {
      refusals = seatRefusals;
      since = seatWaitSince;
      seatRefusals = 0;
      seatWaitSince = null;
      nextLoginAt = null;
      seatRefusal = null;
    }
    if (refusals > 0) {
      LOG.info("SAP B1 credential {} (user {} on {}): licence seat obtained after {} refused Login(s) over {} s",
          s.credentialId(), credentials.userName(), credentials.companyDb(), refusals,
          Duration.between(since, s.clock().instant()).toMillis() / 1000.0);
    }
  }

  private String seatCap() {
    return s.licenceSeats() > 0 ? "the user's " + s.licenceSeats() + " licence seat(s) are in use"
        : "the user's licence seats are in use; their number is not configured";
  }
}
