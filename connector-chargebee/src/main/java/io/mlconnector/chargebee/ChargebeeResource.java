package io.mlconnector.chargebee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Chargebee resource as the API answered it ({@code customer}, {@code invoice}, {@code
 * transaction}, {@code event}, ...), with typed accessors. Unknown attributes are kept. Immutable;
 * {@link #toString()} shows the type and id only (resources hold personal data).
 */
public final class ChargebeeResource {
  private final String type;
  private final Map<String, Object> attributes;

  /**
   * A resource of {@code type} with the given attributes (copied).
   *
   * @param type the wrapper name, e.g. {@code invoice}
   * @param attributes the attributes as parsed from JSON; nested maps and lists are copied too
   */
  public ChargebeeResource(String type, Map<String, ?> attributes) {
    this.type = Objects.requireNonNull(type, "type");
    this.attributes = freeze(Objects.requireNonNull(attributes, "attributes"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> freeze(Map<String, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> mm ? freeze((Map<String, ?>) mm)
        : v instanceof List<?> l ? freezeList(l) : v));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> freezeList(List<?> l) {
    List<Object> out = new ArrayList<>();
    for (Object v : l) {
      out.add(v instanceof Map<?, ?> mm ? freeze((Map<String, ?>) mm) : v instanceof List<?> ll ? freezeList(ll) : v);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The wrapper name ({@code invoice}).
   *
   * @return the wrapper name; for a nested object, the attribute it was read from
   */
  public String type() {
    return type;
  }

  /**
   * {@code id}.
   *
   * @return the id, or null when the resource has none (a nested object such as an address)
   */
  public @Nullable String id() {
    return string("id");
  }

  /**
   * A text attribute, or null.
   *
   * @param name the attribute's name
   * @return its value as text (whole numbers without a decimal point), or null when absent
   */
  public @Nullable String string(String name) {
    Object v = attributes.get(name);
    return v == null ? null : v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        ? String.valueOf(n.longValue()) : String.valueOf(v);
  }

  /**
   * An integer attribute (minor units, Unix seconds), or null.
   *
   * @param name the attribute's name
   * @return its value, or null when absent
   * @throws IllegalArgumentException if the value is not a number
   */
  public @Nullable Long number(String name) {
    Object v = attributes.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(type + "." + name + " is not a number: " + v);
    }
  }

  /**
   * An integer attribute, or {@code dflt}.
   *
   * @param name the attribute's name
   * @param dflt the value when absent
   * @return its value, or {@code dflt}
   * @throws IllegalArgumentException if the value is not a number
   */
  public long number(String name, long dflt) {
    Long v = number(name);
    return v == null ? dflt : v;
  }

  /**
   * A boolean attribute ({@code false} when absent).
   *
   * @param name the attribute's name
   * @return true only when the attribute is {@code true}
   */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(attributes.get(name));
  }

  /**
   * A nested object, or null.
   *
   * @param name the attribute's name, e.g. {@code billing_address}
   * @return the object, typed {@code name}; null when absent or not an object
   */
  @SuppressWarnings("unchecked")
  public @Nullable ChargebeeResource object(String name) {
    Object v = attributes.get(name);
    return v instanceof Map<?, ?> m ? new ChargebeeResource(name, (Map<String, ?>) m) : null;
  }

  /**
   * A list of nested objects (empty when absent).
   *
   * @param name the attribute's name, e.g. {@code line_items}
   * @return the objects, each typed {@code name}; entries that are not objects are skipped
   */
  @SuppressWarnings("unchecked")
  public List<ChargebeeResource> list(String name) {
    Object v = attributes.get(name);
    List<ChargebeeResource> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add(new ChargebeeResource(name, (Map<String, ?>) m));
        }
      }
    }
    return out;
  }

  /**
   * {@code resource_version}, or 0.
   *
   * @return the version Chargebee bumps on every change
   */
  public long resourceVersion() {
    return number("resource_version", 0);
  }

  /**
   * {@code updated_at} (Unix seconds), or 0.
   *
   * @return the last change, in Unix seconds
   */
  public long updatedAt() {
    return number("updated_at", 0);
  }

  /**
   * Every attribute (unmodifiable).
   *
   * @return the attributes by name, in the answer's order
   */
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ChargebeeResource r && r.type.equals(type) && r.attributes.equals(attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, attributes);
  }

  @Override
  public String toString() {
    return type + "{" + id() + "}";
  }
}
