package io.mlconnector.spring.boot;

import java.util.List;
import java.util.Objects;

/**
 * A setting of the {@code mlc.*} properties is missing or wrong. The message names every bad
 * property in full ({@code mlc.integrations.billing.tenants.acme.syspro.rest-url: is missing}) and
 * never carries a secret's value.
 */
public final class SettingException extends IllegalStateException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The full names of the bad properties. */
  private final List<String> properties;

  /**
   * One bad property.
   *
   * @param property the property's full name, for example {@code mlc.integrations.billing.pair}
   * @param reason what is wrong with it, never its value if it is a secret
   */
  public SettingException(String property, String reason) {
    this(List.of(Objects.requireNonNull(property, "property")),
        property + ": " + Objects.requireNonNull(reason, "reason"));
  }

  private SettingException(List<String> properties, String message) {
    super(message);
    this.properties = List.copyOf(properties);
  }

  /**
   * Several problems at once (each already naming its property).
   *
   * @param problems the problems, at least one
   * @return the only problem itself, or one exception naming every property and listing every message
   */
  public static SettingException of(List<SettingException> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    List<String> names = problems.stream().flatMap(p -> p.properties().stream()).toList();
    StringBuilder s = new StringBuilder(problems.size() + " settings are wrong:");
    for (SettingException p : problems) {
      s.append("\n  ").append(p.getMessage());
    }
    return new SettingException(names, s.toString());
  }

  /**
   * The full names of the bad properties.
   *
   * @return the names, in the order the problems were found
   */
  public List<String> properties() {
    return properties;
  }
}
