package io.mlconnector.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mlc.*} properties: where state and credentials live, the webhook path, the engine's
 * lifecycle, health checks, and the integrations.
 *
 * <pre>{@code
 * mlc:
 *   integrations:
 *     billing:
 *       pair: syspro-stripe
 *       schedule: { interval: 1m, jitter: 5s }
 *       tenants:
 *         acme:
 *           syspro: { rest-url: https://erp/SYSPROWCFService/Rest, odata-url: ..., operator: STRIPE, company:
 * EDU1 }
 *           stripe: { api-key: ${STRIPE_KEY_ACME}, webhook-secret: ${STRIPE_WHSEC_ACME} }
 * }</pre>
 */
@ConfigurationProperties(prefix = "mlc")
public class MlcProperties {
  /** Whether ml-connector is auto-configured at all. */
  private boolean enabled = true;
  /** Directory of the embedded H2 state store and of the credential files when the application has no DataSource. */
  private Path dataDir = Path.of("data");
  /** The state store. */
  private final Store store = new Store();
  /** The webhook endpoints. */
  private final Webhooks webhooks = new Webhooks();
  /** The engines' lifecycle. */
  private final Engine engine = new Engine();
  /** The health contributors. */
  private final Health health = new Health();
  /** The integrations, by name. */
  private Map<String, Integration> integrations = new LinkedHashMap<>();

  /**
   * Property {@code mlc.enabled}.
   *
   * @return whether ml-connector is auto-configured at all
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets property {@code mlc.enabled}.
   *
   * @param enabled whether ml-connector is auto-configured at all
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Property {@code mlc.data-dir}.
   *
   * @return directory of the embedded H2 state store and of the credential files when the application has no
   *     DataSource
   */
  public Path getDataDir() {
    return dataDir;
  }

  /**
   * Sets property {@code mlc.data-dir}.
   *
   * @param dataDir directory of the embedded H2 state store and of the credential files when the application
   *     has no DataSource
   */
  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  /**
   * Property {@code mlc.store}.
   *
   * @return the state store
   */
  public Store getStore() {
    return store;
  }

  /**
   * Property {@code mlc.webhooks}.
   *
   * @return the webhook endpoints
   */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /**
   * Property {@code mlc.engine}.
   *
   * @return the engines' lifecycle
   */
  public Engine getEngine() {
    return engine;
  }

  /**
   * Property {@code mlc.health}.
   *
   * @return the health contributors
   */
  public Health getHealth() {
    return health;
  }

  /**
   * Property {@code mlc.integrations}.
   *
   * @return the integrations, by name
   */
  public Map<String, Integration> getIntegrations() {
    return integrations;
  }

  /**
   * Sets property {@code mlc.integrations}.
   *
   * @param integrations the integrations, by name
   */
  public void setIntegrations(Map<String, Integration> integrations) {
    this.integrations = integrations;
  }

  /** The state store and the credential store. */
  public static class Store {
    /** Whether the state store and the credentials go on the application's DataSource when it has one (else embedded H2 and files under data-dir). */
    private boolean useDataSource = true;
    /** Prefix of the state store's tables. */
    private String tablePrefix = "mlc_";
    /** Table of the encrypted credentials on the application's DataSource. */
    private String credentialsTable = "mlc_credentials";

    /**
     * Property {@code mlc.store.use-data-source}.
     *
     * @return whether the state store and the credentials go on the application's DataSource when it has one
     *     (else embedded H2 and files under data-dir)
     */
    public boolean isUseDataSource() {
      return useDataSource;
    }

    /**
     * Sets property {@code mlc.store.use-data-source}.
     *
     * @param useDataSource whether the state store and the credentials go on the application's DataSource
     *     when it has one (else embedded H2 and files under data-dir)
     */
    public void setUseDataSource(boolean useDataSource) {
      this.useDataSource = useDataSource;
    }

    /**
     * Property {@code mlc.store.table-prefix}.
     *
     * @return prefix of the state store's tables
     */
    public String getTablePrefix() {
      return tablePrefix;
    }

