package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import java.time.Duration;
import java.time.Instant;
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
    SeenFile f = existing(tenant, flow, contentHash);
    Checks.notNull(status, "status");
    f.status().checkMove(status, contentHash);
    files.put(
        key(tenant, flow, contentHash),
        new SeenFile(
            f.tenant(),
            f.flow(),
            f.contentHash(),
            f.name(),
            status,
            f.recordedAt(),
            f.claimant(),
            f.leaseUntil(),
            f.posted(),
            f.parked(),
            f.reason()));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#claimFile}. */
  public boolean claim(
      String tenant,
      String flow,
      String contentHash,
      String name,
      String owner,
      Duration ttl,
      Instant now) {
    List<String> key = key(tenant, flow, contentHash);
    Checks.notNull(name, "name");
    Checks.text(owner, "owner");
    Checks.positive(ttl, "ttl");
    SeenFile f = files.get(key);
    if (f == null) {
      files.put(
          key,
          new SeenFile(
              tenant,
              flow,
              contentHash,
              name,
              SeenFile.Status.CLAIMED,
              now,
              owner,
              now.plus(ttl),
              0,
              0,
              null));
      return true;
    }
    boolean free =
        f.claimant() == null
            || f.claimant().equals(owner)
            || f.leaseUntil() == null
            || !f.leaseUntil().isAfter(now);
    if (f.status().isFinal() || !free) {
      return false;
    }
    files.put(
        key,
        new SeenFile(
            f.tenant(),
            f.flow(),
            f.contentHash(),
            f.name(),
            f.status(),
            f.recordedAt(),
            owner,
            now.plus(ttl),
            f.posted(),
            f.parked(),
            f.reason()));
    return true;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#moveFile}. */
  public void move(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      String reason,
      Instant now) {
    SeenFile f = existing(tenant, flow, contentHash);
    Checks.text(owner, "owner");
    Checks.notNull(status, "status");
    f.status().checkMove(status, contentHash);
    if (!owner.equals(f.claimant())) {
      throw new StateConflictException(
          "file "
              + contentHash
              + " is claimed by "
              + f.claimant()
              + ", not "
              + owner
              + "; it stays "
              + f.status());
    }
    files.put(
        key(tenant, flow, contentHash),
        new SeenFile(
            f.tenant(),
            f.flow(),
            f.contentHash(),
            f.name(),
            status,
            f.recordedAt(),
            f.claimant(),
            status.isFinal() ? now : f.leaseUntil(),
            posted,
            parked,
            reason));
  }

  private SeenFile existing(String tenant, String flow, String contentHash) {
    SeenFile f = files.get(key(tenant, flow, contentHash));
    if (f == null) {
      throw new IllegalArgumentException(
          "no file " + contentHash + " recorded for flow " + flow + " of tenant " + tenant);
    }
    return f;
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
