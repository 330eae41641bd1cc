package io.mlconnector.core.sync.internal;

import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import java.util.Objects;
import java.util.Optional;

/** The context of one mapping call: lookups scoped to one tenant. */
final class MappingContextImpl implements MappingContext {
  private final StateStore store;
  private final ReferenceTables tables;
  private final String tenant;
  private final String flow;
  private final String targetSystem;
  private final ExternalRef source;
  private final boolean dryRun;

  MappingContextImpl(
      StateStore store,
      ReferenceTables tables,
      String tenant,
      String flow,
      String targetSystem,
      ExternalRef source,
      boolean dryRun) {
    this.store = store;
    this.tables = tables;
    this.tenant = tenant;
    this.flow = flow;
    this.targetSystem = targetSystem;
    this.source = source;
    this.dryRun = dryRun;
  }

  @Override
  public String tenant() {
    return tenant;
  }

  @Override
  public String flow() {
    return flow;
  }

  @Override
  public String targetSystem() {
    return targetSystem;
  }

  @Override
  public ExternalRef source() {
    return source;
  }

  @Override
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public Optional<ExternalRef> resolve(ExternalRef ref, String system) {
    Objects.requireNonNull(system, "targetSystem");
    return store.mappingBySource(ofThisTenant(ref), system).map(Mapping::target);
  }

  @Override
  public Optional<ExternalRef> sourceOf(ExternalRef target, String sourceSystem) {
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    return store.mappingByTarget(ofThisTenant(target)).map(Mapping::source)
        .filter(s -> sourceSystem.equals(s.system()));
  }

  /** {@code ref}, checked to be of this context's tenant: mappers never read another tenant's state. */
  private ExternalRef ofThisTenant(ExternalRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (!tenant.equals(ref.tenant())) {
      throw new IllegalArgumentException("ref " + ref + " belongs to another tenant than " + tenant);
    }
    return ref;
  }

  @Override
  public Optional<String> reference(String table, String key) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    return tables.lookup(tenant, table, key);
  }
}
