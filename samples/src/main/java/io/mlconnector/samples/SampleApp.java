package io.mlconnector.samples;

import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.integrations.ReceivablesIntegration;
import io.mlconnector.integrations.ReceivablesReconciliation;
import io.mlconnector.samples.pairs.PairApp;
import io.mlconnector.samples.pairs.Pairs;
import io.mlconnector.samples.pairs.ReceivablesPair;
import io.mlconnector.samples.systems.CollectorSystem;
import io.mlconnector.samples.systems.LedgerSystem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import io.mlconnector.samples.recipes.ChoosePostgresql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample application of a receivables pair for one tenant: credentials (encrypted at rest),
 * the state store (embedded H2 under the data directory, or PostgreSQL), the two systems' clients
 * (the pair the settings name), the published {@link ReceivablesIntegration} and the webhook server.
 * {@code run} starts the engine's scheduler; tests and the demo call {@link #runOnce} instead.
 */
public final class SampleApp implements PairApp {
  private static final Logger log = LoggerFactory.getLogger(SampleApp.class);

  private final SampleConfig config;
  private final HttpTransport transport;
  private final StateStore store;
  private final AutoCloseable storePool;
  private final LedgerSystem ledger;
  private final CollectorSystem collector;
  private final ReceivablesIntegration sync;
  private final WebhookServer webhooks;
  private final String collectorName;
  private final List<String> extraFlows = new java.util.ArrayList<>();

  private SampleApp(SampleConfig config, KeyProvider keys, UnaryOperator<ReceivablesIntegration.Builder<?, ?>> custom) {
    this.config = config;
    ReceivablesPair pair = Pairs.receivables(config.pair());
    // the store first: an unreachable database is refused before any secret is written
    OpenedStore opened = openStore(config);
    StateStore openedStore = opened.store();
    this.storePool = opened.pool();
    CredentialStore credentials;
    try {
      credentials =
          CredentialStore.builder(keys)
              .storage(CredentialStorage.directory(config.dataDir().resolve("credentials")))
              .build();
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    if (config.hasSecrets()) {
      try {
        int n = config.storeSecrets(credentials);
        log.info("stored {} secrets of tenant {} encrypted under {}; they may be removed from the config file",
            n, config.tenant(), config.dataDir().resolve("credentials"));
      } catch (RuntimeException e) {
        opened.close();
        throw e;
      }
    }
    this.transport = HttpTransport.builder().build();
    LedgerSystem openedLedger = null;
    CollectorSystem openedCollector = null;
    try {
      openedLedger = pair.ledger().open(config, credentials, transport);
      openedCollector = pair.collector().open(config, credentials, transport);
      this.ledger = openedLedger;
      this.collector = openedCollector;
      this.store = openedStore;
      Collector.Provider<?, ?> cp = collector.collector();
      ReceivablesIntegration.Builder<?, ?> b =
          ReceivablesIntegration.builder(ledger.receivables(), cp)
              .store(store)
              .tenants(List.of(config.tenant()))
              .schedule(config.pollInterval(), config.pollInterval().dividedBy(10))
              .pendingGracePeriod(config.duration("engine.pending.grace").orElse(Duration.ofMinutes(2)));
      config.value("engine.parallelism").ifPresent(v -> b.parallelism(integer("engine.parallelism", v)));
      java.util.SortedMap<String, String> accounts = config.withPrefix("gl.accounts.");
      if (accounts.containsKey("fees")) {
        ReferenceTables.Builder tables = ReferenceTables.builder();
        accounts.forEach((key, code) -> tables.put(config.tenant(), "gl-accounts", key, code));
        b.journals(true).referenceTables(tables.build());
      }
      config.value("node.id").ifPresent(b::nodeId);
      config.duration("backstop.lookback").or(() -> config.duration(cp.system() + ".backstop.lookback"))
          .ifPresent(b::backstopLookback);
      List<io.mlconnector.core.sync.Flow<?, ?>> extra = openedCollector.extraFlows(config, openedStore);
      Duration claimTtl = config.duration("engine.claim.ttl").orElse(null);
      Duration leaseTtl = config.duration("engine.lease.ttl").orElse(null);
      b.engine(e -> {
        if (claimTtl != null) {
          e.claimTtl(claimTtl);
        }
        if (leaseTtl != null) {
          e.leaseTtl(leaseTtl);
        }
        extra.forEach(e::addFlow);
        return e;
      });
      this.sync = custom.apply(b).build();
      this.collectorName = cp.system();
      for (io.mlconnector.core.sync.Flow<?, ?> f : extra) {
        extraFlows.add(f.name()); // webhook ones are fed by the engine's intake with the others
      }
      this.webhooks = WebhookServer.builder().host(config.value("webhook.host").orElse("0.0.0.0"))
          .port(config.webhookPort()).intake(cp.system(), sync.webhookIntake()).start();
    } catch (RuntimeException e) {
      opened.close();
      if (openedCollector != null) {
        openedCollector.close();
      }
      if (openedLedger != null) {
        openedLedger.close();
      }
      transport.close();
      throw e;
    }
  }

  /** Opens the app for {@code config}, with the credential store's key from {@code keys}. */
  public static SampleApp open(SampleConfig config, KeyProvider keys) {
    return open(config, keys, b -> b);
  }

  /** As {@link #open(SampleConfig, KeyProvider)}, adjusting the integration's builder. */
  public static SampleApp open(
      SampleConfig config, KeyProvider keys, UnaryOperator<ReceivablesIntegration.Builder<?, ?>> custom) {
    return new SampleApp(Objects.requireNonNull(config, "config"), Objects.requireNonNull(keys, "keys"),
        Objects.requireNonNull(custom, "custom"));
  }

  /** A store and the connection pool it borrows from (null for the embedded store, which owns its own). */
  record OpenedStore(StateStore store, AutoCloseable pool) {
    void close() {
      store.close();
      closePool(pool);
    }
  }

  private static void closePool(AutoCloseable pool) {
    if (pool == null) {
      return;
    }
    try {
      pool.close();
    } catch (Exception e) {
      log.warn("the state store's connection pool did not close cleanly: {}", e.toString());
    }
  }

  /**
   * The store the settings name: PostgreSQL through a HikariCP pool of {@code store.pool.size}
   * connections (default 10; the store borrows one per call and never opens its own), or the
   * embedded H2 file under the data directory.
   */
  static OpenedStore openStore(SampleConfig config) {
    if ("postgresql".equals(config.value("store").orElse("h2"))) {
      int size = config.value("store.pool.size").map(v -> integer("store.pool.size", v)).orElse(10);
      com.zaxxer.hikari.HikariDataSource ds;
      try {
        ds = ChoosePostgresql.pool(config.value("store.jdbc.url").orElseThrow(),
            config.value("store.jdbc.user").orElse(null), config.value("store.jdbc.password").orElse(null), size);
      } catch (RuntimeException e) {
        throw unreachable(config, e);
      }
      JdbcStateStore.Builder b = JdbcStateStore.builder(ds);
      config.value("store.table.prefix").ifPresent(b::tablePrefix);
      try {
        return new OpenedStore(b.build(), ds);
      } catch (io.mlconnector.core.state.StateStoreException e) {
        ds.close();
        Throwable root = e;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        throw new IllegalArgumentException(SettingChecks.problem("store.jdbc.url",
            config.value("store.jdbc.url").orElse("").replaceAll("(?i)(password=)[^&]*", "$1***"),
            "a PostgreSQL server this process can reach and log in to (" + e.getMessage() + ": "
                + root.getMessage() + ")"), e);
      }
    }
    return new OpenedStore(JdbcStateStore.embeddedH2(config.dataDir().resolve("state")).build(), null);
  }

  private static IllegalArgumentException unreachable(SampleConfig config, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new IllegalArgumentException(SettingChecks.problem("store.jdbc.url",
        config.value("store.jdbc.url").orElse("").replaceAll("(?i)(password=)[^&]*", "$1***"),
        "a PostgreSQL server this process can reach and log in to (" + root.getMessage() + ")"), e);
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number: '" + value + "'");
    }
  }

