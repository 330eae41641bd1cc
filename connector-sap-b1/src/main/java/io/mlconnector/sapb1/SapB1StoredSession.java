package io.mlconnector.sapb1;

import io.mlconnector.core.credential.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Service Layer session as a {@link SapB1SessionStore} keeps it: the {@code B1SESSION} value (a
 * credential: whoever holds it acts as the user until it expires), the {@code ROUTEID} cookie, the
 * service root, company and user it was opened for, its idle timeout and when it was last used.
 * {@link #toString()} shows no session id.
 */
public final class SapB1StoredSession {
  private final Secret sessionId;
  private final @Nullable String routeId;
  private final String serviceRoot;
  private final String companyDb;
  private final String userName;
  private final Duration idleTimeout;
  private final Instant lastUsed;

  /**
   * A stored session.
   *
   * @param sessionId the {@code B1SESSION} value
   * @param routeId the {@code ROUTEID} cookie value, or null on a single-node server
   * @param serviceRoot the service root the session belongs to ({@code https://host:50000/b1s/v2/})
   * @param companyDb the company database it was opened on
   * @param userName the user it was opened for
   * @param idleTimeout {@code SessionTimeout}, positive
   * @param lastUsed when a call last used it (the idle timer restarts on every call)
   * @throws IllegalArgumentException when a text is blank or the timeout is not positive
   */
  public SapB1StoredSession(Secret sessionId, @Nullable String routeId, String serviceRoot, String companyDb,
      String userName, Duration idleTimeout, Instant lastUsed) {
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.routeId = routeId;
    this.serviceRoot = text(serviceRoot, "serviceRoot");
    this.companyDb = text(companyDb, "companyDb");
    this.userName = text(userName, "userName");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
    this.lastUsed = Objects.requireNonNull(lastUsed, "lastUsed");
  }

  /**
   * The {@code B1SESSION} value; reveal it only to put it in a Cookie header.
   *
   * @return the session id
   */
  public Secret sessionId() {
    return sessionId;
  }

  /**
   * The {@code ROUTEID} cookie value, or null.
   *
   * @return the route id, or null on a single-node server
   */
  public @Nullable String routeId() {
    return routeId;
  }

  /**
   * The service root the session belongs to.
   *
   * @return the service root URL
   */
  public String serviceRoot() {
    return serviceRoot;
  }

  /**
   * The company database.
   *
   * @return the company database name
   */
  public String companyDb() {
    return companyDb;
  }

  /**
   * The user.
   *
   * @return the user name
   */
  public String userName() {
    return userName;
  }

  /**
   * The idle timeout.
   *
   * @return the timeout, positive
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * When a call last used the session (as far as the store knows: it is touched at most once a
   *     minute).
   *
   * @return the instant of the last use recorded
   */
  public Instant lastUsed() {
    return lastUsed;
  }

  /**
   * When the server ends the session if no call uses it meanwhile: {@link #lastUsed()} plus the
   *     idle timeout.
   *
   * @return the instant the session idles out
   */
  public Instant expiresAt() {
    return lastUsed.plus(idleTimeout);
  }

  /**
   * This session last used at {@code when}.
   *
   * @param when the instant of the use
   * @return a copy with {@code lastUsed} replaced
   */
  public SapB1StoredSession withLastUsed(Instant when) {
    return new SapB1StoredSession(sessionId, routeId, serviceRoot, companyDb, userName, idleTimeout, when);
  }

  @Override
  public String toString() {
    return "SapB1StoredSession{sessionId=***, routeId=" + routeId + ", serviceRoot=" + serviceRoot + ", companyDb="
        + companyDb + ", userName=" + userName + ", idleTimeout=" + idleTimeout + ", lastUsed=" + lastUsed + '}';
  }

  private static String text(@Nullable String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return v;
  }
}
