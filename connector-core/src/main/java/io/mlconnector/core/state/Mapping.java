package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import java.util.Map;
import java.util.Objects;

/**
 * A source record linked to its target record, with attributes the target returned that later
 * steps need (a Stripe invoice's {@code number} and {@code hosted_invoice_url}, say).
 *
 * @param source the source record
 * @param target the target record; same tenant as the source
 * @param attributes small string attributes, never secrets
 */
public record Mapping(ExternalRef source, ExternalRef target, Map<String, String> attributes) {

  /**
   * Checks the components.
   *
   * @param source the source record
   * @param target the target record; same tenant as the source
   * @param attributes small string attributes, never secrets
   */
  public Mapping {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (!source.tenant().equals(target.tenant())) {
      throw new IllegalArgumentException(
          "source and target must belong to one tenant: " + source.tenant() + " vs " + target.tenant());
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * A mapping of {@code source} to {@code target} without attributes.
   *
   * @param source the source record
   * @param target the target record; same tenant as the source
   * @return the mapping
   * @throws IllegalArgumentException when the two belong to different tenants
   */
  public static Mapping of(ExternalRef source, ExternalRef target) {
    return new Mapping(source, target, Map.of());
  }
}
