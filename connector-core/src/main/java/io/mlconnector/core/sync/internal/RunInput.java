package io.mlconnector.core.sync.internal;

/** Where a run's records come from: a poll flow's pages, a webhook flow's inbox, a file flow's folder. */
interface RunInput {
  /** Reads the input and writes every record it holds through the run's write path. */
  void run();
}
