package io.mlconnector.acumatica;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RateLimitedException;
import java.time.Duration;

/**
 * The sign-in (cookie login or OAuth token request) was refused because the licence's "Maximum
 * Number of Web Services API Users" is reached: Acumatica's "API Login Limit". Another process
 * holds the API-user slots (sessions not signed out count until they expire). Wait, or sign out
 * the other sessions; Acumatica offers no API to end them.
 */
public final class ApiLoginLimitException extends RateLimitedException {
  private static final long serialVersionUID = 1L;

  /**
   * The refusal, with the remote's text.
   *
   * @param details the operation and the remote's text
   */
  public ApiLoginLimitException(ErrorDetails details) {
    super(details, Duration.ZERO);
  }
}
