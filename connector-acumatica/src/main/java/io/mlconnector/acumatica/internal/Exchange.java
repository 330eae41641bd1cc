package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.AcumaticaValidationException;
import io.mlconnector.acumatica.ApiLoginLimitException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.TenantClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request plumbing of {@code AcumaticaClient}: one exchange with the instance, its answer read
 * or mapped onto the core error tree (a 422 naming each failing field and line), and the session
 * rule of long-running actions: while an action runs in a session, Acumatica refuses every other
 * request of that session, so an action holds the session alone until its status URL answers 204
 * (polled after 100 ms, doubling up to the poll interval, for at most the action timeout).
 *
 * <p><b>Sessions.</b> With more than one session (OAuth scope {@code api:concurrent_access}), each
 * is a lane with its own {@code ASP.NET_SessionId} cookie, taken from the answer to its first
 * request (which runs alone in its lane, so that no second session opens behind it). An action
 * takes a lane with no action running, others a lane no action holds. Every lane goes through the
 * one transport client, so they share its token, its requests-per-minute budget and its
 * concurrent-request limit. A lane the licence refuses ("API Login Limit") is dropped.
 */
public final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
  private static final String SYSTEM = "acumatica";
  private static final Duration FIRST_POLL = Duration.ofMillis(100);

  /** Reads a successful answer's body text. */
  @FunctionalInterface
  public interface Body<R> {
    /** The result from {@code body}. */
    R read(String body) throws IOException;
  }

  /** Reads a successful answer. */
  @FunctionalInterface
  public interface Answer<R> {
    /** The result from {@code response}. */
    R read(Response response) throws IOException;
  }

  private final TenantClient http;
  private final HttpTransport transport;
  private final HttpUrl instanceUrl;
  private final Duration actionPollInterval;
  private final Duration actionTimeout;
  private final Runnable onNotFound;
  private final Lane[] lanes;
  private final AtomicInteger next = new AtomicInteger();

  /** One server session. */
  private static final class Lane {
    final int index;
    // A running action makes every other request of its session fail until it ends: actions hold
    // the write side, every other call the read side.
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    final Object opening = new Object();
    volatile @Nullable String cookie; // null until the server opened the session
    volatile boolean opened; // the first answer came (with or without a cookie)
    volatile boolean dropped;

    Lane(int index) {
      this.index = index;
    }
  }

  /**
   * The plumbing over {@code http}; {@code onNotFound} runs on a 404 (it may throw the version
   * mismatch that explains it).
   */
  public Exchange(TenantClient http, HttpTransport transport, HttpUrl instanceUrl, Duration actionPollInterval,
      Duration actionTimeout, int sessions, Runnable onNotFound) {
    this.http = http;
    this.transport = transport;
    this.instanceUrl = instanceUrl;
    this.actionPollInterval = actionPollInterval;
    this.actionTimeout = actionTimeout;
    this.onNotFound = onNotFound;
    this.lanes = new Lane[sessions];
    for (int i = 0; i < sessions; i++) {
      lanes[i] = new Lane(i);
    }
  }

  /** The transport client. */
  public TenantClient http() {
    return http;
  }

  /** Sends {@code request} and reads the body text of its successful answer. */
  public <R> R call(Request request, boolean repeatable, Body<R> reader) {
    return exchange(request, repeatable, response -> {
      String text = response.body() == null ? "" : response.body().string();
      return reader.read(text);
    });
  }

  /** Sends {@code request} (waiting while an action of the session runs) and reads its answer. */
  public <R> R exchange(Request request, boolean repeatable, Answer<R> reader) {
    while (true) {
      Lane lane = readLane();
      try {
        return inLane(lane, request, repeatable, reader);
      } catch (LaneRefused e) {
        continue; // that session was refused: another one takes the request
      } finally {
        lane.lock.readLock().unlock();
      }
    }
  }

  /**
   * Posts an action and waits for it, holding the session alone: a {@code 202} is polled at its
   * {@code Location} until {@code 204}.
   *
   * @throws TransientException when the action still runs after the bounded wait
   * @throws RejectedException when the operation failed (the status URL answered an error)
   */
  public void action(Request request, String operation) {
    while (true) {
      Lane lane = writeLane();
      try {
        String location = inLane(lane, request, false,
            response -> response.code() == 202 ? response.header("Location") : null);
        if (location != null) {
          awaitOperation(lane, operation, location); // else 204: done at once
        }
        return;
      } catch (LaneRefused e) {
        continue;
      } finally {
        lane.lock.writeLock().unlock();
      }
    }
  }

  /** A lane no action holds, read-locked: free ones first, else wait for one in turn. */
  private Lane readLane() {
    int start = Math.floorMod(next.getAndIncrement(), lanes.length);
    for (int i = 0; i < lanes.length; i++) {
      Lane lane = lanes[(start + i) % lanes.length];
      if (!lane.dropped && !lane.lock.isWriteLocked() && !lane.lock.hasQueuedThreads()
          && lane.lock.readLock().tryLock()) {
        return lane;
      }
    }
    Lane lane = live(start);
    lane.lock.readLock().lock();
    return lane;
  }

  /** A lane running no action, write-locked: free ones first, else wait for one in turn. */
  private Lane writeLane() {
    int start = Math.floorMod(next.getAndIncrement(), lanes.length);
    for (int i = 0; i < lanes.length; i++) {
      Lane lane = lanes[(start + i) % lanes.length];
      if (!lane.dropped && lane.lock.writeLock().tryLock()) {
        return lane;
      }
    }
    Lane lane = live(start);
    lane.lock.writeLock().lock();
    return lane;
  }

  private Lane live(int start) {
    for (int i = 0; i < lanes.length; i++) {
      Lane lane = lanes[(start + i) % lanes.length];
      if (!lane.dropped) {
        return lane;
      }
    }
    throw new IllegalStateException("no session left"); // cannot happen: the last open one is never dropped
  }

  /** Sends in {@code lane}; its first request runs alone there, to learn its session cookie. */
  private <R> R inLane(Lane lane, Request request, boolean repeatable, Answer<R> reader) {
    if (lanes.length > 1 && !lane.opened) {
      synchronized (lane.opening) {
        if (!lane.opened) {
          return exchangeLocked(lane, request, repeatable, reader);
        }
      }
    }
    return exchangeLocked(lane, request, repeatable, reader);
  }

  /** The lane's session was refused by the licence; the request was not processed. */
  private static final class LaneRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LaneRefused() {
      super(null, null, false, false);
    }
  }

  /**
   * Signs every extra session out ({@code POST entity/auth/logout} with its cookie), freeing its
   * API-user slot; failures are logged, never thrown.
   */
  public void signOutSessions() {
    if (lanes.length == 1) {
      return;
    }
    for (Lane lane : lanes) {
      String cookie = lane.cookie;
      if (cookie == null) {
        continue;
      }
      Request logout = new Request.Builder().url(http.url("entity/auth/logout"))
          .post(okhttp3.RequestBody.create(new byte[0], null)).header("Cookie", cookie)
          .tag(RequestOptions.class, RequestOptions.builder().operation("POST entity/auth/logout").repeatable(true).build())
          .build();
      try (Response response = http.execute(logout)) {
        lane.cookie = null;
        lane.opened = false;
        if (!response.isSuccessful()) {
          LOG.warn("Acumatica sign-out of session {} answered {}", lane.index + 1, response.code());
        }
      } catch (ConnectorException e) {
        LOG.warn("Acumatica sign-out of session {} failed: {}", lane.index + 1, e.getMessage());
      }
    }
  }

  /** Sessions in use (not refused by the licence). */
  public int liveSessions() {
    int n = 0;
    for (Lane lane : lanes) {
      n += lane.dropped ? 0 : 1;
    }
    return n;
  }

  private void awaitOperation(Lane lane, String operation, String location) {
    HttpUrl statusUrl = instanceUrl.resolve(location);
    if (statusUrl == null) {
      throw new RejectedException(ErrorDetails.of(SYSTEM, operation)
          .withRemote(null, "unusable Location header of a running action"));
    }
    Clock clock = transport.clock();
    Instant deadline = clock.instant().plus(actionTimeout);
    // the first polls come quickly (most releases take well under a second), then every interval
    Duration wait = actionPollInterval.compareTo(FIRST_POLL) < 0 ? actionPollInterval : FIRST_POLL;
    while (true) {
      Request poll = new Request.Builder().url(statusUrl).get()
          .tag(RequestOptions.class, RequestOptions.builder().operation(operation + " status").build())
          .build();
      int status = exchangeLocked(lane, poll, true, Response::code);
      if (status == 204 || status == 200) {
        return;
      }
      if (!clock.instant().plus(wait).isBefore(deadline)) {
        throw new TransientException(ErrorDetails.of(SYSTEM, operation).withHttpStatus(202)
            .withRemote("still-running", "the action was still running after " + actionTimeout
                + "; read the record's status before invoking it again"));
      }
      sleep(wait, operation, "interrupted while waiting for the action");
      wait = doubled(wait);
    }
  }

  private <R> R exchangeLocked(Lane lane, Request plain, boolean repeatable, Answer<R> reader) {
    String operation = http.operation(plain);
    Clock clock = transport.clock();
    Instant deadline = null;
    Duration wait = FIRST_POLL;
    while (true) {
      Request request = lanes.length > 1 && lane.cookie != null
          ? plain.newBuilder().header("Cookie", lane.cookie).build() : plain;
      Response response = http.execute(request);
      if (lanes.length > 1) {
        learnSession(lane, response);
      }
      if (response.code() == 500 && runningOperation(response)) {
        // an action whose answer was lost still runs in this session, which refuses every other
        // request until it ends; the request was not processed, so it is repeated (any method)
        deadline = deadline == null ? clock.instant().plus(actionTimeout) : deadline;
        if (clock.instant().plus(wait).isBefore(deadline)) {
          response.close();
          LOG.debug("{}: a long-running operation is still running in the session; waiting {}", operation, wait);
          sleep(wait, operation, "interrupted while a long-running operation ran");
          wait = doubled(wait);
          continue;
        }
      }
      return answer(operation, response, repeatable, reader);
    }
  }

  private void learnSession(Lane lane, Response response) {
    for (String header : response.headers("Set-Cookie")) {
      String pair = header.split(";", 2)[0].trim();
      if (pair.startsWith("ASP.NET_SessionId=") && pair.length() > "ASP.NET_SessionId=".length()) {
        lane.cookie = pair;
      }
    }
    if (response.isSuccessful() || response.code() == 422 || response.code() == 404) {
      lane.opened = true;
      return;
    }
    if (lane.cookie == null && loginLimit(response) && anotherOpened(lane)) {
      lane.dropped = true;
      response.close();
      LOG.warn("the Acumatica licence refused session {} (API Login Limit): going on with {} session(s)",
          lane.index + 1, liveSessions());
      throw new LaneRefused();
    }
  }

  private boolean anotherOpened(Lane lane) {
    for (Lane other : lanes) {
      if (other != lane && other.opened && !other.dropped) {
        return true;
      }
    }
    return false;
  }

  private static boolean loginLimit(Response response) {
    try {
      return response.peekBody(8192).string().contains(AcumaticaErrors.LOGIN_LIMIT);
    } catch (IOException e) {
      return false;
    }
  }

  private Duration doubled(Duration wait) {
    return wait.multipliedBy(2).compareTo(actionPollInterval) > 0 ? actionPollInterval : wait.multipliedBy(2);
  }

  private void sleep(Duration wait, String operation, String interrupted) {
    try {
      transport.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(ErrorDetails.of(SYSTEM, operation).withRemote(null, interrupted));
    }
  }

  private static boolean runningOperation(Response response) {
    try {
      return response.peekBody(8192).string().toLowerCase(Locale.ROOT).contains("long-running operation");
    } catch (IOException e) {
      return false;
    }
  }

  private <R> R answer(String operation, Response received, boolean repeatable, Answer<R> reader) {
    try (Response response = received) {
      if (response.isSuccessful()) {
        try {
          return reader.read(response);
        } catch (IOException e) {
          throw http.errorMapper().fromIOException(SYSTEM, operation, e, repeatable);
        }
      }
      String body;
      try {
        body = response.body() == null ? "" : response.body().string();
      } catch (IOException e) {
        body = "";
      }
      throw failure(operation, response, body, repeatable);
    }
  }

  private ConnectorException failure(String operation, Response response, String body, boolean repeatable) {
    Redactor redactor = http.config().redactor();
    if (response.code() == 422 && body.trim().startsWith("{")) {
      try {
        List<AcumaticaValidationException.FieldError> errors = AcumaticaErrors.fieldErrors(JsonTree.parseObject(body));
        if (!errors.isEmpty()) {
          List<AcumaticaValidationException.FieldError> clean = new ArrayList<>();
          for (AcumaticaValidationException.FieldError e : errors) {
            clean.add(new AcumaticaValidationException.FieldError(e.path(), redactor.scrubSecrets(e.message())));
          }
          return new AcumaticaValidationException(ErrorDetails.of(SYSTEM, operation).withHttpStatus(422)
              .withRemote("validation", AcumaticaErrors.join(clean))
              .withRequestId(http.errorMapper().requestId(response.headers())), clean);
        }
      } catch (RuntimeException e) {
        // not an entity: fall through
      }
    }
    RemoteError remote = AcumaticaErrors.DECODER.decode(response, body);
    remote = new RemoteError(remote.code(), remote.message() == null ? null : redactor.scrubSecrets(remote.message()));
    if (body.contains(AcumaticaErrors.LOGIN_LIMIT)) {
      // a new session (concurrent access) beyond the licence's API users
      return new ApiLoginLimitException(ErrorDetails.of(SYSTEM, operation).withHttpStatus(response.code())
          .withRemote("API Login Limit", "API Login Limit: the licence's maximum number of API users is reached ("
              + (remote.message() == null ? "no detail" : remote.message()) + ")")
          .withRequestId(http.errorMapper().requestId(response.headers())));
    }
    ConnectorException mapped = http.errorMapper().fromResponse(
        SYSTEM, operation, response.code(), response.headers(), remote, repeatable);
    if (mapped instanceof NotFoundException) {
      onNotFound.run(); // throws VersionMismatchException when the version is not served
    }
    return mapped;
  }
}