  /** The settings. */
  public SampleConfig config() {
    return config;
  }

  /** The state store. */
  public StateStore store() {
    return store;
  }

  /** The ERP side (its clients). */
  public LedgerSystem ledgerSystem() {
    return ledger;
  }

  /** The collector side (its clients). */
  public CollectorSystem collectorSystem() {
    return collector;
  }

  /** The integration. */
  public ReceivablesIntegration sync() {
    return sync;
  }

  /** The webhook server. */
  public WebhookServer webhooks() {
    return webhooks;
  }

  @Override
  public String tenant() {
    return config.tenant();
  }

  @Override
  public URI webhookUrl() {
    return webhooks.url(collectorName, tenant());
  }

  @Override
  public Map<String, RunReport> runOnce() {
    Map<String, RunReport> out = new java.util.LinkedHashMap<>(sync.runOnce(tenant()));
    for (String flow : extraFlows) { // the collector's own flows (Chargebee: subscription cancellations)
      out.put(flow, sync.engine().runOnce(tenant(), flow));
    }
    return out;
  }

  @Override
  public void start() {
    sync.engine().start();
  }

  /** The reconciliation report of this tenant now. */
  public ReceivablesReconciliation reconcile() {
    return sync.reconcile(tenant());
  }

  /** Stops the webhook server and the engine, closes the clients and the store. */
  @Override
  public void close() {
    webhooks.close();
    sync.close();
    collector.close();
    ledger.close();
    store.close();
    closePool(storePool);
    transport.close();
  }
}
