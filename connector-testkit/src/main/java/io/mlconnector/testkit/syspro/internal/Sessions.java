package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.syspro.BusyPolicy;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SecondLogonPolicy;
import io.mlconnector.testkit.syspro.SessionIdStyle;
import io.mlconnector.testkit.syspro.SessionInfo;
import io.mlconnector.testkit.syspro.SysproMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * e.net sessions: logon against the operator table, licence seats, per-operator concurrent-user
 * limit with eviction, idle timeout on the simulator clock, and one call at a time per session.
 */
public final class Sessions {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  /** A live session. */
  static final class Session {
    final String id;
    final String operator;
    final Instant loggedOnAt;
    Instant lastActivity;
    boolean ended;
    final ReentrantLock lock = new ReentrantLock(true);

    Session(String id, String operator, Instant at) {
      this.id = id;
      this.operator = operator;
      this.loggedOnAt = at;
      this.lastActivity = at;
    }

    public String operator() {
      return operator;
    }
  }

  private final Config config;
  private final Clock clock;
  private final Random random;
  private final Map<String, Session> live = new LinkedHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private long evicted;
  private long expired;
  private long logons;

  public Sessions(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.random = new Random(config.seed);
  }

  /** Logs on; returns the new session id exactly as the body carries it. */
  public synchronized String logon(
      String operator, String password, String company, String companyPassword) {
    purgeExpired();
    Operator op = operator == null ? null : config.operators.get(operator.strip());
    if (company == null || !company.strip().equals(config.companyId)) {
      throw new EnetError(
          config.message(SysproMessage.UNKNOWN_COMPANY, company == null ? "" : company));
    }
    if (op == null) {
      throw new EnetError(
          config.message(SysproMessage.UNKNOWN_OPERATOR, operator == null ? "" : operator));
    }
    if (!op.password().equals(password == null ? "" : password)) {
      throw new EnetError(config.message(SysproMessage.INVALID_OPERATOR_PASSWORD));
    }
    if (!config.companyPassword.equals(companyPassword == null ? "" : companyPassword)) {
      throw new EnetError(config.message(SysproMessage.INVALID_COMPANY_PASSWORD));
    }
    List<Session> mine = new ArrayList<>();
    for (Session s : live.values()) {
      if (s.operator.equals(op.code())) {
        mine.add(s);
      }
    }
    if (mine.size() >= op.concurrentUsers()) {
      if (config.secondLogon == SecondLogonPolicy.REJECT) {
        throw new EnetError(config.message(SysproMessage.OPERATOR_IN_USE, op.code()));
      }
      mine.sort(Comparator.comparing((Session s) -> s.lastActivity));
      Session oldest = mine.get(0);
      end(oldest);
      evicted++;
      LOG.debug("operator {} logged on again: evicted its oldest session", op.code());
    }
    if (live.size() >= config.licenceSeats) {
      throw new EnetError(config.message(SysproMessage.LICENCE_EXHAUSTED, config.licenceSeats));
    }
    String id = newId();
    Session s = new Session(id.strip(), op.code(), clock.instant());
    live.put(s.id, s);
    logons++;
    return id;
  }

  private String newId() {
    int hexChars = config.sessionIdStyle == SessionIdStyle.SYSPRO_7 ? 34 : 68;
    StringBuilder sb = new StringBuilder();
    while (sb.length() < hexChars) {
      sb.append(String.format("%08X", random.nextInt()));
    }
    sb.setLength(hexChars);
    String id = sb.toString().toUpperCase(Locale.ROOT);
    return config.sessionIdStyle == SessionIdStyle.SYSPRO_7 ? id + "  " : id;
  }

  /** Logs off; an unknown id is an invalid-session exception. */
  public synchronized void logoff(String userId) {
    purgeExpired();
    Session s = userId == null ? null : live.get(userId.strip());
    if (s == null) {
      throw new EnetError(config.message(SysproMessage.INVALID_SESSION));
    }
    end(s);
  }

  /**
   * Takes the session for one call (waiting or failing when busy, per policy) and refreshes its
   * activity; the caller must {@link #release} it.
   */
  public Session acquire(String userId) throws InterruptedException {
    Session s;
    synchronized (this) {
      purgeExpired();
      s = userId == null ? null : live.get(userId.strip());
      if (s == null) {
        throw new EnetError(config.message(SysproMessage.INVALID_SESSION));
      }
    }
    if (config.busyPolicy == BusyPolicy.REJECT) {
      if (!s.lock.tryLock()) {
        throw new EnetError(config.message(SysproMessage.SESSION_BUSY));
      }
    } else {
      waiting.incrementAndGet();
      try {
        s.lock.lockInterruptibly();
      } finally {
        waiting.decrementAndGet();
      }
    }
    synchronized (this) {
      if (s.ended || isExpired(s)) {
        s.lock.unlock();
        purgeExpired();
        throw new EnetError(config.message(SysproMessage.INVALID_SESSION));
      }
      s.lastActivity = clock.instant();
    }
    return s;
  }

  /** Ends one call on the session. */
  public void release(Session s) {
    s.lock.unlock();
  }

  private boolean isExpired(Session s) {
    return Duration.between(s.lastActivity, clock.instant()).compareTo(config.idleTimeout) >= 0;
  }

  private void purgeExpired() {
    for (Iterator<Session> it = live.values().iterator(); it.hasNext(); ) {
      Session s = it.next();
      if (isExpired(s)) {
        s.ended = true;
        it.remove();
        expired++;
      }
    }
  }

  private void end(Session s) {
    s.ended = true;
    live.remove(s.id);
  }

  /** Live sessions (each holds a seat), expired ones purged first. */
  public synchronized List<SessionInfo> active() {
    purgeExpired();
    List<SessionInfo> out = new ArrayList<>();
    for (Session s : live.values()) {
      out.add(new SessionInfo(s.id, s.operator, s.loggedOnAt, s.lastActivity));
    }
    return out;
  }

  public synchronized long evictedCount() {
    return evicted;
  }

  public synchronized long expiredCount() {
    purgeExpired();
    return expired;
  }

  public synchronized long logonCount() {
    return logons;
  }

  /** Calls currently waiting for a busy session (under {@link BusyPolicy#SERIALISE}). */
  public int waitingCalls() {
    return waiting.get();
  }
}
