package io.mlconnector.core.odata;

import io.mlconnector.core.error.ConnectorException;
/**
 * Paging cannot go on safely: the server sent the same next link twice (it would loop forever),
 * or the page limit was reached. The message names the URL (without user info).
 */
public final class ODataPagingException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   */
  public ODataPagingException(String message) {
    super("odata", message, null);
  }
}
