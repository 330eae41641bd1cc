package io.mlconnector.spring.boot;

import java.util.List;

/**
 * One system's clients opened for one tenant by a {@link ConnectorFactory}: what the health
 * contributor pings and what is closed when the application stops.
 */
public interface TenantConnection extends AutoCloseable {

  /**
   * Runs the clients' checks (reachability, authentication, a read), each with its latency.
   *
   * @return every check, passed or not; a failed check is reported, not thrown
   */
  List<ConnectorCheck> ping();

  /** Closes the clients (logs off where the system has sessions). */
  @Override
  void close();
}
