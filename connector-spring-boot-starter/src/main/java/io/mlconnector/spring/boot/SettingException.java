package io.mlconnector.spring.boot;

import java.util.List;
import java.util.Objects;

/**
 * A setting of the {@code mlc.*} properties is missing or wrong. The message names every bad
 * property in full ({@code mlc.integrations.billing.tenants.acme.syspro.rest-url: is missing}) and
 * never carries a secret's value.
 */
public final class SettingException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final List<String> properties;

  /** One bad property. */
  public SettingException(String property, String reason) {
    this(List.of(Objects.requireNonNull(property, "property")),
        property + ": " + Objects.requireNonNull(reason, "reason"));
  }

  private SettingException(List<String> properties, String message) {
    super(message);
    this.properties = List.copyOf(properties);
  }

  /** Several problems at once (each already naming its property). */
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

  /** The full names of the bad properties. */
  public List<String> properties() {
    return properties;
  }
}
