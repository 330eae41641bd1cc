package io.mlconnector.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * System-specific extras attached to a canonical record, under typed keys, so that what only one
 * system knows (a SYSPRO branch, a Stripe hosted invoice URL) travels with the record without a
 * field for it in the canonical model.
 *
 * <p>A connector declares its keys as constants and reads them back with their type:
 *
 * <pre>{@code
 * static final Extensions.Key<String> BRANCH = Extensions.Key.of("syspro.branch", String.class);
 *
 * Extensions ext = Extensions.of(BRANCH, "10");
 * String branch = ext.get(BRANCH).orElse("");
 * }</pre>
 *
 * <p>Key names are unique within one {@code Extensions}: two keys with the same name and different
 * types are refused rather than silently shadowing each other. By convention a name starts with the
 * system that owns it ({@code syspro.}, {@code stripe.}). Values should be immutable (strings,
 * numbers, dates, {@link Money}, {@link ExternalRef}, records); the map itself is immutable and
 * every change returns a new instance.
 */
public final class Extensions {

  private static final Extensions EMPTY = new Extensions(Map.of());

  private final Map<String, Entry> entries;

  private Extensions(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** {@return no extensions} */
  public static Extensions empty() {
    return EMPTY;
  }

  /**
   * One extension.
   *
   * @param <T> the type of the key's values
   * @param key the key
   * @param value its value, a {@code key.type()}
   * @return the extensions
   */
  public static <T> Extensions of(Key<T> key, T value) {
    return EMPTY.with(key, value);
  }

  /** {@return a builder for several extensions} */
  public static Builder builder() {
    return new Builder(EMPTY);
  }

  /** {@return a builder that starts with these extensions} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * These extensions with {@code key} set to {@code value} (replacing any earlier value).
   *
   * @param <T> the type of the key's values
   * @param key the key
   * @param value its value
   * @return new extensions; these are not changed
   * @throws IllegalArgumentException if {@code value} is not a {@code key.type()}, or a key with
   *     the same name and another type is already present
   */
  public <T> Extensions with(Key<T> key, T value) {
    Checks.notNull(key, "key");
    Checks.notNull(value, "value of extension '" + key.name() + "'");
    if (!key.type().isInstance(value)) {
      throw new IllegalArgumentException(
          "value of extension '"
              + key.name()
              + "' must be a "
              + key.type().getName()
              + " but was a "
              + value.getClass().getName());
    }
    Entry existing = entries.get(key.name());
    if (existing != null && !existing.key.equals(key)) {
      throw typeClash(existing.key, key);
    }
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.put(key.name(), new Entry(key, value));
    return new Extensions(Collections.unmodifiableMap(copy));
  }

  /**
   * These extensions without {@code key}; the same instance if it was absent.
   *
   * @param key the key to remove
   * @return the extensions without it
   */
  public Extensions without(Key<?> key) {
    Checks.notNull(key, "key");
    Entry existing = entries.get(key.name());
    if (existing == null || !existing.key.equals(key)) {
      return this;
    }
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.remove(key.name());
    return copy.isEmpty() ? EMPTY : new Extensions(Collections.unmodifiableMap(copy));
  }

  /**
   * The value under {@code key}, if present.
   *
   * @param <T> the type of the key's values
   * @param key the key
   * @return the value; empty when absent
   * @throws IllegalArgumentException if the name is present under another type
   */
  public <T> Optional<T> get(Key<T> key) {
    Checks.notNull(key, "key");
    Entry entry = entries.get(key.name());
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.key.equals(key)) {
      throw typeClash(entry.key, key);
    }
    return Optional.of(key.type().cast(entry.value));
  }

  /**
   * The value under {@code key}.
   *
   * @param <T> the type of the key's values
   * @param key the key
   * @return the value
   * @throws IllegalStateException if it is absent, naming the key
   */
  public <T> T require(Key<T> key) {
    return get(key)
        .orElseThrow(() -> new IllegalStateException("extension '" + key.name() + "' is not set"));
  }

  /**
   * Whether a value is present under {@code key} (same name and type).
   *
   * @param key the key
   * @return true when a value is present
   */
  public boolean contains(Key<?> key) {
    Checks.notNull(key, "key");
    Entry entry = entries.get(key.name());
    return entry != null && entry.key.equals(key);
  }

  /** {@return the keys present, in insertion order} */
  public Set<Key<?>> keys() {
    Set<Key<?>> keys = new LinkedHashSet<>();
    entries.values().forEach(e -> keys.add(e.key));
    return Collections.unmodifiableSet(keys);
  }

  /** {@return the number of extensions} */
  public int size() {
    return entries.size();
  }

  /** {@return whether there are none} */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Extensions && entries.equals(((Extensions) o).entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** The names and values, e.g. {@code {syspro.branch=10}}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (Entry e : entries.values()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(e.key.name()).append('=').append(e.value);
    }
    return b.append('}').toString();
  }

  private static IllegalArgumentException typeClash(Key<?> present, Key<?> asked) {
    return new IllegalArgumentException(
        "extension '"
            + asked.name()
            + "' holds a "
            + present.type().getName()
            + ", not a "
            + asked.type().getName());
  }

  private static final class Entry {
    final Key<?> key;
    final Object value;

    Entry(Key<?> key, Object value) {
      this.key = key;
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry && key.equals(((Entry) o).key) && value.equals(((Entry) o).value);
    }

    @Override
    public int hashCode() {
      return 31 * key.hashCode() + value.hashCode();
    }
  }

  /**
   * A typed key: a name and the class of its values. Keys are equal when name and type are.
   *
   * @param <T> the value type
   */
  public static final class Key<T> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
      this.name = name;
      this.type = type;
    }

    /**
     * A key named {@code name} (letters, digits, {@code . _ : -}; conventionally prefixed with the
     * owning system, e.g. {@code syspro.branch}) whose values are of {@code type}.
     *
     * @param <T> the type of the values
     * @param name the key name
     * @param type the class of the values
     * @return the key
     * @throws IllegalArgumentException if the name is blank or has other characters
     */
    public static <T> Key<T> of(String name, Class<T> type) {
      Checks.text(name, "name");
      Checks.notNull(type, "type");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "name '" + name + "' may only contain letters, digits and . _ : -");
      }
      if (type.isPrimitive()) {
        throw new IllegalArgumentException(
            "type of extension '" + name + "' must be a class, not the primitive " + type);
      }
      return new Key<>(name, type);
    }

    /** {@return the key's name} */
    public String name() {
      return name;
    }

    /** {@return the class of the key's values} */
    public Class<T> type() {
      return type;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && name.equals(((Key<?>) o).name) && type.equals(((Key<?>) o).type);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + type.hashCode();
    }

    /** {@code name:SimpleTypeName}. */
    @Override
    public String toString() {
      return name + ':' + type.getSimpleName();
    }
  }

  /** Collects extensions; {@link #build()} returns the immutable map. */
  public static final class Builder {

    private Extensions current;

    private Builder(Extensions start) {
      this.current = start;
    }

    /**
     * Sets {@code key} to {@code value}; see {@link Extensions#with(Key, Object)}.
     *
     * @param <T> the type of the key's values
     * @param key the key
     * @param value its value
     * @return this builder
     */
    public <T> Builder put(Key<T> key, T value) {
      current = current.with(key, value);
      return this;
    }

    /**
     * Removes {@code key}.
     *
     * @param key the key; absent keys are ignored
     * @return this builder
     */
    public Builder remove(Key<?> key) {
      current = current.without(key);
      return this;
    }

    /** {@return the extensions collected so far} */
    public Extensions build() {
      return current;
    }
  }
}
