package io.mlconnector.chargebee;

import java.util.Map;
import java.util.Optional;

/**
 * A single-result answer: the resources it carried, by wrapper name ({@code {"invoice":{...},
 * "customer":{...}}}), and whether Chargebee replayed a stored answer for the idempotency key
 * ({@code chargebee-idempotency-replayed: true}).
 *
 * @param resources the resources by name
 * @param replayed whether this is a replay of an earlier request with the same key
 */
public record ChargebeeResponse(Map<String, ChargebeeResource> resources, boolean replayed) {
  /**
   * Copies the map.
   *
   * @param resources the resources by name
   * @param replayed whether this is a replay of an earlier request with the same key
   */
  public ChargebeeResponse {
    resources = Map.copyOf(resources);
  }

  /**
   * The resource named {@code name}, if present.
   *
   * @param name the wrapper name, e.g. {@code invoice}
   * @return the resource, or empty when the answer did not carry it
   */
  public Optional<ChargebeeResource> find(String name) {
    return Optional.ofNullable(resources.get(name));
  }

  /**
   * The resource named {@code name}.
   *
   * @throws IllegalStateException when the answer did not carry it
   * @param name the wrapper name, e.g. {@code invoice}
   * @return the resource
   */
  public ChargebeeResource get(String name) {
    ChargebeeResource r = resources.get(name);
    if (r == null) {
      throw new IllegalStateException("Chargebee answer carried no " + name + " (had " + resources.keySet() + ")");
    }
    return r;
  }
}
