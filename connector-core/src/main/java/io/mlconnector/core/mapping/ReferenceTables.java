package io.mlconnector.core.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-tenant lookup tables mappers read: the GL account for processing fees, the cash account per
 * payment method, the cost-centre map, tax codes. Hosts back it with their own configuration;
 * {@link #builder()} builds an immutable in-memory one.
 */
@FunctionalInterface
public interface ReferenceTables {

  /**
   * The value of {@code key} in {@code table} for {@code tenant}, or empty.
   *
   * @param tenant the tenant whose tables are read
   * @param table the table's name
   * @param key the key looked up
   * @return the value; empty when the table or key is absent
   */
  Optional<String> lookup(String tenant, String table, String key);

  /** {@return tables with no entries} */
  static ReferenceTables empty() {
    return (tenant, table, key) -> Optional.empty();
  }

  /** {@return a builder of immutable in-memory tables} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds immutable in-memory {@link ReferenceTables}. */
  final class Builder {
    private final Map<String, String> entries = new HashMap<>();

    private Builder() {}

    /**
     * Sets {@code table[key] = value} for {@code tenant}.
     *
     * @param tenant the tenant the entry belongs to
     * @param table the table's name
     * @param key the key
     * @param value the value; replaces an earlier one for the same key
     * @return this builder
     */
    public Builder put(String tenant, String table, String key, String value) {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      entries.put(compose(tenant, table, key), value);
      return this;
    }

    /** {@return the tables} */
    public ReferenceTables build() {
      Map<String, String> copy = Map.copyOf(entries);
      return (tenant, table, key) -> Optional.ofNullable(copy.get(compose(tenant, table, key)));
    }

    private static String compose(String tenant, String table, String key) {
      return tenant.length() + ":" + tenant + table.length() + ":" + table + key;
    }
  }
}
