package io.mlconnector.samples.pairs;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.samples.ReceivablesDemo;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.CollectorSystem;
import io.mlconnector.samples.systems.LedgerSystem;
import io.mlconnector.samples.systems.PingLine;
import io.mlconnector.samples.systems.SimulatedCollector;
import io.mlconnector.samples.systems.SimulatedLedger;
import io.mlconnector.samples.systems.SystemOpener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A receivables pair: an ERP ledger with a collector, run through the published {@code
 * ReceivablesIntegration}.
 *
 * @param name the pair's name
 * @param ledger opens the ERP from settings
 * @param collector opens the collector from settings
 * @param simulatedLedger starts the ERP's simulator for the demo
 * @param simulatedCollector starts the collector's simulator for the demo
 */
public record ReceivablesPair(
    String name,
    SystemOpener<? extends LedgerSystem> ledger,
    SystemOpener<? extends CollectorSystem> collector,
    Supplier<? extends SimulatedLedger> simulatedLedger,
    Supplier<? extends SimulatedCollector> simulatedCollector) implements Pair {

  /** Checks that every part is set. */
  public ReceivablesPair {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(simulatedLedger, "simulatedLedger");
    Objects.requireNonNull(simulatedCollector, "simulatedCollector");
  }

  @Override
  public DemoResult demo(PrintStream out, Path dataDir, int invoices) throws InterruptedException {
    return new ReceivablesDemo(this, out, dataDir, invoices).run();
  }

  @Override
  public SampleApp open(SampleConfig config, KeyProvider keys) {
    return SampleApp.open(config, keys);
  }

  @Override
  public List<PingLine> ping(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    List<PingLine> out = new ArrayList<>();
    try (LedgerSystem l = ledger.open(config, credentials, transport)) {
      out.addAll(l.ping());
    }
    try (CollectorSystem c = collector.open(config, credentials, transport)) {
      out.addAll(c.ping());
    }
    return out;
  }
}
