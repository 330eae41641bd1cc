package io.mlconnector.spring.boot;

import io.mlconnector.integrations.PayablesIntegration;

/**
 * Adjusts a payables integration's builder after the properties are applied (reference tables of
 * GL accounts and cost centres, vendors both ways, payments ...). Every bean of this type is applied,
 * in order.
 */
@FunctionalInterface
public interface PayablesIntegrationCustomizer {

  /**
   * Adjusts the builder of integration {@code name} ({@code mlc.integrations.<name>}).
   *
   * @param name the integration's name in the properties
   * @param builder the builder, with the properties applied; the starter builds it afterwards
   */
  void customize(String name, PayablesIntegration.Builder builder);
}
