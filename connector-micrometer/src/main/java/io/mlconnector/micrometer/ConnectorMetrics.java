package io.mlconnector.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mlconnector.core.http.CallInfo;
import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.TransportListener;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters for the engine and the transport. Hand {@link #syncListener()} to the engine
 * (or an integration's {@code listener(...)}) and {@link #transportListener()} to {@code
 * HttpTransport.builder().listener(...)}:
 *
 * <pre>{@code
 * ConnectorMetrics metrics = ConnectorMetrics.builder(registry).build();
 * HttpTransport transport = HttpTransport.builder().listener(metrics.transportListener()).build();
 * ReceivablesIntegration sync = ReceivablesIntegration.builder(ledger, collector)
 *     .listener(metrics.syncListener()) ... .build();
 * metrics.bindDeadLetters(store, List.of("acme"));      // a gauge per tenant
 * }</pre>
 *
 * <table>
 *   <caption>meters</caption>
 *   <tr><th>name</th><th>kind</th><th>tags</th></tr>
 *   <tr><td>{@code mlc.records}</td><td>counter</td><td>flow, outcome (read, written, skipped,
 *       deferred, failed, parked)</td></tr>
 *   <tr><td>{@code mlc.sink.latency}</td><td>timer: from a record mapped to written</td><td>flow</td></tr>
 *   <tr><td>{@code mlc.runs}</td><td>counter</td><td>flow, status</td></tr>
 *   <tr><td>{@code mlc.remote.calls}</td><td>timer: one call, retries included</td><td>system,
 *       outcome (2xx, 4xx, 429, 5xx, error)</td></tr>
 *   <tr><td>{@code mlc.remote.retries}</td><td>counter</td><td>system</td></tr>
 *   <tr><td>{@code mlc.rate.limited}</td><td>counter: 429s that cut a budget</td><td>system</td></tr>
 *   <tr><td>{@code mlc.rate.wait}</td><td>timer: waits for a rate-budget permit</td><td>system</td></tr>
 *   <tr><td>{@code mlc.webhooks}</td><td>counter</td><td>flow, outcome (accepted, duplicate, refused)</td></tr>
 *   <tr><td>{@code mlc.retry.pending}</td><td>gauge: records waiting for a retry, seen by this
 *       process</td><td>-</td></tr>
 *   <tr><td>{@code mlc.dead.letters}</td><td>gauge (with {@link #bindDeadLetters})</td><td>tenant</td></tr>
 * </table>
 *
 * <p>Tag cardinality stays bounded: flows, systems and outcomes are few; the tenant is added to
 * the record, run and webhook meters only when {@link Builder#tenantTag(boolean)} asks for it (a
 * process serving thousands of tenants should not). No ref, id or error text ever becomes a tag.
 */
public final class ConnectorMetrics {
  private final MeterRegistry registry;
  private final boolean tenantTag;
  private final Map<String, Long> mappedAt = new ConcurrentHashMap<>();
  private final Set<String> pendingRetries = ConcurrentHashMap.newKeySet();
  private final SyncListener syncListener = new Engine();
  private final TransportListener transportListener = new Transport();

  private ConnectorMetrics(Builder b) {
    this.registry = b.registry;
    this.tenantTag = b.tenantTag;
    Gauge.builder("mlc.retry.pending", pendingRetries, Set::size)
        .description("records waiting for a retry, as this process saw them fail").register(registry);
  }

  /**
   * A builder over {@code registry}.
   *
   * @param registry where the meters go (a Prometheus registry, say)
   * @return a builder with the defaults (no tenant tag)
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * The listener to give the engine.
   *
   * @return the engine listener recording records, runs, sink latency and webhooks
   */
  public SyncListener syncListener() {
    return syncListener;
  }

  /**
   * The listener to give the HTTP transport.
   *
   * @return the transport listener timing remote calls and counting retries, 429s and budget waits
   */
  public TransportListener transportListener() {
    return transportListener;
  }

  /**
   * Registers {@code mlc.dead.letters} for each of {@code tenants}: the dead letters {@code store}
   * holds, read when the registry samples the gauge.
   *
   * @param store the state store the engine writes
   * @param tenants the tenants to gauge (one series each)
   */
  public void bindDeadLetters(StateStore store, List<String> tenants) {
    Objects.requireNonNull(store, "store");
    for (String tenant : Objects.requireNonNull(tenants, "tenants")) {
      Gauge.builder("mlc.dead.letters", () -> store.deadLetters(DeadLetterQuery.all(tenant)).items().size())
          .tag("tenant", tenant).description("records parked with their reason").register(registry);
    }
  }

  private Tags flowTags(String tenant, String flow) {
    Tags t = Tags.of("flow", flow);
    return tenantTag ? t.and("tenant", tenant) : t;
  }

  private void record(RunInfo run, String outcome) {
    Counter.builder("mlc.records").tags(flowTags(run.tenant(), run.flow())).tag("outcome", outcome)
        .register(registry).increment();
  }

  private static String key(RunInfo run, ExternalRef source) {
    return run.tenant() + '\u0000' + run.flow() + '\u0000' + source.key();
  }

  private static String statusClass(int status) {
    if (status == 429) {
      return "429";
    }
    return status >= 200 && status < 600 ? (status / 100) + "xx" : "other";
  }

  /** The engine's hooks. */
  private final class Engine implements SyncListener {
    @Override
    public void runFinished(RunReport report) {
      Counter.builder("mlc.runs").tags(flowTags(report.run().tenant(), report.run().flow()))
          .tag("status", report.status().name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    @Override
    public void recordRead(RunInfo run, ExternalRef source, String version) {
      record(run, "read");
    }

    @Override
    public void recordMapped(RunInfo run, ExternalRef source, Object mapped) {
      mappedAt.put(key(run, source), System.nanoTime());
    }

    @Override
    public void recordDeferred(RunInfo run, ExternalRef source, ExternalRef dependency, String reason, Instant retryAt) {
      mappedAt.remove(key(run, source));
      record(run, "deferred");
    }

    @Override
    public void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {
      String k = key(run, source);
      Long start = mappedAt.remove(k);
      if (start != null) {
        Timer.builder("mlc.sink.latency").tags("flow", run.flow()).register(registry)
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
      pendingRetries.remove(k);
      record(run, "written");
    }

    @Override
    public void recordSkipped(RunInfo run, ExternalRef source, String reason) {
      mappedAt.remove(key(run, source));
      record(run, "skipped");
    }

    @Override
    public void recordFailed(RunInfo run, ExternalRef source, RuntimeException error, Instant retryAt) {
      String k = key(run, source);
      mappedAt.remove(k);
      pendingRetries.add(k);
      record(run, "failed");
    }

    @Override
    public void recordParked(RunInfo run, ExternalRef source, String reason) {
      String k = key(run, source);
      mappedAt.remove(k);
      pendingRetries.remove(k);
      record(run, "parked");
    }

    @Override
    public void webhookReceived(String tenant, String flow, String eventId, boolean duplicate) {
      Counter.builder("mlc.webhooks").tags(flowTags(tenant, flow)).tag("outcome", duplicate ? "duplicate" : "accepted")
          .register(registry).increment();
    }

    @Override
    public void webhookRejected(String tenant, String flow, int status, String reason) {
      Counter.builder("mlc.webhooks").tags(flowTags(tenant, flow)).tag("outcome", "refused")
          .register(registry).increment();
    }
  }

  /** The transport's hooks. */
  private final class Transport implements TransportListener {
    @Override
    public void callEnd(CallInfo call, int status, int attempts, Duration elapsed) {
      Timer.builder("mlc.remote.calls").tags(List.of(Tag.of("system", call.key().system()),
          Tag.of("outcome", statusClass(status)))).register(registry).record(elapsed);
    }

    @Override
    public void callFailed(CallInfo call, Exception failure, Duration elapsed) {
      Timer.builder("mlc.remote.calls").tags("system", call.key().system(), "outcome", "error")
          .register(registry).record(elapsed);
    }

    @Override
    public void retryScheduled(CallInfo call, int attempt, Duration delay, String reason) {
      Counter.builder("mlc.remote.retries").tag("system", call.key().system()).register(registry).increment();
    }

    @Override
    public void rateLimitWait(CredentialKey key, Duration waited) {
      Timer.builder("mlc.rate.wait").tag("system", key.system()).register(registry).record(waited);
    }

    @Override
    public void rateLimited(CredentialKey key, Duration pause, double newPermitsPerSecond) {
      Counter.builder("mlc.rate.limited").tag("system", key.system()).register(registry).increment();
    }
  }

  /** Builds {@link ConnectorMetrics}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private boolean tenantTag;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Whether record, run and webhook meters carry a {@code tenant} tag (default false: one series
     * per tenant multiplies the series by the tenants served).
     *
     * @param value true to tag by tenant
     * @return this builder
     */
    public Builder tenantTag(boolean value) {
      this.tenantTag = value;
      return this;
    }

    /**
     * The metrics.
     *
     * @return the binding, its meters registered
     */
    public ConnectorMetrics build() {
      return new ConnectorMetrics(this);
    }
  }
}
