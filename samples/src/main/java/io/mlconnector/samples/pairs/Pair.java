package io.mlconnector.samples.pairs;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.PingLine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** One pair the sample runs: its offline demo, its app for real systems, its checks. */
public interface Pair {

  /** The pair's name, for example {@code syspro-stripe}. */
  String name();

  /**
   * Runs the offline demo on simulators and an embedded H2 store under {@code dataDir}, printing
   * its story and reconciliation to {@code out}.
   *
   * @param invoices how many invoices the demo company has
   * @return how it reconciled
   */
  DemoResult demo(PrintStream out, Path dataDir, int invoices) throws InterruptedException;

  /** Opens the pair for the tenant of {@code config} (credential store key from {@code keys}). */
  PairApp open(SampleConfig config, KeyProvider keys);

  /** Each system's checks, with their latency. */
  List<PingLine> ping(SampleConfig config, CredentialStore credentials, HttpTransport transport);

  /**
   * How a demo ended.
   *
   * @param pair the pair's name
   * @param records how many records were reconciled
   * @param failing how many of them do not reconcile (parked records count as failing)
   * @param detail what does not reconcile, or empty
   */
  record DemoResult(String pair, int records, int failing, String detail) {
    /** True when everything reconciles. */
    public boolean ok() {
      return failing == 0;
    }

    /** The closing line: {@code <pair>: everything reconciles} or {@code <pair>: <n> of <m> do not reconcile}. */
    public String closingLine() {
      return ok() ? pair + ": everything reconciles"
          : pair + ": " + failing + " of " + records + " do not reconcile" + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }
}
