package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.CallInfo;

/** Mutable per-call bookkeeping, carried as a request tag from the client to its interceptors. */
public final class CallState {
  private final CallInfo info;
  private final boolean repeatable;
  private volatile int attempts;

  /** State of a call described by {@code info}. */
  public CallState(CallInfo info, boolean repeatable) {
    this.info = info;
    this.repeatable = repeatable;
  }

  /** The call. */
  public CallInfo info() {
    return info;
  }

  /** Whether the request is safe to repeat. */
  public boolean repeatable() {
    return repeatable;
  }

  /** Attempts made so far. */
  public int attempts() {
    return attempts;
  }

  void attempts(int attempts) {
    this.attempts = attempts;
  }
}
