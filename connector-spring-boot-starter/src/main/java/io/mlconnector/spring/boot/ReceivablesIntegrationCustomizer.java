package io.mlconnector.spring.boot;

import io.mlconnector.integrations.ReceivablesIntegration;

/**
 * Adjusts a receivables integration's builder after the properties are applied (mapper overrides,
 * reference tables, journals, retry policy ...). Every bean of this type is applied, in order.
 */
@FunctionalInterface
public interface ReceivablesIntegrationCustomizer {

  /**
   * Adjusts the builder of integration {@code name} ({@code mlc.integrations.<name>}).
   *
   * @param name the integration's name in the properties
   * @param builder the builder, with the properties applied; the starter builds it afterwards
   */
  void customize(String name, ReceivablesIntegration.Builder<?, ?> builder);
}
