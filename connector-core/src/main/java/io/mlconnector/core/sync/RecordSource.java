package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.Optional;

/**
 * What every source can do: fetch the current state of one record by ref. The engine re-fetches
 * records for webhook events, retries and reconciliation, so the state written is always the
 * current one. One instance serves one tenant (see {@link TenantScoped}).
 *
 * @param <S> the record type
 */
public interface RecordSource<S> {

  /**
   * The current state of {@code ref}, or empty when the record no longer exists.
   *
   * @param ref the record's ref
   * @return the record; empty when it no longer exists
   * @throws io.mlconnector.core.error.ConnectorException when the remote call fails
   */
  Optional<S> fetch(ExternalRef ref);
}
