package io.mlconnector.benchmarks;

import io.mlconnector.samples.systems.SimulatedCollector;
import io.mlconnector.samples.systems.SimulatedLedger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An ERP simulation and a collector simulation started for one benchmark run, with the sample's
 * settings pointing at both.
 *
 * @param <L> the ERP simulation
 * @param <C> the collector simulation
 * @param pair the pair's name, for example {@code syspro-stripe}
 * @param ledger the ERP simulation
 * @param collector the collector simulation
 */
public record PairSimulators<L extends SimulatedLedger, C extends SimulatedCollector>(String pair, L ledger, C collector)
    implements AutoCloseable {

  /** Checks that every part is set. */
  public PairSimulators {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(collector, "collector");
  }

  /** The sample's settings for both simulators, secrets included; {@code extra} adds or overrides keys. */
  public Map<String, String> properties(String tenant, Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("pair", pair);
    p.put("tenant", tenant);
    p.putAll(ledger.properties(tenant));
    p.putAll(collector.properties(tenant));
    p.putAll(extra);
    return p;
  }

  @Override
  public void close() {
    collector.close();
    ledger.close();
  }
}
