package io.mlconnector.spring.boot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConnectorFactory}s by system name: the built-in ones whose connector module is on the
 * class path, then those {@link ServiceLoader} finds, then the given ones (the application's beans),
 * each later one replacing an earlier one of the same system.
 */
public final class ConnectorRegistry {
  private final Map<String, ConnectorFactory> bySystem;

  private ConnectorRegistry(Map<String, ConnectorFactory> bySystem) {
    this.bySystem = Map.copyOf(bySystem);
  }

  /**
   * Exactly {@code factories}.
   *
   * @param factories the factories; of two with one system name, the later wins
   * @return the registry
   */
  public static ConnectorRegistry of(Collection<? extends ConnectorFactory> factories) {
    Map<String, ConnectorFactory> m = new TreeMap<>();
    for (ConnectorFactory f : Objects.requireNonNull(factories, "factories")) {
      m.put(f.system(), f);
    }
    return new ConnectorRegistry(m);
  }

  /**
   * The built-in factories, those {@code classLoader}'s {@link ServiceLoader} finds, then {@code extra}.
   *
   * @param classLoader the loader to look for connector modules and service files in
   * @param extra the application's own factories, which win over the others of their system
   * @return the registry
   */
  public static ConnectorRegistry discover(ClassLoader classLoader, Collection<? extends ConnectorFactory> extra) {
    List<ConnectorFactory> all = new ArrayList<>(io.mlconnector.spring.boot.internal.BuiltInFactories.present(classLoader));
    for (ConnectorFactory f : ServiceLoader.load(ConnectorFactory.class, classLoader)) {
      all.add(f);
    }
    all.addAll(Objects.requireNonNull(extra, "extra"));
    return of(all);
  }

  /**
   * The factory of {@code system}.
   *
   * @param system the system's name, lower case
   * @return the factory, or empty when no factory has that name
   */
  public Optional<ConnectorFactory> find(String system) {
    return Optional.ofNullable(bySystem.get(system));
  }

  /**
   * The systems known, sorted.
   *
   * @return the system names, unmodifiable
   */
  public List<String> systems() {
    return List.copyOf(bySystem.keySet());
  }

  /**
   * Splits a pair name into its two systems ({@code sap-b1-stripe} is {@code sap-b1} and {@code
   * stripe}), trying every known system as the first.
   *
   * @param pair a pair name, for example {@code syspro-stripe}; null gives empty
   * @return the two systems, or empty when no split names two known systems
   */
  public Optional<List<String>> split(@Nullable String pair) {
    if (pair == null) {
      return Optional.empty();
    }
    for (String first : bySystem.keySet()) {
      if (pair.startsWith(first + "-") && bySystem.containsKey(pair.substring(first.length() + 1))) {
        return Optional.of(List.of(first, pair.substring(first.length() + 1)));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ConnectorRegistry" + bySystem.keySet();
  }
}
