package io.mlconnector.testkit.stripe;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook endpoint registered with the simulator. Its signing secrets are held by the
 * simulator (see {@link WebhookControls#rotateSecret}) and never appear in {@link #toString()}.
 *
 * @param id the endpoint id ({@code we_...})
 * @param url where events are POSTed
 * @param enabledEvents event types delivered ({@code *} for all, {@code invoice.*} for a family)
 */
public record WebhookEndpoint(String id, URI url, Set<String> enabledEvents) {
  /**
   * Validates and copies the arguments.
   *
   * @param id the endpoint id ({@code we_...})
   * @param url where events are POSTed
   * @param enabledEvents event types delivered ({@code *} for all, {@code invoice.*} for a family)
   */
  public WebhookEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    enabledEvents = Set.copyOf(Objects.requireNonNull(enabledEvents, "enabledEvents"));
  }

  /**
   * Whether this endpoint receives events of {@code type}.
   *
   * @param type an event type, for example {@code invoice.paid}
   * @return true if an enabled pattern is {@code *}, the type itself or its family ({@code
   *     invoice.*})
   */
  public boolean accepts(String type) {
    for (String pattern : enabledEvents) {
      if (pattern.equals("*") || pattern.equals(type)
          || (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
