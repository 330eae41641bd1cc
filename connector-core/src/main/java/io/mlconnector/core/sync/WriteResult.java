package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.Map;
import java.util.Objects;

/**
 * The target record a {@link Sink} wrote or found.
 *
 * @param target the target record
 * @param attributes small attributes later steps need (an invoice number, a hosted URL); saved
 *     with the mapping; never secrets
 * @param operationKey the operation key stamped on the target when the sink stores one and {@link
 *     Sink#findByStamp} read it back, else null. It tells the engine whether a found target was
 *     written by the very operation it is resolving (adopt as is) or by an earlier one (adopt, then
 *     update with the current data).
 */
public record WriteResult(ExternalRef target, Map<String, String> attributes, String operationKey) {
  /**
   * Checks that {@code target} is set; null {@code attributes} become empty.
   *
   * @param target the target record
   * @param attributes small attributes later steps need (an invoice number, a hosted URL); saved
   *     with the mapping; never secrets
   * @param operationKey the operation key stamped on the target when the sink stores one and {@link
   *     Sink#findByStamp} read it back, else null. It tells the engine whether a found target was
   *     written by the very operation it is resolving (adopt as is) or by an earlier one (adopt, then
   *     update with the current data).
   */
  public WriteResult {
    Objects.requireNonNull(target, "target");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * A result with only the target ref.
   *
   * @param target the target record
   * @return a result with no attributes and no operation key
   */
  public static WriteResult of(ExternalRef target) {
    return new WriteResult(target, Map.of(), null);
  }
}
