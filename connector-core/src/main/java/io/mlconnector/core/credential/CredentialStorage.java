package io.mlconnector.core.credential;

import io.mlconnector.core.credential.internal.DirectoryCredentialStorage;
import io.mlconnector.core.credential.internal.InMemoryCredentialStorage;
import io.mlconnector.core.credential.internal.JdbcCredentialStorage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Where a {@link CredentialStore} keeps its envelopes: opaque base64 text that is already
 * encrypted, one per {@link CredentialId}. Implementations need no cryptography; they must be
 * thread-safe. Three ship: {@link #inMemory()}, {@link #directory(Path)} and {@link
 * #jdbc(DataSource)}; hosts may implement their own.
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

  /**
   * Storage in the table {@code mlc_credential} of {@code dataSource} (H2 or PostgreSQL), created
   * if missing; see {@link #jdbc(DataSource, String)}.
   */
  static CredentialStorage jdbc(DataSource dataSource) {
    return jdbc(dataSource, "mlc_credential");
  }

  /**
   * Storage in {@code table} ({@code tenant_id, system_name, envelope, updated_at}, primary key on
   * the first two) of {@code dataSource}, created if missing. Safe for several processes sharing
   * the database: replacement is a conditional update. Error messages carry the SQL state only,
   * never a bound value.
   *
   * @throws CredentialException when the table cannot be created
   */
  static CredentialStorage jdbc(DataSource dataSource, String table) {
    return new JdbcCredentialStorage(dataSource, table);
  }
}
