package io.mlconnector.spring.boot;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings of one system for one tenant: the plain values under {@code
 * mlc.integrations.<name>.tenants.<tenant>.<system>.*} and the secrets held encrypted in the
 * credential store. Every accessor that refuses a value names the full property.
 */
public final class SystemSettings {
  private final String prefix;
  private final String tenant;
  private final String system;
  private final Map<String, String> values;
  private final CredentialStore credentials;

  /**
   * Settings read from {@code values} (keys relative to {@code prefix}, secrets left out).
   *
   * @param prefix the properties' prefix, for messages, for example {@code
   *     mlc.integrations.billing.tenants.acme.syspro}
   * @param tenant the tenant the settings are for
   * @param system the system's name, lower case
   * @param values the plain values by key, relative to {@code prefix}
   * @param credentials the store the tenant's secrets of {@code system} are read from
   */
  public SystemSettings(String prefix, String tenant, String system, Map<String, String> values,
      CredentialStore credentials) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.system = Objects.requireNonNull(system, "system");
    this.values = Map.copyOf(new TreeMap<>(Objects.requireNonNull(values, "values")));
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * The tenant.
   *
   * @return the tenant id
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The system.
   *
   * @return the system's name, lower case
   */
  public String system() {
    return system;
  }

  /**
   * The full property name of {@code key}.
   *
   * @param key a key relative to the prefix, for example {@code rest-url}
   * @return the prefix and the key, for messages
   */
  public String property(String key) {
    return prefix + "." + key;
  }

  /**
   * The plain keys set.
   *
   * @return the keys, sorted; secrets are not among them
   */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * A plain value, when set and not blank.
   *
   * @param key the key relative to the prefix
   * @return the value, trimmed; empty when missing or blank
   */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * A plain value that must be set.
   *
   * @param key the key relative to the prefix
   * @return the value, trimmed, not blank
   * @throws SettingException naming the property when it is missing
   */
  public String require(String key) {
    return value(key).orElseThrow(() -> new SettingException(property(key), "is missing"));
  }

  /**
   * A duration ({@code 30s}, {@code 5m}, {@code PT30S}), when set.
   *
   * @param key the key relative to the prefix
   * @return the duration (a number without unit is seconds; {@code ms}, {@code s}, {@code m}, {@code
   *     h} and {@code d} are understood); empty when missing or blank
   * @throws SettingException naming the property when it is not a duration
   */
  public Optional<Duration> duration(String key) {
    return value(key).map(v -> parseDuration(property(key), v));
  }

  /**
   * {@code true} or {@code false}, when set.
   *
   * @param key the key relative to the prefix
   * @return the value (any letter case); empty when missing or blank
   * @throws SettingException naming the property otherwise
   */
  public Optional<Boolean> bool(String key) {
    return value(key).map(v -> {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(v);
      }
      throw new SettingException(property(key), "must be true or false, was '" + v + "'");
    });
  }

  /**
   * A number, when set.
   *
   * @param key the key relative to the prefix
   * @return the value; empty when missing or blank
   * @throws SettingException naming the property when it is not one
   */
  public Optional<Double> number(String key) {
    return value(key).map(v -> {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new SettingException(property(key), "is not a number: '" + v + "'");
      }
    });
  }

  /**
   * A whole number, when set.
   *
   * @param key the key relative to the prefix
   * @return the value; empty when missing or blank
   * @throws SettingException naming the property when it is not one
   */
  public Optional<Integer> integer(String key) {
    return value(key).map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new SettingException(property(key), "is not a whole number: '" + v + "'");
      }
    });
  }

  /**
   * A secret from the credential store (one of the factory's {@link ConnectorFactory#secretKeys}),
   * when stored. Its field is the key in camel case ({@code operator-password} is {@code
   * operatorPassword}).
   *
   * @param key the key as the properties write it, for example {@code operator-password}
   * @return the secret; empty when not stored
   */
  public Optional<Secret> secret(String key) {
    return credentials.get(tenant, system).flatMap(c -> c.find(field(key)));
  }

  /**
   * A secret that must be stored.
   *
   * @param key the key as the properties write it
   * @return the secret
   * @throws SettingException naming the property to give (once) when it is not stored
   */
  public Secret requireSecret(String key) {
    return secret(key).orElseThrow(() -> new SettingException(property(key),
        "is missing (give it once: it is then kept encrypted in the credential store)"));
  }

  /**
   * The credentials stored for this tenant and system.
   *
   * @return the credentials; empty when none are stored
   */
  public Optional<Credentials> credentials() {
    return credentials.get(tenant, system);
  }

  /**
   * The credential store's field of a secret key: {@code operator-password} is {@code operatorPassword}.
   *
   * @param key the key; {@code .}, {@code -} and {@code _} separate its words
   * @return the key in camel case
   */
  public static String field(String key) {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char ch : key.toCharArray()) {
      if (ch == '.' || ch == '-' || ch == '_') {
        upper = s.length() > 0;
      } else {
        s.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return s.toString();
  }

  static Duration parseDuration(String property, String v) {
    String s = v.trim();
    try {
      if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P")) {
        return Duration.parse(s);
      }
      int i = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == 0) {
        throw new SettingException(property, "is not a duration (30s, 5m, PT30S): '" + v + "'");
      }
      long n = Long.parseLong(s.substring(0, i));
      switch (s.substring(i).trim().toLowerCase(java.util.Locale.ROOT)) {
        case "ms":
          return Duration.ofMillis(n);
        case "", "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        case "h":
          return Duration.ofHours(n);
        case "d":
          return Duration.ofDays(n);
        default:
          throw new SettingException(property, "is not a duration (30s, 5m, PT30S): '" + v + "'");
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new SettingException(property, "is not a duration (30s, 5m, PT30S): '" + v + "'");
    }
  }

  @Override
  public String toString() {
    return "SystemSettings{" + prefix + ", keys " + values.keySet() + "}";
  }
}