    /**
     * Sets property {@code mlc.store.table-prefix}.
     *
     * @param tablePrefix prefix of the state store's tables
     */
    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }

    /**
     * Property {@code mlc.store.credentials-table}.
     *
     * @return table of the encrypted credentials on the application's DataSource
     */
    public String getCredentialsTable() {
      return credentialsTable;
    }

    /**
     * Sets property {@code mlc.store.credentials-table}.
     *
     * @param credentialsTable table of the encrypted credentials on the application's DataSource
     */
    public void setCredentialsTable(String credentialsTable) {
      this.credentialsTable = credentialsTable;
    }
  }

  /** The webhook endpoints, {@code POST <path>/{system}/{tenant}}. */
  public static class Webhooks {
    /** Whether the webhook handlers are mounted. */
    private boolean enabled = true;
    /** The path the handlers are mounted under; {system}/{tenant} follows it. */
    private String path = "/webhooks";
    /** Largest body accepted, in bytes; larger ones are answered 413. */
    private int maxBodyBytes = 1 << 20;

    /**
     * Property {@code mlc.webhooks.enabled}.
     *
     * @return whether the webhook handlers are mounted
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets property {@code mlc.webhooks.enabled}.
     *
     * @param enabled whether the webhook handlers are mounted
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Property {@code mlc.webhooks.path}.
     *
     * @return the path the handlers are mounted under; {system}/{tenant} follows it
     */
    public String getPath() {
      return path;
    }

    /**
     * Sets property {@code mlc.webhooks.path}.
     *
     * @param path the path the handlers are mounted under; {system}/{tenant} follows it
     */
    public void setPath(String path) {
      this.path = path;
    }

    /**
     * Property {@code mlc.webhooks.max-body-bytes}.
     *
     * @return largest body accepted, in bytes; larger ones are answered 413
     */
    public int getMaxBodyBytes() {
      return maxBodyBytes;
    }

    /**
     * Sets property {@code mlc.webhooks.max-body-bytes}.
     *
     * @param maxBodyBytes largest body accepted, in bytes; larger ones are answered 413
     */
    public void setMaxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }
  }

  /** The engines' lifecycle. */
  public static class Engine {
    /** Whether the engines' schedulers start with the application context (else call runOnce from your own scheduler). */
    private boolean autoStart = true;
    /** How long stopping waits for the records in flight; what is left stays PENDING for recovery. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * Property {@code mlc.engine.auto-start}.
     *
     * @return whether the engines' schedulers start with the application context (else call runOnce from your
     *     own scheduler)
     */
    public boolean isAutoStart() {
      return autoStart;
    }

    /**
     * Sets property {@code mlc.engine.auto-start}.
     *
     * @param autoStart whether the engines' schedulers start with the application context (else call runOnce
     *     from your own scheduler)
     */
    public void setAutoStart(boolean autoStart) {
      this.autoStart = autoStart;
    }

    /**
     * Property {@code mlc.engine.shutdown-timeout}.
     *
     * @return how long stopping waits for the records in flight; what is left stays PENDING for recovery
     */
    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    /**
     * Sets property {@code mlc.engine.shutdown-timeout}.
     *
     * @param shutdownTimeout how long stopping waits for the records in flight; what is left stays PENDING
     *     for recovery
     */
    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }

  /** The health contributors (one per integration and tenant, pinging both systems). */
  public static class Health {
    /** How long a ping result is reused. */
    private Duration cacheTtl = Duration.ofSeconds(30);
    /** How long a ping may take before the tenant is reported DOWN. */
    private Duration timeout = Duration.ofSeconds(10);

    /**
     * Property {@code mlc.health.cache-ttl}.
     *
     * @return how long a ping result is reused
     */
    public Duration getCacheTtl() {
      return cacheTtl;
    }

    /**
     * Sets property {@code mlc.health.cache-ttl}.
     *
     * @param cacheTtl how long a ping result is reused
     */
    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    /**
     * Property {@code mlc.health.timeout}.
     *
     * @return how long a ping may take before the tenant is reported DOWN
     */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets property {@code mlc.health.timeout}.
     *
     * @param timeout how long a ping may take before the tenant is reported DOWN
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** One integration: a pair and its tenants. */
  public static class Integration {
    /** The pair: <ledger>-<collector> (syspro-stripe, sap-b1-stripe, acumatica-stripe, syspro-chargebee) or <AP source>-<ledger> (stampli-syspro). */
    private @Nullable String pair;
    /** Whether the integration runs. */
    private boolean enabled = true;
    /** When the flows run. */
    private final Schedule schedule = new Schedule();
    /** Records written at once by the ledger to collector flows (1 to 256). */
    private int parallelism = 8;
    /** Records written at once by the collector to ledger flows (1 to 256). */
    private int inboundParallelism = 4;
    /** Records per page read from the ledger (1 to 10,000). */
    private int pageSize = 100;
    /** How old a PENDING write must be before recovery looks it up by its stamp. */
    private Duration pendingGrace = Duration.ofMinutes(2);
    /** How far back the collector's events backstop reads on its first run (default: the collector's own). */
    private @Nullable Duration backstopLookback;
    /** This node's id (keep it across restarts to take leases back at once); default a random one. */
    private @Nullable String nodeId;
    /** Maps and records every step but writes nothing to either system. */
    private boolean dryRun;
    /** Payables pairs only: how approved AP invoices are posted, AP_INVOICES or GL_JOURNALS. */
    private @Nullable String postingMode;
    /** Each tenant's settings: tenants.<tenant>.<system>.<key> (keys as each system's factory documents them). */
    private Map<String, Map<String, Map<String, String>>> tenants = new LinkedHashMap<>();

    /**
     * Property {@code mlc.integrations.<name>.pair}.
     *
     * @return the pair: {@code <ledger>-<collector>} ({@code syspro-stripe}, {@code sap-b1-stripe},
     *     {@code acumatica-stripe}, {@code syspro-chargebee}) or {@code <AP source>-<ledger>} ({@code
     *     stampli-syspro}); null when not set
     */
    public @Nullable String getPair() {
      return pair;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.pair}.
     *
     * @param pair the pair: {@code <ledger>-<collector>} or {@code <AP source>-<ledger>}, for example
     *     {@code syspro-stripe}; null to unset (the integration then fails to start, naming the property)
     */
    public void setPair(@Nullable String pair) {
      this.pair = pair;
    }

    /**
     * Property {@code mlc.integrations.<name>.enabled}.
     *
     * @return whether the integration runs
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.enabled}.
     *
     * @param enabled whether the integration runs
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Property {@code mlc.integrations.<name>.schedule}.
     *
     * @return when the flows run
     */
    public Schedule getSchedule() {
      return schedule;
    }

    /**
     * Property {@code mlc.integrations.<name>.parallelism}.
     *
     * @return records written at once by the ledger to collector flows (1 to 256)
     */
    public int getParallelism() {
      return parallelism;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.parallelism}.
     *
     * @param parallelism records written at once by the ledger to collector flows (1 to 256)
     */
    public void setParallelism(int parallelism) {
      this.parallelism = parallelism;
    }

    /**
     * Property {@code mlc.integrations.<name>.inbound-parallelism}.
     *
     * @return records written at once by the collector to ledger flows (1 to 256)
     */
    public int getInboundParallelism() {
      return inboundParallelism;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.inbound-parallelism}.
     *
     * @param inboundParallelism records written at once by the collector to ledger flows (1 to 256)
     */
    public void setInboundParallelism(int inboundParallelism) {
      this.inboundParallelism = inboundParallelism;
    }

    /**
     * Property {@code mlc.integrations.<name>.page-size}.
     *
     * @return records per page read from the ledger (1 to 10,000)
     */
    public int getPageSize() {
      return pageSize;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.page-size}.
     *
     * @param pageSize records per page read from the ledger (1 to 10,000)
     */
    public void setPageSize(int pageSize) {
      this.pageSize = pageSize;
    }

    /**
     * Property {@code mlc.integrations.<name>.pending-grace}.
     *
     * @return how old a PENDING write must be before recovery looks it up by its stamp
     */
    public Duration getPendingGrace() {
      return pendingGrace;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.pending-grace}.
     *
     * @param pendingGrace how old a PENDING write must be before recovery looks it up by its stamp
     */
    public void setPendingGrace(Duration pendingGrace) {
      this.pendingGrace = pendingGrace;
    }

    /**
     * Property {@code mlc.integrations.<name>.backstop-lookback}.
     *
     * @return how far back the collector's events backstop reads on its first run (default: the collector's
     *     own); null when not set
     */
    public @Nullable Duration getBackstopLookback() {
      return backstopLookback;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.backstop-lookback}.
     *
     * @param backstopLookback how far back the collector's events backstop reads on its first run (default:
     *     the collector's own); null to unset
     */
    public void setBackstopLookback(@Nullable Duration backstopLookback) {
      this.backstopLookback = backstopLookback;
    }

    /**
     * Property {@code mlc.integrations.<name>.node-id}.
     *
     * @return this node's id (keep it across restarts to take leases back at once); default a random one;
     *     null when not set
     */
    public @Nullable String getNodeId() {
      return nodeId;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.node-id}.
     *
     * @param nodeId this node's id (keep it across restarts to take leases back at once); default a random
     *     one; null to unset
     */
    public void setNodeId(@Nullable String nodeId) {
      this.nodeId = nodeId;
    }

    /**
     * Property {@code mlc.integrations.<name>.dry-run}.
     *
     * @return maps and records every step but writes nothing to either system
     */
    public boolean isDryRun() {
      return dryRun;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.dry-run}.
     *
     * @param dryRun maps and records every step but writes nothing to either system
     */
    public void setDryRun(boolean dryRun) {
      this.dryRun = dryRun;
    }

    /**
     * Property {@code mlc.integrations.<name>.posting-mode}.
     *
     * @return payables pairs only: how approved AP invoices are posted, AP_INVOICES or GL_JOURNALS; null when
     *     not set
     */
    public @Nullable String getPostingMode() {
      return postingMode;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.posting-mode}.
     *
     * @param postingMode payables pairs only: how approved AP invoices are posted, AP_INVOICES or
     *     GL_JOURNALS; null to unset
     */
    public void setPostingMode(@Nullable String postingMode) {
      this.postingMode = postingMode;
    }

    /**
     * Property {@code mlc.integrations.<name>.tenants}.
     *
     * @return each tenant's settings, {@code tenants.<tenant>.<system>.<key>} (keys as each system's
     *     factory documents them)
     */
    public Map<String, Map<String, Map<String, String>>> getTenants() {
      return tenants;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.tenants}.
     *
     * @param tenants each tenant's settings, {@code tenants.<tenant>.<system>.<key>} (keys as each system's
     *     factory documents them)
     */
    public void setTenants(Map<String, Map<String, Map<String, String>>> tenants) {
      this.tenants = tenants;
    }
  }

  /** When an integration's flows run. */
  public static class Schedule {
    /** Time between two runs of a flow. */
    private Duration interval = Duration.ofMinutes(1);
    /** Random delay added to each run, so tenants do not all poll at once. */
    private Duration jitter = Duration.ofSeconds(5);

    /**
     * Property {@code mlc.integrations.<name>.schedule.interval}.
     *
     * @return time between two runs of a flow
     */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.schedule.interval}.
     *
     * @param interval time between two runs of a flow
     */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    /**
     * Property {@code mlc.integrations.<name>.schedule.jitter}.
     *
     * @return random delay added to each run, so tenants do not all poll at once
     */
    public Duration getJitter() {
      return jitter;
    }

    /**
     * Sets property {@code mlc.integrations.<name>.schedule.jitter}.
     *
     * @param jitter random delay added to each run, so tenants do not all poll at once
     */
    public void setJitter(Duration jitter) {
      this.jitter = jitter;
    }
  }
}
