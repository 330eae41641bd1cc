package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.AcumaticaValidationException;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request plumbing of {@code AcumaticaClient}: one exchange with the instance, its answer read
 * or mapped onto the core error tree (a 422 naming each failing field and line), and the session
 * rule of long-running actions: while an action runs in a session, Acumatica refuses every other
 * request of that session, so an action holds the session alone until its status URL answers 204
 * (polled after 100 ms, doubling up to the poll interval, for at most the action timeout).
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
  // A running action makes every other request of its session fail until it ends: actions hold
  // the write side, every other call the read side.
  private final ReentrantReadWriteLock actionLock = new ReentrantReadWriteLock(true);

  /**
   * The plumbing over {@code http}; {@code onNotFound} runs on a 404 (it may throw the version
   * mismatch that explains it).
   */
  public Exchange(TenantClient http, HttpTransport transport, HttpUrl instanceUrl, Duration actionPollInterval,
      Duration actionTimeout, Runnable onNotFound) {
    this.http = http;
    this.transport = transport;
    this.instanceUrl = instanceUrl;
    this.actionPollInterval = actionPollInterval;
    this.actionTimeout = actionTimeout;
    this.onNotFound = onNotFound;
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
    actionLock.readLock().lock();
    try {
      return exchangeLocked(request, repeatable, reader);
    } finally {
      actionLock.readLock().unlock();
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
    actionLock.writeLock().lock();
    try {
      String location = exchangeLocked(request, false,
          response -> response.code() == 202 ? response.header("Location") : null);
      if (location != null) {
        awaitOperation(operation, location); // else 204: done at once
      }
    } finally {
      actionLock.writeLock().unlock();
    }
  }

  private void awaitOperation(String operation, String location) {
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
      int status = exchangeLocked(poll, true, Response::code);
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

  private <R> R exchangeLocked(Request request, boolean repeatable, Answer<R> reader) {
    String operation = http.operation(request);
    Clock clock = transport.clock();
    Instant deadline = null;
    Duration wait = FIRST_POLL;
    while (true) {
      Response response = http.execute(request);
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
    ConnectorException mapped = http.errorMapper().fromResponse(
        SYSTEM, operation, response.code(), response.headers(), remote, repeatable);
    if (mapped instanceof NotFoundException) {
      onNotFound.run(); // throws VersionMismatchException when the version is not served
    }
    return mapped;
  }
}
