package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store's (tenant, flow) leases. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryLeases {
  private final Map<List<String>, Lease> leases = new HashMap<>();

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#tryAcquireLease}. */
  public boolean tryAcquire(String tenant, String flow, String owner, Duration ttl, Instant now) {
    List<String> key = key(tenant, flow);
    Checks.text(owner, "owner");
    Checks.positive(ttl, "ttl");
    Lease held = leases.get(key);
    if (held != null && !held.owner().equals(owner) && held.expiresAt().isAfter(now)) {
      return false;
    }
    leases.put(key, new Lease(tenant, flow, owner, now.plus(ttl)));
    return true;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#releaseLease}. */
  public void release(String tenant, String flow, String owner) {
    List<String> key = key(tenant, flow);
    Checks.text(owner, "owner");
    Lease held = leases.get(key);
    if (held != null && held.owner().equals(owner)) {
      leases.remove(key);
    }
  }

  /** See {@link io.mlconnector.core.state.StateStore#lease}. */
  public Optional<Lease> lease(String tenant, String flow, Instant now) {
    Lease held = leases.get(key(tenant, flow));
    return held != null && held.expiresAt().isAfter(now) ? Optional.of(held) : Optional.empty();
  }

  private static List<String> key(String tenant, String flow) {
    return List.of(Checks.text(tenant, "tenant"), Checks.text(flow, "flow"));
  }
}
