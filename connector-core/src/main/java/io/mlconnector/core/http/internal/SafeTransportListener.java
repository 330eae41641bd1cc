package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.CallInfo;
import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.TransportListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the host's {@link TransportListener}, logging and ignoring a {@link RuntimeException} it
 * throws, so a broken metrics hook never fails a call, a login or a rate-budget wait. Only the
 * hook name and the exception's class are logged (an exception message could quote request data).
 */
public final class SafeTransportListener implements TransportListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeTransportListener.class);

  private final TransportListener delegate;

  private SafeTransportListener(TransportListener delegate) {
    this.delegate = delegate;
  }

  /** {@code listener} guarded; {@link TransportListener#NONE} and guarded ones as they are. */
  public static TransportListener wrap(TransportListener listener) {
    if (listener == TransportListener.NONE || listener instanceof SafeTransportListener) {
      return listener;
    }
    return new SafeTransportListener(listener);
  }

  private static void failed(String hook, RuntimeException e) {
    LOG.warn("transport listener hook {} threw {}; ignored", hook, e.getClass().getName());
  }

  @Override
  public void callStart(CallInfo call) {
    try {
      delegate.callStart(call);
    } catch (RuntimeException e) {
      failed("callStart", e);
    }
  }

  @Override
  public void retryScheduled(CallInfo call, int attempt, Duration delay, String reason) {
    try {
      delegate.retryScheduled(call, attempt, delay, reason);
    } catch (RuntimeException e) {
      failed("retryScheduled", e);
    }
  }

  @Override
  public void rateLimitWait(CredentialKey key, Duration waited) {
    try {
      delegate.rateLimitWait(key, waited);
    } catch (RuntimeException e) {
      failed("rateLimitWait", e);
    }
  }

  @Override
  public void rateLimited(CredentialKey key, Duration pause, double newPermitsPerSecond) {
    try {
      delegate.rateLimited(key, pause, newPermitsPerSecond);
    } catch (RuntimeException e) {
      failed("rateLimited", e);
    }
  }

  @Override
  public void sessionRefreshed(CredentialKey key, boolean proactive) {
    try {
      delegate.sessionRefreshed(key, proactive);
    } catch (RuntimeException e) {
      failed("sessionRefreshed", e);
    }
  }

  @Override
  public void callEnd(CallInfo call, int status, int attempts, Duration elapsed) {
    try {
      delegate.callEnd(call, status, attempts, elapsed);
    } catch (RuntimeException e) {
      failed("callEnd", e);
    }
  }

  @Override
  public void callFailed(CallInfo call, Exception failure, Duration elapsed) {
    try {
      delegate.callFailed(call, failure, elapsed);
    } catch (RuntimeException e) {
      failed("callFailed", e);
    }
  }

  @Override
  public String toString() {
    return "SafeTransportListener{" + delegate + '}';
  }
}
