package io.mlconnector.core.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the mapper of a (source type, target type) pair for a tenant. Lookup order: the tenant's
 * override, then each {@link Mapper.Factory} in the order added (the first non-null answer wins),
 * then the default registered for the pair. Immutable; build one with {@link #builder()}.
 */
public final class MapperRegistry {
  private final Map<Pair, Mapper<?, ?>> defaults;
  private final Map<TenantPair, Mapper<?, ?>> overrides;
  private final List<Mapper.Factory> factories;

  private MapperRegistry(Builder builder) {
    this.defaults = Map.copyOf(builder.defaults);
    this.overrides = Map.copyOf(builder.overrides);
    this.factories = List.copyOf(builder.factories);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The mapper from {@code sourceType} to {@code targetType} for {@code tenant}.
   *
   * @param <S> the source record type
   * @param <T> the target record type
   * @param tenant the tenant being served
   * @param sourceType the class of the source records
   * @param targetType the class of the records to write
   * @return the tenant's override, else the first factory's mapper, else the default
   * @throws IllegalStateException when no override, factory or default handles the pair
   */
  @SuppressWarnings("unchecked")
  public <S, T> Mapper<S, T> mapper(String tenant, Class<S> sourceType, Class<T> targetType) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(targetType, "targetType");
    Mapper<?, ?> found = overrides.get(new TenantPair(tenant, new Pair(sourceType, targetType)));
    if (found == null) {
      for (Mapper.Factory factory : factories) {
        found = factory.create(sourceType, targetType, tenant);
        if (found != null) {
          break;
        }
      }
    }
    if (found == null) {
      found = defaults.get(new Pair(sourceType, targetType));
    }
    if (found == null) {
      throw new IllegalStateException(
          "no mapper from " + sourceType.getName() + " to " + targetType.getName()
              + " for tenant " + tenant);
    }
    return (Mapper<S, T>) found;
  }

  /**
   * {@return a builder that starts from this registry's entries (to add a tenant override, say)}
   */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.defaults.putAll(defaults);
    builder.overrides.putAll(overrides);
    builder.factories.addAll(factories);
    return builder;
  }

  /** Builds a {@link MapperRegistry}. */
  public static final class Builder {
    private final Map<Pair, Mapper<?, ?>> defaults = new HashMap<>();
    private final Map<TenantPair, Mapper<?, ?>> overrides = new HashMap<>();
    private final List<Mapper.Factory> factories = new ArrayList<>();

    private Builder() {}

    /**
     * Registers the default mapper of a pair, replacing an earlier one.
     *
     * @param <S> the source record type
     * @param <T> the target record type
     * @param sourceType the class of the source records
     * @param targetType the class of the records to write
     * @param mapper the mapper used for every tenant without an override
     * @return this builder
     */
    public <S, T> Builder register(Class<S> sourceType, Class<T> targetType, Mapper<S, T> mapper) {
      defaults.put(
          new Pair(Objects.requireNonNull(sourceType, "sourceType"),
              Objects.requireNonNull(targetType, "targetType")),
          Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /**
     * Adds a factory, asked after the overrides and before the defaults, in the order added.
     *
     * @param factory the factory, asked for every pair
     * @return this builder
     */
    public Builder addFactory(Mapper.Factory factory) {
      factories.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /**
     * Overrides the mapper of a pair for one tenant.
     *
     * @param <S> the source record type
     * @param <T> the target record type
     * @param tenant the tenant the override applies to
     * @param sourceType the class of the source records
     * @param targetType the class of the records to write
     * @param mapper the tenant's mapper
     * @return this builder
     */
    public <S, T> Builder override(
        String tenant, Class<S> sourceType, Class<T> targetType, Mapper<S, T> mapper) {
      Objects.requireNonNull(tenant, "tenant");
      overrides.put(
          new TenantPair(tenant, new Pair(Objects.requireNonNull(sourceType, "sourceType"),
              Objects.requireNonNull(targetType, "targetType"))),
          Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /** {@return the registry} */
    public MapperRegistry build() {
      return new MapperRegistry(this);
    }
  }

  private record Pair(Class<?> source, Class<?> target) {}

  private record TenantPair(String tenant, Pair pair) {}
}
