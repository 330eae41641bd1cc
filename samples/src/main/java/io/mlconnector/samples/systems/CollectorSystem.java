package io.mlconnector.samples.systems;

import io.mlconnector.core.role.Collector;
import java.util.List;

/** A collector as the sample opens it for one tenant: its role, its checks, its clients to close. */
public interface CollectorSystem extends AutoCloseable {

  /** The collector provider for the sample's tenant. */
  Collector.Provider<?, ?> collector();

  /** Runs the client's checks, each with its latency. */
  List<PingLine> ping();

  /** Closes the clients (default: nothing to close). */
  @Override
  default void close() {}
}
