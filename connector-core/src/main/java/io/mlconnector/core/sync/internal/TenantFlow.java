package io.mlconnector.core.sync.internal;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MapperRegistry;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RecordSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WebhookVerifier;
import java.util.Objects;

/** One tenant's instances of a flow's source, sink, mapper and verifier, created once. */
public final class TenantFlow<S, T> {
  final String tenant;
  final Flow<S, T> flow;
  private final MapperRegistry mappers;
  private volatile RecordSource<S> source;
  private volatile Sink<T> sink;
  private volatile Mapper<S, T> mapper;
  private volatile WebhookVerifier verifier;

  TenantFlow(String tenant, Flow<S, T> flow, MapperRegistry mappers) {
    this.tenant = tenant;
    this.flow = flow;
    this.mappers = mappers;
  }

  synchronized RecordSource<S> source() {
    if (source == null) {
      source =
          Objects.requireNonNull(
              flow.source().forTenant(tenant),
              "source factory of flow " + flow.name() + " returned null for tenant " + tenant);
    }
    return source;
  }

  synchronized Sink<T> sink() {
    if (sink == null) {
      sink =
          Objects.requireNonNull(
              flow.sink().forTenant(tenant),
              "sink factory of flow " + flow.name() + " returned null for tenant " + tenant);
    }
    return sink;
  }

  synchronized Mapper<S, T> mapper() {
    if (mapper == null) {
      mapper =
          flow.mapper() != null
              ? flow.mapper()
              : mappers.mapper(tenant, flow.sourceType(), flow.targetType());
    }
    return mapper;
  }

  /** The tenant's webhook verifier. */
  public synchronized WebhookVerifier verifier() {
    if (verifier == null) {
      verifier =
          Objects.requireNonNull(
              flow.verifier().forTenant(tenant),
              "verifier factory of flow " + flow.name() + " returned null for tenant " + tenant);
    }
    return verifier;
  }
}
