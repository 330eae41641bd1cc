package io.mlconnector.spring.boot;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.role.PayablesLedger;
import io.mlconnector.core.role.PayablesSource;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.integrations.PayablesIntegration;
import io.mlconnector.integrations.ReceivablesIntegration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrations declared under {@code mlc.integrations}, built and checked: each one's pair, its
 * tenants' connections (clients opened from their settings, secrets moved into the credential
 * store) and its {@link ReceivablesIntegration} (a ledger with a collector) or {@link
 * PayablesIntegration} (an AP source with a ledger). Closing it stops the engines and closes the
 * clients; the store, the credential store and the transport are the application's beans and stay
 * open.
 */
public final class MlcIntegrations implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MlcIntegrations.class);

  private final Map<String, Running> byName;

  private MlcIntegrations(Map<String, Running> byName) {
    this.byName = byName;
  }

  /**
   * Builds every enabled integration of {@code properties}.
   *
   * @param properties the {@code mlc.*} properties
   * @param registry the factories of the systems the pairs name
   * @param store the state store every integration shares
   * @param credentials the credential store the secrets given in the properties are put into
   * @param transport the HTTP transport every client derives its own from
   * @param listener the engines' listener
   * @param customizers the receivables customizers, applied in their order
   * @return the integrations, each with its tenants' clients open and its engine not yet started
   * @throws SettingException naming every bad property when any setting is missing or wrong
   */
  public static MlcIntegrations create(MlcProperties properties, ConnectorRegistry registry, StateStore store,
      CredentialStore credentials, HttpTransport transport, SyncListener listener,
      Collection<? extends ReceivablesIntegrationCustomizer> customizers) {
    return create(properties, registry, store, credentials, transport, listener, customizers, List.of());
  }

  /**
   * As {@link #create(MlcProperties, ConnectorRegistry, StateStore, CredentialStore, HttpTransport,
   * SyncListener, Collection)}, with the payables integrations' customizers.
   *
   * @param properties the {@code mlc.*} properties
   * @param registry the factories of the systems the pairs name
   * @param store the state store every integration shares
   * @param credentials the credential store the secrets given in the properties are put into
   * @param transport the HTTP transport every client derives its own from
   * @param listener the engines' listener
   * @param customizers the receivables customizers, applied in their order
   * @param payablesCustomizers the payables customizers, applied in their order
   * @return the integrations, each with its tenants' clients open and its engine not yet started
   * @throws SettingException naming every bad property when any setting is missing or wrong
   */
  public static MlcIntegrations create(MlcProperties properties, ConnectorRegistry registry, StateStore store,
      CredentialStore credentials, HttpTransport transport, SyncListener listener,
      Collection<? extends ReceivablesIntegrationCustomizer> customizers,
      Collection<? extends PayablesIntegrationCustomizer> payablesCustomizers) {
    Objects.requireNonNull(properties, "properties");
    List<SettingException> problems = new ArrayList<>();
    Map<String, Running> built = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, MlcProperties.Integration> e : properties.getIntegrations().entrySet()) {
        if (!e.getValue().isEnabled()) {
          continue;
        }
        Running r = build(e.getKey(), e.getValue(), registry, store, credentials, transport, listener, customizers,
            payablesCustomizers, problems);
        if (r != null) {
          built.put(e.getKey(), r);
        }
      }
    } catch (RuntimeException e) {
      built.values().forEach(Running::close);
      throw e;
    }
    if (!problems.isEmpty()) {
      built.values().forEach(Running::close);
      throw SettingException.of(problems);
    }
    return new MlcIntegrations(built);
  }

  private static @Nullable Running build(String name, MlcProperties.Integration p, ConnectorRegistry registry, StateStore store,
      CredentialStore credentials, HttpTransport transport, SyncListener listener,
      Collection<? extends ReceivablesIntegrationCustomizer> customizers,
      Collection<? extends PayablesIntegrationCustomizer> payablesCustomizers, List<SettingException> problems) {
    String prefix = "mlc.integrations." + name;
    int before = problems.size();
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      problems.add(new SettingException(prefix, "an integration's name must be lower-case letters, digits, - or _"));
    }
    Optional<List<String>> systems = registry.split(p.getPair());
    if (p.getPair() == null || p.getPair().isBlank()) {
      problems.add(new SettingException(prefix + ".pair", "is missing (for example syspro-stripe)"));
    } else if (systems.isEmpty()) {
      problems.add(new SettingException(prefix + ".pair", "'" + p.getPair()
          + "' does not name two known systems; the systems on the class path are " + registry.systems()));
    }
    range(problems, prefix + ".parallelism", p.getParallelism(), 1, 256);
    range(problems, prefix + ".inbound-parallelism", p.getInboundParallelism(), 1, 256);
    range(problems, prefix + ".page-size", p.getPageSize(), 1, 10_000);
    positive(problems, prefix + ".schedule.interval", p.getSchedule().getInterval());
    notNegative(problems, prefix + ".schedule.jitter", p.getSchedule().getJitter());
    notNegative(problems, prefix + ".pending-grace", p.getPendingGrace());
    if (p.getBackstopLookback() != null) {
      positive(problems, prefix + ".backstop-lookback", p.getBackstopLookback());
    }
    if (p.getTenants().isEmpty()) {
      problems.add(new SettingException(prefix + ".tenants", "names no tenant"));
    }
    if (systems.isEmpty() || problems.size() > before) {
      return null;
    }
    ConnectorFactory firstFactory = registry.find(systems.get().get(0)).orElseThrow();
    ConnectorFactory secondFactory = registry.find(systems.get().get(1)).orElseThrow();
    Map<String, TenantConnection> firstConnections = new TreeMap<>();
    Map<String, TenantConnection> secondConnections = new TreeMap<>();
    Running running = new Running(name, p.getPair(), firstFactory.system(), secondFactory.system(), firstConnections,
        secondConnections);
    try {
      for (Map.Entry<String, Map<String, Map<String, String>>> t : p.getTenants().entrySet()) {
        String tenant = t.getKey();
        String tp = prefix + ".tenants." + tenant;
        if (!tenant.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
          problems.add(new SettingException(tp, "a tenant's name must be letters, digits, '.', '-' or '_'"));
          continue;
        }
        Map<String, Map<String, String>> bySystem = t.getValue() == null ? Map.of() : t.getValue();
        for (String s : bySystem.keySet()) {
          if (!s.equals(firstFactory.system()) && !s.equals(secondFactory.system())) {
            problems.add(new SettingException(tp + "." + s, "is not a system of pair " + p.getPair()));
          }
        }
        open(firstFactory, tp, tenant, bySystem, credentials, transport, problems).ifPresent(c -> firstConnections.put(tenant, c));
        open(secondFactory, tp, tenant, bySystem, credentials, transport, problems)
            .ifPresent(c -> secondConnections.put(tenant, c));
      }
      if (problems.size() > before) {
        running.close();
        return null;
      }
      ReceivablesLedger.Provider lp = firstFactory.receivablesLedger(firstConnections::get).orElse(null);
      Collector.Provider<?, ?> cp = secondFactory.collector(secondConnections::get).orElse(null);
      PayablesSource.Provider sp = firstFactory.payablesSource(firstConnections::get).orElse(null);
      PayablesLedger.Provider pl = secondFactory.payablesLedger(secondConnections::get).orElse(null);
      if (lp != null && cp != null) {
        if (p.getPostingMode() != null) {
          problems.add(new SettingException(prefix + ".posting-mode", "is for payables pairs only"));
          running.close();
          return null;
        }
        ReceivablesIntegration.Builder<?, ?> b = ReceivablesIntegration.builder(lp, cp)
            .store(store)
            .tenants(List.copyOf(firstConnections.keySet()))
            .schedule(p.getSchedule().getInterval(), p.getSchedule().getJitter())
            .parallelism(p.getParallelism())
            .inboundParallelism(p.getInboundParallelism())
            .pageSize(p.getPageSize())
            .pendingGracePeriod(p.getPendingGrace())
            .dryRun(p.isDryRun())
            .listener(listener);
        if (p.getBackstopLookback() != null) {
          b.backstopLookback(p.getBackstopLookback());
        }
        if (p.getNodeId() != null && !p.getNodeId().isBlank()) {
          b.nodeId(p.getNodeId());
        }
        for (ReceivablesIntegrationCustomizer c : customizers) {
          c.customize(name, b);
        }
        running.receivables = b.build();
        running.engine = running.receivables.engine();
        running.flows = running.receivables.flows();
      } else if (sp != null && pl != null) {
        PayablesIntegration.Builder b = PayablesIntegration.builder()
            .store(store)
            .source(sp)
            .ledger(pl)
            .tenants(List.copyOf(firstConnections.keySet()))
            .schedule(p.getSchedule().getInterval(), p.getSchedule().getJitter())
            .parallelism(p.getParallelism())
            .pageSize(p.getPageSize())
            .dryRun(p.isDryRun())
            .listener(listener);
        if (p.getPostingMode() != null) {
          try {
            b.postingMode(PayablesIntegration.PostingMode.valueOf(p.getPostingMode().trim().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            problems.add(new SettingException(prefix + ".posting-mode",
                "must be AP_INVOICES or GL_JOURNALS, was '" + p.getPostingMode() + "'"));
            running.close();
            return null;
          }
        }
        if (p.getNodeId() != null && !p.getNodeId().isBlank()) {
          b.nodeId(p.getNodeId());
        }
        Duration grace = p.getPendingGrace();
        b.engine(e -> e.pendingGracePeriod(grace));
        for (PayablesIntegrationCustomizer c : payablesCustomizers) {
          c.customize(name, b);
        }
        running.payables = b.build();
        running.engine = running.payables.engine();
        running.flows = running.payables.flows();
      } else {
        problems.add(new SettingException(prefix + ".pair", "'" + p.getPair() + "' is neither <receivables ledger>-"
            + "<collector> nor <AP source>-<payables ledger> (" + firstFactory.system() + " then "
            + secondFactory.system() + ")"));
        running.close();
        return null;
      }
      log.info("integration {} ({}) built for tenants {}", name, p.getPair(), firstConnections.keySet());
      return running;
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
  }

  private static Optional<TenantConnection> open(ConnectorFactory factory, String tenantPrefix, String tenant,
      Map<String, Map<String, String>> bySystem, CredentialStore credentials, HttpTransport transport,
      List<SettingException> problems) {
    String system = factory.system();
    Map<String, String> given = bySystem.getOrDefault(system, Map.of());
    Map<String, String> plain = new TreeMap<>();
    Map<String, Secret> secrets = new TreeMap<>();
    given.forEach((k, v) -> {
      if (factory.secretKeys().contains(k)) {
        if (v != null && !v.isEmpty()) {
          secrets.put(SystemSettings.field(k), Secret.of(v));
        }
      } else {
        plain.put(k, v == null ? "" : v);
      }
    });
    String prefix = tenantPrefix + "." + system;
    try {
      if (!secrets.isEmpty()) {
        Map<String, Secret> fields = new TreeMap<>();
        credentials.get(tenant, system).ifPresent(c -> fields.putAll(c.fields()));
        if (!fields.equals(merged(fields, secrets))) {
          Credentials.Builder cb = Credentials.builder();
          merged(fields, secrets).forEach(cb::put);
          credentials.put(tenant, system, cb.build());
          log.info("stored {} secrets of {} for tenant {} encrypted; they may be removed from the properties",
              secrets.size(), system, tenant);
        }
      }
      return Optional.of(factory.open(new SystemSettings(prefix, tenant, system, plain, credentials), transport));
    } catch (SettingException e) {
      problems.add(e);
      return Optional.empty();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a client's own check of its configuration
      problems.add(new SettingException(prefix, e.getMessage()));
      return Optional.empty();
    }
  }

  private static Map<String, Secret> merged(Map<String, Secret> stored, Map<String, Secret> given) {
    Map<String, Secret> m = new TreeMap<>(stored);
    m.putAll(given);
    return m;
  }

  private static void range(List<SettingException> problems, String property, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(new SettingException(property, "must be " + min + " to " + max + ", was " + value));
    }
  }

  private static void positive(List<SettingException> problems, String property, @Nullable Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      problems.add(new SettingException(property, "must be a positive duration, was " + value));
    }
  }

  private static void notNegative(List<SettingException> problems, String property, @Nullable Duration value) {
    if (value == null || value.isNegative()) {
      problems.add(new SettingException(property, "must not be negative, was " + value));
    }
  }

  /**
   * Every integration, in the order of the properties.
   *
   * @return the enabled integrations, a copy
   */
  public List<Running> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The integration named {@code name}.
   *
   * @param name the name in {@code mlc.integrations.<name>}
   * @return the integration; empty when there is none of that name or it is disabled
   */
  public Optional<Running> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Stops every engine (waiting up to {@code timeout} each for the records in flight).
   *
   * @param timeout how long to wait for each engine; what is left stays PENDING for recovery
   * @return true when all stopped in time
   */
  public boolean shutdown(Duration timeout) {
    boolean clean = true;
    for (Running r : byName.values()) {
      if (r.engine() != null) {
        clean &= r.engine().shutdown(timeout);
      }
    }
    return clean;
  }

  /** Stops the engines and closes every tenant's clients. */
  @Override
  public void close() {
    byName.values().forEach(Running::close);
  }

  @Override
  public String toString() {
    return "MlcIntegrations" + byName.keySet();
  }

  /** One integration as built: its pair, its tenants' connections and the integration itself. */
  public static final class Running {
    private final String name;
    private final String pair;
    private final String firstSystem;
    private final String secondSystem;
    private final Map<String, TenantConnection> firstConnections;
    private final Map<String, TenantConnection> secondConnections;
    private @Nullable ReceivablesIntegration receivables;
    private @Nullable PayablesIntegration payables;
    private @Nullable SyncEngine engine;
    private List<String> flows = List.of();

    private Running(String name, String pair, String firstSystem, String secondSystem,
        Map<String, TenantConnection> firstConnections, Map<String, TenantConnection> secondConnections) {
      this.name = name;
      this.pair = pair;
      this.firstSystem = firstSystem;
      this.secondSystem = secondSystem;
      this.firstConnections = firstConnections;
      this.secondConnections = secondConnections;
    }

    /**
     * The name ({@code mlc.integrations.<name>}).
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * The pair, for example {@code syspro-stripe}.
     *
     * @return the pair as the properties name it
     */
    public String pair() {
      return pair;
    }

    /**
     * The pair's first system: the ERP ledger of a receivables pair, the AP source of a payables pair.
     *
     * @return the system's name
     */
    public String firstSystem() {
      return firstSystem;
    }

    /**
     * The pair's second system: the collector of a receivables pair (the {@code {system}} of its
     * webhook path), the ERP ledger of a payables pair.
     *
     * @return the system's name
     */
    public String secondSystem() {
      return secondSystem;
    }

    /**
     * The tenants served.
     *
     * @return the tenant ids, in the order of the properties
     */
    public List<String> tenants() {
      return List.copyOf(firstConnections.keySet());
    }

    /**
     * The receivables integration, when the pair is one.
     *
     * @return the integration, or empty for a payables pair
     */
    public Optional<ReceivablesIntegration> receivables() {
      return Optional.ofNullable(receivables);
    }

    /**
     * The payables integration, when the pair is one.
     *
     * @return the integration, or empty for a receivables pair
     */
    public Optional<PayablesIntegration> payables() {
      return Optional.ofNullable(payables);
    }

    /**
     * The engine running the flows (dead letters, replay, reconciliation).
     *
     * @return the engine of the receivables or payables integration
     */
    public SyncEngine engine() {
      return engine;
    }

    /**
     * Every flow, in the order {@link #runOnce} runs them.
     *
     * @return the flow names, unmodifiable
     */
    public List<String> flows() {
      return flows;
    }

    /**
     * Runs every flow once for {@code tenant} and returns each flow's report.
     *
     * @param tenant the tenant id
     * @return each flow's report by flow name, in the order the flows ran
     */
    public Map<String, RunReport> runOnce(String tenant) {
      return receivables != null ? receivables.runOnce(tenant) : payables.runOnce(tenant);
    }

    /**
     * The webhook endpoints of a receivables pair's collector (none for a payables pair).
     *
     * @return the endpoints, one per webhook flow; empty for a payables pair
     */
    public List<WebhookEndpoint> webhookEndpoints() {
      return receivables != null ? receivables.webhookEndpoints() : List.of();
    }

    /**
     * Runs both systems' checks for {@code tenant}: the first system's, then the second's.
     *
     * @param tenant the tenant id
     * @return every check of both systems; a failed check is reported, not thrown
     * @throws IllegalArgumentException if the integration does not serve {@code tenant}
     */
    public List<ConnectorCheck> ping(String tenant) {
      List<ConnectorCheck> out = new ArrayList<>();
      TenantConnection l = firstConnections.get(tenant);
      TenantConnection c = secondConnections.get(tenant);
      if (l == null || c == null) {
        throw new IllegalArgumentException("integration " + name + " does not serve tenant " + tenant);
      }
      out.addAll(l.ping());
      out.addAll(c.ping());
      return out;
    }

    void close() {
      AutoCloseable integration = receivables != null ? receivables : payables;
      if (integration != null) {
        try {
          integration.close();
        } catch (Exception e) {
          log.warn("integration {} did not stop cleanly: {}", name, e.toString());
        }
      }
      for (TenantConnection c : secondConnections.values()) {
        closeQuietly(c);
      }
      for (TenantConnection c : firstConnections.values()) {
        closeQuietly(c);
      }
    }

    private void closeQuietly(TenantConnection c) {
      try {
        c.close();
      } catch (RuntimeException e) {
        log.warn("a client of integration {} did not close cleanly: {}", name, e.toString());
      }
    }

    @Override
    public String toString() {
      return "Integration{" + name + ", " + pair + ", tenants " + firstConnections.keySet() + "}";
    }
  }
}
