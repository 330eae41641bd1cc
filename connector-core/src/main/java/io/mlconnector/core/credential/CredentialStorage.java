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

  /**
   * The envelope stored for {@code id}, if any.
   *
   * @param id whose envelope: a tenant and a system
   * @return the stored envelope, or empty when none is stored for {@code id}
   */
  Optional<String> read(CredentialId id);

  /**
   * Stores {@code envelope} for {@code id}, replacing any previous one.
   *
   * @param id whose envelope: a tenant and a system
   * @param envelope the encrypted envelope, opaque base64 text
   */
  void write(CredentialId id, String envelope);

  /**
   * Replaces the envelope for {@code id} only if it is still {@code expected} (compare and set,
   * so a rotation never overwrites a concurrent update).
   *
   * @return true when replaced
   * @param id whose envelope: a tenant and a system
   * @param expected the envelope the caller read and re-encrypted
   * @param replacement the envelope to store instead
   */
  boolean replace(CredentialId id, String expected, String replacement);

  /**
   * Deletes the envelope for {@code id}; true when there was one.
   *
   * @param id whose envelope: a tenant and a system
   * @return true when there was an envelope to delete
   */
  boolean delete(CredentialId id);

  /**
   * Every id with a stored envelope.
   *
   * @return the ids with a stored envelope; empty when none is stored
   */
  Set<CredentialId> ids();

  /**
   * Storage in this process's memory only.
   *
   * @return a new, empty storage; its envelopes are lost when the process ends
   */
  static CredentialStorage inMemory() {
    return new InMemoryCredentialStorage();
  }

  /**
   * Storage as one file per id in {@code directory} (created if missing), written atomically and,
   * on POSIX file systems, readable by the owner only. Safe for one process; several processes
   * sharing a directory may lose a concurrent update.
   *
   * @param directory the directory holding one file per id
   * @return storage in that directory
   */
  static CredentialStorage directory(Path directory) {
    return new DirectoryCredentialStorage(directory);
  }

  /**
   * Storage in the table {@code mlc_credential} of {@code dataSource} (H2 or PostgreSQL), created
   * if missing; see {@link #jdbc(DataSource, String)}.
   *
   * @param dataSource the database
   * @return storage in the table {@code mlc_credential}
   * @throws CredentialException when the table cannot be created
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
   * @param dataSource the database
   * @param table the table's name, a plain SQL identifier
   * @return storage in that table
   * @throws CredentialException when the table cannot be created
   */
  static CredentialStorage jdbc(DataSource dataSource, String table) {
    return new JdbcCredentialStorage(dataSource, table);
  }
}
