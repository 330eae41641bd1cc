package io.mlconnector.core.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small set of named secret fields that together let a client log in to one system: {@code
 * apiKey} for Stripe, {@code operator}, {@code operatorPassword}, {@code companyId} and {@code
 * companyPassword} for SYSPRO, and so on. Every field is a {@link Secret}; {@link #toString()}
 * lists field names only.
 */
public final class Credentials {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final Map<String, Secret> fields;

  private Credentials(Map<String, Secret> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /**
   * A builder.
   *
   * @return a builder with no fields
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Credentials with a single field.
   *
   * @param name the field's name ({@code [A-Za-z][A-Za-z0-9_.-]*}, at most 64 characters)
   * @param value the field's secret, held as it is (not copied)
   * @return credentials with that one field
   * @throws IllegalArgumentException for a bad name
   */
  public static Credentials of(String name, Secret value) {
    return builder().put(name, value).build();
  }

  /**
   * The field {@code name}.
   *
   * @param name the field's name
   * @return the field's secret
   * @throws CredentialException naming the missing field and the fields present
   */
  public Secret get(String name) {
    Secret s = fields.get(Objects.requireNonNull(name, "name"));
    if (s == null) {
      throw new CredentialException("credential field \"" + name + "\" is missing; present: " + fields.keySet());
    }
    return s;
  }

  /**
   * The field {@code name}, if present.
   *
   * @param name the field's name
   * @return the field's secret, or empty when there is no such field
   */
  public Optional<Secret> find(String name) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * The field names, in insertion order.
   *
   * @return the field names, unmodifiable
   */
  public Set<String> names() {
    return fields.keySet();
  }

  /**
   * The fields, in insertion order (unmodifiable).
   *
   * @return the fields by name
   */
  public Map<String, Secret> fields() {
    return fields;
  }

  /** Wipes every field. */
  public void wipe() {
    fields.values().forEach(Secret::wipe);
  }

  /** Equal when the same names hold equal secrets (compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials && fields.equals(((Credentials) o).fields);
  }

  @Override
  public int hashCode() {
    return fields.keySet().hashCode();
  }

  /** {@code Credentials[apiKey, password]}: names only. */
  @Override
  public String toString() {
    return "Credentials" + fields.keySet();
  }

  /** Builds {@link Credentials}. */
  public static final class Builder {
    private final Map<String, Secret> fields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds the field {@code name} ({@code [A-Za-z][A-Za-z0-9_.-]*}, at most 64 characters).
     *
     * @param name the field's name
     * @param value the field's secret, held as it is (not copied)
     * @return this builder
     * @throws IllegalArgumentException for a bad or repeated name
     */
    public Builder put(String name, Secret value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "name must match [A-Za-z][A-Za-z0-9_.-]* (at most 64 characters), was \"" + name + '"');
      }
      if (fields.containsKey(name)) {
        throw new IllegalArgumentException("field \"" + name + "\" is already set");
      }
      fields.put(name, value);
      return this;
    }

    /**
     * Adds the field {@code name} holding text {@code value}.
     *
     * @param name the field's name ({@code [A-Za-z][A-Za-z0-9_.-]*}, at most 64 characters)
     * @param value the field's text
     * @return this builder
     * @throws IllegalArgumentException for a bad or repeated name
     */
    public Builder put(String name, String value) {
      return put(name, Secret.of(Objects.requireNonNull(value, "value")));
    }

    /**
     * Builds the credentials.
     *
     * @return the credentials, with the fields in the order they were added
     * @throws IllegalStateException when no field was added
     */
    public Credentials build() {
      if (fields.isEmpty()) {
        throw new IllegalStateException("credentials need at least one field");
      }
      return new Credentials(new LinkedHashMap<>(fields));
    }
  }
}
