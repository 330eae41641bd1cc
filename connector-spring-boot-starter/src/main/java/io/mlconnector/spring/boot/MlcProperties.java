package io.mlconnector.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 *           syspro: { rest-url: https://erp/SYSPROWCFService/Rest, odata-url: ..., operator: STRIPE, company: EDU1 }
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

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Path getDataDir() {
    return dataDir;
  }

  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  public Store getStore() {
    return store;
  }

  public Webhooks getWebhooks() {
    return webhooks;
  }

  public Engine getEngine() {
    return engine;
  }

  public Health getHealth() {
    return health;
  }

  public Map<String, Integration> getIntegrations() {
    return integrations;
  }

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

    public boolean isUseDataSource() {
      return useDataSource;
    }

    public void setUseDataSource(boolean useDataSource) {
      this.useDataSource = useDataSource;
    }

    public String getTablePrefix() {
      return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }

    public String getCredentialsTable() {
      return credentialsTable;
    }

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

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public int getMaxBodyBytes() {
      return maxBodyBytes;
    }

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

    public boolean isAutoStart() {
      return autoStart;
    }

    public void setAutoStart(boolean autoStart) {
      this.autoStart = autoStart;
    }

    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

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

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** One integration: a pair and its tenants. */
  public static class Integration {
    /** The pair: <ledger>-<collector> (syspro-stripe, sap-b1-stripe, acumatica-stripe, syspro-chargebee) or <AP source>-<ledger> (stampli-syspro). */
    private String pair;
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
    private Duration backstopLookback;
    /** This node's id (keep it across restarts to take leases back at once); default a random one. */
    private String nodeId;
    /** Maps and records every step but writes nothing to either system. */
    private boolean dryRun;
    /** Payables pairs only: how approved AP invoices are posted, AP_INVOICES or GL_JOURNALS. */
    private String postingMode;
    /** Each tenant's settings: tenants.<tenant>.<system>.<key> (keys as each system's factory documents them). */
    private Map<String, Map<String, Map<String, String>>> tenants = new LinkedHashMap<>();

    public String getPair() {
      return pair;
    }

    public void setPair(String pair) {
      this.pair = pair;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Schedule getSchedule() {
      return schedule;
    }

    public int getParallelism() {
      return parallelism;
    }

    public void setParallelism(int parallelism) {
      this.parallelism = parallelism;
    }

    public int getInboundParallelism() {
      return inboundParallelism;
    }

    public void setInboundParallelism(int inboundParallelism) {
      this.inboundParallelism = inboundParallelism;
    }

    public int getPageSize() {
      return pageSize;
    }

    public void setPageSize(int pageSize) {
      this.pageSize = pageSize;
    }

    public Duration getPendingGrace() {
      return pendingGrace;
    }

    public void setPendingGrace(Duration pendingGrace) {
      this.pendingGrace = pendingGrace;
    }

    public Duration getBackstopLookback() {
      return backstopLookback;
    }

    public void setBackstopLookback(Duration backstopLookback) {
      this.backstopLookback = backstopLookback;
    }

    public String getNodeId() {
      return nodeId;
    }

    public void setNodeId(String nodeId) {
      this.nodeId = nodeId;
    }

    public boolean isDryRun() {
      return dryRun;
    }

    public void setDryRun(boolean dryRun) {
      this.dryRun = dryRun;
    }

    public String getPostingMode() {
      return postingMode;
    }

    public void setPostingMode(String postingMode) {
      this.postingMode = postingMode;
    }

    public Map<String, Map<String, Map<String, String>>> getTenants() {
      return tenants;
    }

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

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    public Duration getJitter() {
      return jitter;
    }

    public void setJitter(Duration jitter) {
      this.jitter = jitter;
    }
  }
}
