package io.mlconnector.spring.boot.internal;

import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.MlcIntegrations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one integration for one tenant: both systems' {@code ping()} checks, run at most
 * once per cache period and never waited for longer than the timeout (a ping still running is not
 * started again; the tenant is DOWN meanwhile). Secrets never appear: the details are each check's
 * outcome, latency and the client's own redacted detail.
 */
final class TenantHealth implements HealthIndicator {
  private final MlcIntegrations.Running integration;
  private final String tenant;
  private final Duration cacheTtl;
  private final Duration timeout;
  private final ExecutorService pings;
  private final Clock clock;
  private @Nullable Health cached;
  private @Nullable Instant cachedAt;
  private @Nullable CompletableFuture<List<ConnectorCheck>> inFlight;

  TenantHealth(MlcIntegrations.Running integration, String tenant, Duration cacheTtl, Duration timeout,
      ExecutorService pings, Clock clock) {
    this.integration = integration;
    this.tenant = tenant;
    this.cacheTtl = cacheTtl;
    this.timeout = timeout;
    this.pings = pings;
    this.clock = clock;
  }

  @Override
  public Health health() {
    CompletableFuture<List<ConnectorCheck>> f;
    synchronized (this) {
      Instant now = clock.instant();
      if (cached != null && cachedAt.plus(cacheTtl).isAfter(now)) {
        return cached;
      }
      if (inFlight == null) {
        inFlight = CompletableFuture.supplyAsync(() -> integration.ping(tenant), pings);
      }
      f = inFlight;
    }
    Health h;
    try {
      h = of(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      // not cached: the next call waits for the same ping again
      return Health.down().withDetail("pair", integration.pair())
          .withDetail("error", "no answer within " + timeout).build();
    } catch (ExecutionException e) {
      h = Health.down().withDetail("pair", integration.pair())
          .withDetail("error", e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
    synchronized (this) {
      if (inFlight == f) {
        inFlight = null;
        cached = h;
        cachedAt = clock.instant();
      }
    }
    return h;
  }

  private Health of(List<ConnectorCheck> checks) {
    boolean ok = !checks.isEmpty() && checks.stream().allMatch(ConnectorCheck::ok);
    Health.Builder b = ok ? Health.up() : Health.down();
    b.withDetail("pair", integration.pair());
    Map<String, Object> details = new LinkedHashMap<>();
    for (ConnectorCheck c : checks) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("ok", c.ok());
      d.put("latencyMs", c.latency().toMillis());
      if (!c.detail().isEmpty()) {
        d.put("detail", c.detail());
      }
      details.put(c.system() + "." + c.name(), d);
    }
    return b.withDetail("checks", details).build();
  }
}
