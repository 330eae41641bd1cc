package io.mlconnector.core.state.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store's cursors. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryCursors {
  private final Map<List<String>, String> cursors = new HashMap<>();

  /** See {@link io.mlconnector.core.state.StateStore#cursor}. */
  public Optional<String> cursor(String tenant, String flow, String stream) {
    return Optional.ofNullable(cursors.get(key(tenant, flow, stream)));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#saveCursor}. */
  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    List<String> key = key(tenant, flow, stream);
    Checks.notNull(checkpoint, "checkpoint");
    cursors.put(key, checkpoint);
  }

  private static List<String> key(String tenant, String flow, String stream) {
    return List.of(
        Checks.text(tenant, "tenant"), Checks.text(flow, "flow"), Checks.text(stream, "stream"));
  }
}
