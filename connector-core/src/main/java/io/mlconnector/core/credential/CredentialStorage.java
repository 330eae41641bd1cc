package io.mlconnector.core.credential;

import io.mlconnector.core.credential.internal.DirectoryCredentialStorage;
import io.mlconnector.core.credential.internal.InMemoryCredentialStorage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@link CredentialStore} keeps its envelopes: opaque base64 text that is already
 * encrypted, one per {@link CredentialId}. Implementations need no cryptography; they must be
 * thread-safe. Two ship: {@link #inMemory()} and {@link #directory(Path)}; hosts may put envelopes
 * in their own database.
 */
public interface CredentialStorage {

  /** The envelope stored for {@code id}, if any. */
  Optional<String> read(CredentialId id);

  /** Stores {@code envelope} for {@code id}, replacing any previous one. */
  void write(CredentialId id, String envelope);

  /**
   * Replaces the envelope for {@code id} only if it is still {@code expected} (compare and set,
   * so a rotation never overwrites a concurrent update).
   *
   * @return true when replaced
   */
  boolean replace(CredentialId id, String expected, String replacement);

  /** Deletes the envelope for {@code id}; true when there was one. */
  boolean delete(CredentialId id);

  /** Every id with a stored envelope. */
  Set<CredentialId> ids();

  /** Storage in this process's memory only. */
  static CredentialStorage inMemory() {
    return new InMemoryCredentialStorage();
  }

  /**
   * Storage as one file per id in {@code directory} (created if missing), written atomically and,
   * on POSIX file systems, readable by the owner only. Safe for one process; several processes
   * sharing a directory may lose a concurrent update.
   */
  static CredentialStorage directory(Path directory) {
    return new DirectoryCredentialStorage(directory);
  }
}
