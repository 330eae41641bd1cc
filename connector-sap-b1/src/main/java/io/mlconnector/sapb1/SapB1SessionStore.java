package io.mlconnector.sapb1;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.sapb1.internal.SessionStores;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link SapB1Client} keeps its Service Layer session, so that a process started again
 * after a crash takes over the session (and the licence seat) of the process that died instead of
 * opening a second one; the Service Layer would hold the dead process's seat until the session's
 * idle timeout (30 minutes by default).
 *
 * <p>The client saves the session after each Login, touches it at most once a minute while it is
 * in use, and deletes it on Logout. On its first call it loads what is stored: a session of the
 * same service root, company and user that has not idled out is used again; any other is logged
 * out (when it belongs to the same service root) and forgotten before a new Login.
 *
 * <p>A session id is a credential: whoever holds it acts as the user. {@link #inMemory()} (the
 * default) keeps it in this process only; {@link #encrypted(CredentialStore)} keeps it encrypted
 * in a {@link CredentialStore}, like every other credential, and is what a host that wants the
 * take-over after a restart should use. Implementations must be thread-safe and must not log the
 * session id.
 *
 * <pre>{@code
 * SapB1Config config = SapB1Config.builder("acme", "acme/sap-b1", url, credentials)
 *     .sessionStore(SapB1SessionStore.encrypted(credentialStore))
 *     .build();
 * }</pre>
 */
public interface SapB1SessionStore {

  /**
   * The session stored for {@code tenant} and {@code credentialId}, if any.
   *
   * @param tenant the tenant
   * @param credentialId the credential id of the client's config
   * @return the stored session, or empty when none is stored
   */
  Optional<SapB1StoredSession> load(String tenant, String credentialId);

  /**
   * Stores {@code session} for {@code tenant} and {@code credentialId}, replacing any other.
   *
   * @param tenant the tenant
   * @param credentialId the credential id of the client's config
   * @param session the session to keep
   */
  void save(String tenant, String credentialId, SapB1StoredSession session);

  /**
   * Forgets the session of {@code tenant} and {@code credentialId}; does nothing when there is
   *     none.
   *
   * @param tenant the tenant
   * @param credentialId the credential id of the client's config
   */
  void delete(String tenant, String credentialId);

  /**
   * A store in this process's memory (the default): no take-over after a restart.
   *
   * @return a new, empty store
   */
  static SapB1SessionStore inMemory() {
    return SessionStores.inMemory();
  }

  /**
   * A store that keeps each session as an encrypted credential in {@code credentials}: tenant
   * {@code tenant}, system {@code sap-b1.session:<credentialId>} (hashed when long), under the
   * store's key provider, durable as far as the store's storage is.
   *
   * @param credentials the host's credential store
   * @return the store
   */
  static SapB1SessionStore encrypted(CredentialStore credentials) {
    return SessionStores.encrypted(Objects.requireNonNull(credentials, "credentials"));
  }
}
