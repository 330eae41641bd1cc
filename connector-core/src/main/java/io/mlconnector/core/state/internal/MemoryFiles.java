package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.SeenFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store's seen-files ledger and claimed document keys. Not thread-safe on its own:
 * {@link io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryFiles {
  private final Map<List<String>, SeenFile> files = new HashMap<>();
  private final Map<List<String>, String> documents = new HashMap<>();

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#recordFile}. */
  public boolean record(SeenFile file) {
    Checks.notNull(file, "file");
    return files.putIfAbsent(List.of(file.tenant(), file.flow(), file.contentHash()), file) == null;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#file}. */
  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    return Optional.ofNullable(files.get(key(tenant, flow, contentHash)));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#updateFile}. */
  public void update(String tenant, String flow, String contentHash, SeenFile.Status status) {
    List<String> key = key(tenant, flow, contentHash);
    Checks.notNull(status, "status");
    SeenFile f = files.get(key);
    if (f == null) {
      throw new IllegalArgumentException(
          "no file " + contentHash + " recorded for flow " + flow + " of tenant " + tenant);
    }
    files.put(
        key, new SeenFile(f.tenant(), f.flow(), f.contentHash(), f.name(), status, f.recordedAt()));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#claimDocument}. */
  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    List<String> key =
        List.of(
            Checks.text(tenant, "tenant"),
            Checks.text(flow, "flow"),
            Checks.text(naturalKey, "naturalKey"));
    Checks.text(contentHash, "contentHash");
    return documents.putIfAbsent(key, contentHash) == null;
  }

  private static List<String> key(String tenant, String flow, String contentHash) {
    return List.of(
        Checks.text(tenant, "tenant"),
        Checks.text(flow, "flow"),
        Checks.text(contentHash, "contentHash"));
  }
}
