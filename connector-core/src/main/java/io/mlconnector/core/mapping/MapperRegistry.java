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

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The mapper from {@code sourceType} to {@code targetType} for {@code tenant}.
   *
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

  /** A builder that starts from this registry's entries (to add a tenant override, say). */
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

    /** Registers the default mapper of a pair, replacing an earlier one. */
    public <S, T> Builder register(Class<S> sourceType, Class<T> targetType, Mapper<S, T> mapper) {
      defaults.put(
          new Pair(Objects.requireNonNull(sourceType, "sourceType"),
              Objects.requireNonNull(targetType, "targetType")),
          Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /** Adds a factory, asked after the overrides and before the defaults, in the order added. */
    public Builder addFactory(Mapper.Factory factory) {
      factories.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /** Overrides the mapper of a pair for one tenant. */
    public <S, T> Builder override(
        String tenant, Class<S> sourceType, Class<T> targetType, Mapper<S, T> mapper) {
      Objects.requireNonNull(tenant, "tenant");
      overrides.put(
          new TenantPair(tenant, new Pair(Objects.requireNonNull(sourceType, "sourceType"),
              Objects.requireNonNull(targetType, "targetType"))),
          Objects.requireNonNull(mapper, "mapper"));
      return this;
    }

    /** The registry. */
    public MapperRegistry build() {
      return new MapperRegistry(this);
    }
  }

  private record Pair(Class<?> source, Class<?> target) {}

  private record TenantPair(String tenant, Pair pair) {}
}
