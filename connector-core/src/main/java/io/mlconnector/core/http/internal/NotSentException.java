package io.mlconnector.core.http.internal;

import java.io.InterruptedIOException;

/**
 * The caller was interrupted while waiting (for a rate permit, a call slot or a retry) before the
 * request was sent, so the remote cannot have acted on it.
 */
public final class NotSentException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  /** An interruption while waiting for {@code what}. */
  public NotSentException(String what, InterruptedException cause) {
    super("interrupted while waiting for " + what + "; the request was not sent");
    initCause(cause);
  }
}
