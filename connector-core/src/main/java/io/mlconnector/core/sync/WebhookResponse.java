package io.mlconnector.core.sync;

/**
 * What to answer the webhook sender.
 *
 * @param status 200 once the event is durably stored (or was already), 4xx when refused, 503 when
 *     the store could not be written (the sender retries)
 * @param body a short plain-text reason
 */
public record WebhookResponse(int status, String body) {

  /**
   * True for a 2xx answer.
   *
   * @return true when {@code status} is 200 to 299
   */
  public boolean accepted() {
    return status >= 200 && status < 300;
  }
}
