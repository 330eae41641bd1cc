package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A request that is not safe to repeat (a plain POST without an idempotency key) failed after it
 * may have reached the remote: a connection reset, a timeout or a 5xx answer. The remote may have
 * applied it ("may have landed"), so the SDK did not repeat it.
 *
 * <p>Before trying again, find out whether it landed (look the target up by the reference stamped
 * on it) or repeat it with an idempotency key. {@link #isRetryable()} is therefore {@code false},
 * although the failure itself is transient and {@link #mayHaveLanded()} is {@code true}.
 */
public class OutcomeUnknownException extends TransientException {
  private static final long serialVersionUID = 1L;

  /**
   * An outcome-unknown failure with the given details and cause.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (the reset, the timeout), or null
   */
  public OutcomeUnknownException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * An outcome-unknown failure with the given details.
   *
   * @param details what is known about the failed call
   */
  public OutcomeUnknownException(ErrorDetails details) {
    super(details);
  }

  /** Always {@code false}: repeating blindly could apply the request twice. */
  @Override
  public boolean isRetryable() {
    return false;
  }

  /** Always {@code true}: the remote may have applied the request. */
  @Override
  public boolean mayHaveLanded() {
    return true;
  }
}
