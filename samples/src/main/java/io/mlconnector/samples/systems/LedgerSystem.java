package io.mlconnector.samples.systems;

import io.mlconnector.core.role.ReceivablesLedger;
import java.util.List;

/** An ERP as the sample opens it for one tenant: its receivables ledger, its checks, its clients to close. */
public interface LedgerSystem extends AutoCloseable {

  /** The ledger provider for the sample's tenant. */
  ReceivablesLedger.Provider receivables();

  /** Runs the client's checks (reachability, authentication, one read), each with its latency. */
  List<PingLine> ping();

  /** Logs off and closes the clients. */
  @Override
  void close();
}
