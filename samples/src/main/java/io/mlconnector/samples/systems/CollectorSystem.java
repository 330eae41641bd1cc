package io.mlconnector.samples.systems;

import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.samples.SampleConfig;
import java.util.List;

/** A collector as the sample opens it for one tenant: its role, its checks, its clients to close. */
public interface CollectorSystem extends AutoCloseable {

  /** The collector provider for the sample's tenant. */
  Collector.Provider<?, ?> collector();

  /** Runs the client's checks, each with its latency. */
  List<PingLine> ping();

  /**
   * Flows of this collector beyond the receivables integration's (default none): the sample adds
   * them to its engine, its webhook server and {@code runOnce}.
   */
  default List<Flow<?, ?>> extraFlows(SampleConfig config, StateStore store) {
    return List.of();
  }

  /** Closes the clients (default: nothing to close). */
  @Override
  default void close() {}
}
