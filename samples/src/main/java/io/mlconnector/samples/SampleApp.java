package io.mlconnector.samples;

import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample application for one tenant: credentials (encrypted at rest), the state store (embedded
 * H2 under the data directory, or PostgreSQL), the SYSPRO and Stripe clients, the {@link
 * SysproStripeSync} engine and the webhook server. {@code run} starts the engine's scheduler;
 * tests and the demo call {@link SysproStripeSync#runOnce} instead.
 */
public final class SampleApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SampleApp.class);

  private final SampleConfig config;
  private final HttpTransport transport;
  private final StateStore store;
  private final Systems systems;
  private final SysproStripeSync sync;
  private final StripeWebhookServer webhooks;

  private SampleApp(SampleConfig config, KeyProvider keys, UnaryOperator<SysproStripeSync.Builder> custom) {
    this.config = config;
    CredentialStore credentials =
        CredentialStore.builder(keys)
            .storage(CredentialStorage.directory(config.dataDir().resolve("credentials")))
            .build();
    if (config.hasSecrets()) {
      int n = config.storeSecrets(credentials);
      log.info("stored {} secrets of tenant {} encrypted under {}; they may be removed from the config file",
          n, config.tenant(), config.dataDir().resolve("credentials"));
    }
    this.transport = HttpTransport.builder().build();
    this.store = openStore(config);
    StateStore openedStore = store;
    try {
      this.systems = config.systems(credentials, transport);
      SysproStripeSync.Builder b =
          SysproStripeSync.builder()
              .store(store)
              .systems(t -> systems)
              .tenants(List.of(config.tenant()))
              .schedule(config.pollInterval(), config.pollInterval().dividedBy(10))
              .pendingGracePeriod(Duration.parse(config.value("engine.pending.grace").orElse("PT2M")));
      config.value("engine.parallelism").ifPresent(v -> b.parallelism(Integer.parseInt(v)));
      config.value("node.id").ifPresent(b::nodeId);
      config.value("stripe.backstop.lookback").map(Duration::parse).ifPresent(b::backstopLookback);
      Duration claimTtl = config.value("engine.claim.ttl").map(Duration::parse).orElse(null);
      Duration leaseTtl = config.value("engine.lease.ttl").map(Duration::parse).orElse(null);
      b.engine(e -> {
        if (claimTtl != null) {
          e.claimTtl(claimTtl);
        }
        if (leaseTtl != null) {
          e.leaseTtl(leaseTtl);
        }
        return e;
      });
      this.sync = custom.apply(b).build();
      this.webhooks =
          StripeWebhookServer.start(config.value("webhook.host").orElse("0.0.0.0"), config.webhookPort(),
              sync.webhookEndpoints());
    } catch (RuntimeException e) {
      openedStore.close();
      transport.close();
      throw e;
    }
  }

  /** Opens the app for {@code config}, with the credential store's key from {@code keys}. */
  public static SampleApp open(SampleConfig config, KeyProvider keys) {
    return open(config, keys, b -> b);
  }

  /** As {@link #open(SampleConfig, KeyProvider)}, adjusting the integration's builder. */
  public static SampleApp open(SampleConfig config, KeyProvider keys, UnaryOperator<SysproStripeSync.Builder> custom) {
    return new SampleApp(Objects.requireNonNull(config, "config"), Objects.requireNonNull(keys, "keys"),
        Objects.requireNonNull(custom, "custom"));
  }

  static StateStore openStore(SampleConfig config) {
    if ("postgresql".equals(config.value("store").orElse("h2"))) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(config.value("store.jdbc.url").orElseThrow());
      config.value("store.jdbc.user").ifPresent(ds::setUser);
      config.value("store.jdbc.password").ifPresent(ds::setPassword);
      JdbcStateStore.Builder b = JdbcStateStore.builder(ds);
      config.value("store.table.prefix").ifPresent(b::tablePrefix);
      return b.build();
    }
    return JdbcStateStore.embeddedH2(config.dataDir().resolve("state")).build();
  }

  /** The settings. */
  public SampleConfig config() {
    return config;
  }

  /** The state store. */
  public StateStore store() {
    return store;
  }

  /** The tenant's clients. */
  public Systems systems() {
    return systems;
  }

  /** The integration. */
  public SysproStripeSync sync() {
    return sync;
  }

  /** The webhook server. */
  public StripeWebhookServer webhooks() {
    return webhooks;
  }

  /** The tenant. */
  public String tenant() {
    return config.tenant();
  }

  /** The reconciliation report of this tenant now. */
  public Reconciliation reconcile() {
    return Reconciliation.of(io.mlconnector.syspro.SysproSync.builder(systems.syspro()).build(), systems.stripe(), store);
  }

  /** Stops the webhook server and the engine, logs off SYSPRO and closes the store. */
  @Override
  public void close() {
    webhooks.close();
    sync.close();
    systems.syspro().close();
    store.close();
    transport.close();
  }
}
