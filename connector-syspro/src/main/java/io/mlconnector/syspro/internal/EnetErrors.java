package io.mlconnector.syspro.internal;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Classifies e.net {@code ERROR} answers (HTTP 200, text starting with {@code ERROR}). */
public final class EnetErrors {

  /** The system name on every error. */
  public static final String SYSTEM = "syspro";

  private final Pattern invalidSession;
  private final Pattern busy;
  private final Pattern unavailable;
  private final @Nullable Pattern lostSession;

  /** Classifier with the configured patterns (no lost-session pattern). */
  public EnetErrors(Pattern invalidSession, Pattern busy, Pattern unavailable) {
    this(invalidSession, busy, unavailable, null);
  }

  /**
   * Classifier with the configured patterns; {@code lostSession} (nullable) matches answers saying
   * SYSPRO lost the session's context ({@code ...registry string BaseDir8}), handled like an
   * invalid session.
   */
  public EnetErrors(Pattern invalidSession, Pattern busy, Pattern unavailable, @Nullable Pattern lostSession) {
    this.invalidSession = invalidSession;
    this.busy = busy;
    this.unavailable = unavailable;
    this.lostSession = lostSession;
  }

  private boolean isLost(String text) {
    return lostSession != null && lostSession.matcher(text).find();
  }

  /** Whether {@code text} is an e.net exception ({@code ERROR...}). */
  public static boolean isError(String text) {
    String t = text.stripLeading();
    return t.regionMatches(true, 0, "ERROR", 0, 5);
  }

  /** The message after {@code ERROR:} / {@code ERROR }. */
  public static String message(String text) {
    String t = text.strip().substring(5).strip();
    if (t.startsWith(":") || t.startsWith("-")) {
      t = t.substring(1).strip();
    }
    return t.isEmpty() ? "(no message)" : t;
  }

  /** Whether the error says the session is invalid, expired or evicted. */
  public boolean isInvalidSession(String text) {
    return isError(text)
        && !busy.matcher(text).find()
        && (invalidSession.matcher(text).find() || isLost(text));
  }

  /** The exception for an {@code ERROR} answer of a business call. */
  public ConnectorException forCall(String operation, String text) {
    String msg = message(text);
    ErrorDetails details =
        ErrorDetails.of(SYSTEM, operation).withHttpStatus(200).withRemote(null, msg);
    if (busy.matcher(msg).find()) {
      return new TransientException(details);
    }
    if (isLost(msg)) {
      return new TransientException(
          details.withRemote(
              null,
              msg
                  + " (SYSPRO lost the session; a new logon was answered the same way: the"
                  + " server may be misconfigured)"));
    }
    if (invalidSession.matcher(msg).find()) {
      return new TransientException(
          details.withRemote(
              null,
              msg
                  + " (the session was replaced once and was invalid again: another logon of"
                  + " the same operator is evicting it)"));
    }
    return new RejectedException(details);
  }

  /** The exception for an {@code ERROR} answer of {@code Logon}. */
  public ConnectorException forLogon(String text) {
    String msg = message(text);
    ErrorDetails details =
        ErrorDetails.of(SYSTEM, "Logon").withHttpStatus(200).withRemote(null, msg);
    if (unavailable.matcher(msg).find() || msg.toLowerCase(Locale.ROOT).contains("licen")) {
      return new TransientException(details);
    }
    return new AuthenticationException(details);
  }
}
