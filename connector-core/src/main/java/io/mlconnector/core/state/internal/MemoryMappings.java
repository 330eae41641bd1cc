package io.mlconnector.core.state.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateConflictException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store's ID mappings, unique on both sides. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryMappings {
  /** (tenant, source system, type, id, target system) to mapping. */
  private final Map<List<String>, Mapping> bySource = new HashMap<>();

  /** (tenant, target system, type, id) to mapping. */
  private final Map<List<String>, Mapping> byTarget = new HashMap<>();

  /** See {@link io.mlconnector.core.state.StateStore#mappingBySource}. */
  public Optional<Mapping> bySource(ExternalRef source, String targetSystem) {
    Checks.notNull(source, "source");
    Checks.text(targetSystem, "targetSystem");
    return Optional.ofNullable(bySource.get(sourceKey(source, targetSystem)));
  }

  /** See {@link io.mlconnector.core.state.StateStore#mappingByTarget}. */
  public Optional<Mapping> byTarget(ExternalRef target) {
    Checks.notNull(target, "target");
    return Optional.ofNullable(byTarget.get(targetKey(target)));
  }

  /** Saves {@code mapping}, or throws (changing nothing) when either side is mapped elsewhere. */
  public void save(Mapping mapping) {
    Checks.notNull(mapping, "mapping");
    check(mapping);
    put(mapping);
  }

  /** Throws when either side of {@code mapping} is already mapped to another record. */
  public void check(Mapping mapping) {
    Mapping s = bySource.get(sourceKey(mapping.source(), mapping.target().system()));
    if (s != null && !s.target().equals(mapping.target())) {
      throw new StateConflictException(
          "source " + mapping.source() + " is already mapped to " + s.target());
    }
    Mapping t = byTarget.get(targetKey(mapping.target()));
    if (t != null && !t.source().equals(mapping.source())) {
      throw new StateConflictException(
          "target " + mapping.target() + " is already mapped to " + t.source());
    }
  }

  /** Saves a mapping {@link #check} accepted. */
  public void put(Mapping mapping) {
    bySource.put(sourceKey(mapping.source(), mapping.target().system()), mapping);
    byTarget.put(targetKey(mapping.target()), mapping);
  }

  private static List<String> sourceKey(ExternalRef source, String targetSystem) {
    return List.of(source.tenant(), source.system(), source.type(), source.id(), targetSystem);
  }

  private static List<String> targetKey(ExternalRef target) {
    return List.of(target.tenant(), target.system(), target.type(), target.id());
  }
}
