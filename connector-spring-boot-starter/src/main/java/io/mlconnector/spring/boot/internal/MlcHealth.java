package io.mlconnector.spring.boot.internal;

import io.mlconnector.spring.boot.MlcIntegrations;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * {@code /actuator/health/mlc}: one composite per integration, one indicator per tenant pinging
 * both of its systems (see {@link TenantHealth}); pings run on a small daemon pool of their own so a
 * hanging remote never holds the health request longer than the timeout.
 */
public final class MlcHealth implements CompositeHealthContributor, AutoCloseable {
  private final CompositeHealthContributor delegate;
  private final ExecutorService pings;

  /** The contributors of every integration's tenants. */
  public MlcHealth(MlcIntegrations integrations, Duration cacheTtl, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    this.pings = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "mlc-health-ping-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Map<String, HealthContributor> byIntegration = new LinkedHashMap<>();
    for (MlcIntegrations.Running r : integrations.all()) {
      Map<String, HealthContributor> byTenant = new LinkedHashMap<>();
      for (String tenant : r.tenants()) {
        byTenant.put(tenant, new TenantHealth(r, tenant, cacheTtl, timeout, pings, Clock.systemUTC()));
      }
      byIntegration.put(r.name(), CompositeHealthContributor.fromMap(byTenant));
    }
    this.delegate = CompositeHealthContributor.fromMap(byIntegration);
  }

  @Override
  public HealthContributor getContributor(String name) {
    return delegate.getContributor(name);
  }

  @Override
  public Stream<Entry> stream() {
    return delegate.stream();
  }

  /** Stops the ping pool. */
  @Override
  public void close() {
    pings.shutdownNow();
  }
}
