package io.mlconnector.samples.pairs;

import io.mlconnector.core.sync.RunReport;
import java.net.URI;
import java.util.Map;

/** A pair opened for one tenant: the engine, the webhook server, the store. */
public interface PairApp extends AutoCloseable {

  /** The tenant. */
  String tenant();

  /** Where the second system should deliver this tenant's webhooks, or null when it sends none. */
  URI webhookUrl();

  /** Runs every flow once, references first; each flow's report. */
  Map<String, RunReport> runOnce();

  /** Starts the engine's scheduler. */
  void start();

  /** Stops the webhook server and the engine, closes the clients and the store. */
  @Override
  void close();
}
