package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.SessionAuthenticator;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TransportListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The session of one credential, refreshed single-flight: while one caller logs in, the others
 * wait for that login and share its session (or its failure).
 */
public final class SessionHolder {

  private final CredentialKey key;
  private final SessionAuthenticator authenticator;
  private final Duration skew;
  private final Clock clock;
  private final TransportListener listener;
  private final Object lock = new Object();

  // guarded by lock
  private Session current;
  private Instant lastUsed;
  private CompletableFuture<Session> inflight;

  /** A holder without a session yet. */
  public SessionHolder(
      CredentialKey key,
      SessionAuthenticator authenticator,
      Duration skew,
      Clock clock,
      TransportListener listener) {
    this.key = key;
    this.authenticator = authenticator;
    this.skew = skew;
    this.clock = clock;
    this.listener = listener;
  }

  /** The authenticator this holder logs in with. */
  public SessionAuthenticator authenticator() {
    return authenticator;
  }

  /** A session valid for at least the renewal skew, logging in (single-flight) when needed. */
  public Session current(TenantClient loginClient) throws IOException {
    Session observed;
    synchronized (lock) {
      observed = current;
      if (observed != null && !dueForRenewal(observed)) {
        lastUsed = clock.instant();
        return observed;
      }
    }
    return refresh(loginClient, observed, observed != null);
  }

  /**
   * Replaces {@code expired}, which the remote reported expired, unless another caller already
   * replaced it; then returns that newer session.
   */
  public Session refreshExpired(TenantClient loginClient, Session expired) throws IOException {
    return refresh(loginClient, expired, false);
  }

  /** The secret values of the current session, for log masking. */
  public List<String> secretValues() {
    Session s;
    synchronized (lock) {
      s = current;
    }
    return s == null ? Collections.emptyList() : new ArrayList<>(s.secretValues());
  }

  /** Forgets the current session and returns it (null if none), for logout. */
  public Session clear() {
    synchronized (lock) {
      Session s = current;
      current = null;
      return s;
    }
  }

  private Session refresh(TenantClient loginClient, Session observed, boolean proactive)
      throws IOException {
    CompletableFuture<Session> flight;
    boolean leader = false;
    synchronized (lock) {
      if (current != null && current != observed && !dueForRenewal(current)) {
        lastUsed = clock.instant();
        return current;
      }
      if (inflight == null) {
        inflight = new CompletableFuture<>();
        leader = true;
      }
      flight = inflight;
    }
    if (leader) {
      try {
        Session fresh =
            Objects.requireNonNull(
                authenticator.login(loginClient, observed), "SessionAuthenticator.login returned null");
        synchronized (lock) {
          current = fresh;
          lastUsed = clock.instant();
          inflight = null;
        }
        flight.complete(fresh);
        listener.sessionRefreshed(key, proactive);
        return fresh;
      } catch (Throwable t) {
        synchronized (lock) {
          inflight = null;
        }
        flight.completeExceptionally(t);
        throw t;
      }
    }
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException iie = new InterruptedIOException("interrupted while waiting for a login");
      iie.initCause(e);
      throw iie;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw new IOException("login for " + key + " failed: " + cause.getClass().getSimpleName(), cause);
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException("login for " + key + " failed", cause);
    }
  }

  private boolean dueForRenewal(Session s) {
    Instant horizon = clock.instant().plus(skew);
    if (s.expiresAt().isPresent() && !horizon.isBefore(s.expiresAt().get())) {
      return true;
    }
    return s.idleTimeout().isPresent()
        && lastUsed != null
        && !horizon.isBefore(lastUsed.plus(s.idleTimeout().get()));
  }
}
