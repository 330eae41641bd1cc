package io.mlconnector.sapb1;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link B1Batch}: one {@link Response} per request answered, in order. A change set
 * that failed is answered by its failing request alone, and the Service Layer stops there.
 *
 * @param responses the answered requests
 */
public record B1BatchResult(List<Response> responses) {

  /**
   * Copies the list.
   *
   * @param responses the answered requests
   */
  public B1BatchResult {
    responses = List.copyOf(responses);
  }

  /**
   * One answered request.
   *
   * @param status the HTTP status of the request
   * @param contentId its Content-ID, or null
   * @param headers its headers (names as sent)
   * @param body its body text (empty for 204)
   */
  public record Response(int status, @Nullable String contentId, Map<String, String> headers, String body) {

    /**
     * Whether the request succeeded.
     *
     * @return true for a 2xx status
     */
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /**
     * The entity in the body of a 200/201 answer.
     *
     * @return the entity, with the part's ETag
     * @throws B1FormatException if the body is empty
     */
    public B1Entity entity() {
      if (body.isBlank()) {
        throw new B1FormatException("batch answer " + status + " has no body");
      }
      return B1Entity.of(io.mlconnector.sapb1.internal.JsonText.object(body, "batch answer"), headers.get("ETag"));
    }
  }
}
