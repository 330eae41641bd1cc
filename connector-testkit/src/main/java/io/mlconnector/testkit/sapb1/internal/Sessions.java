package io.mlconnector.testkit.sapb1.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Service Layer sessions: a GUID per login, an idle timeout that each successful call restarts,
 * an optional cap on concurrent sessions per user (licence seats), logout, and test hooks that
 * expire sessions.
 */
public final class Sessions {

  /** One session. */
  public static final class Session {
    final String id;
    final String user;
    Instant lastUsed;

    Session(String id, String user, Instant lastUsed) {
      this.id = id;
      this.user = user;
      this.lastUsed = lastUsed;
    }

    /** The user it belongs to. */
    public String user() {
      return user;
    }
  }

  private final SimConfig config;
  private final Clock clock;
  private final Random random;
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private long logins;
  private long logouts;

  /** Sessions with GUIDs from a seeded generator. */
  public Sessions(SimConfig config, Clock clock, long seed) {
    this.config = config;
    this.clock = clock;
    this.random = new Random(seed);
  }

  /**
   * Opens a session for {@code user}.
   *
   * @throws WriteException when every seat of the user is taken
   */
  public synchronized Session open(String user) {
    purge();
    if (config.maxSessionsPerUser > 0) {
      long inUse = sessions.values().stream().filter(s -> s.user.equals(user)).count();
      if (inUse >= config.maxSessionsPerUser) {
        throw new WriteException(config.seatsExhaustedStatus, config.seatsExhaustedCode, config.seatsExhaustedMessage);
      }
    }
    String id = new UUID(random.nextLong(), random.nextLong()).toString();
    Session s = new Session(id, user, clock.instant());
    sessions.put(id, s);
    logins++;
    return s;
  }

  /** The live session with {@code id}, its idle timer restarted; null when unknown or expired. */
  public synchronized @Nullable Session touch(String id) {
    if (id == null) {
      return null;
    }
    Session s = sessions.get(id);
    if (s == null) {
      return null;
    }
    if (expired(s)) {
      sessions.remove(id);
      return null;
    }
    s.lastUsed = clock.instant();
    return s;
  }

  /** Ends a session. */
  public synchronized void close(String id) {
    if (sessions.remove(id) != null) {
      logouts++;
    }
  }

  /** Ends every session (as if the server restarted or all timed out). */
  public synchronized void expireAll() {
    sessions.clear();
  }

  /** Sessions alive now. */
  public synchronized int live() {
    purge();
    return sessions.size();
  }

  /** Logins so far. */
  public synchronized long logins() {
    return logins;
  }

  /** Logouts so far. */
  public synchronized long logouts() {
    return logouts;
  }

  private void purge() {
    for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
      if (expired(it.next())) {
        it.remove();
      }
    }
  }

  private boolean expired(Session s) {
    Duration idle = Duration.ofMinutes(config.sessionTimeoutMinutes);
    return !clock.instant().isBefore(s.lastUsed.plus(idle));
  }
}
