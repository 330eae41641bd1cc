package io.mlconnector.sapb1.internal;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.sapb1.SapB1SessionStore;
import io.mlconnector.sapb1.SapB1StoredSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The two {@link SapB1SessionStore}s that ship: in memory, and encrypted in a {@link CredentialStore}. */
public final class SessionStores {
  /** Prefix of the credential store's system name under which sessions are kept. */
  public static final String SYSTEM_PREFIX = "sap-b1.session:";

  private SessionStores() {}

  /** A store in memory. */
  public static SapB1SessionStore inMemory() {
    return new InMemory();
  }

  /** A store in a credential store. */
  public static SapB1SessionStore encrypted(CredentialStore credentials) {
    return new Encrypted(credentials);
  }

  private static final class InMemory implements SapB1SessionStore {
    private final Map<String, SapB1StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<SapB1StoredSession> load(String tenant, String credentialId) {
      return Optional.ofNullable(sessions.get(key(tenant, credentialId)));
    }

    @Override
    public void save(String tenant, String credentialId, SapB1StoredSession session) {
      sessions.put(key(tenant, credentialId), session);
    }

    @Override
    public void delete(String tenant, String credentialId) {
      sessions.remove(key(tenant, credentialId));
    }

    private static String key(String tenant, String credentialId) {
      return tenant + '\u0000' + credentialId;
    }

    @Override
    public String toString() {
      return "SapB1SessionStore.inMemory";
    }
  }

  private static final class Encrypted implements SapB1SessionStore {
    private static final String SESSION_ID = "sessionId";
    private static final String ROUTE_ID = "routeId";
    private static final String SERVICE_ROOT = "serviceRoot";
    private static final String COMPANY_DB = "companyDb";
    private static final String USER_NAME = "userName";
    private static final String IDLE_SECONDS = "idleTimeoutSeconds";
    private static final String LAST_USED = "lastUsed";

    private final CredentialStore credentials;

    Encrypted(CredentialStore credentials) {
      this.credentials = credentials;
    }

    @Override
    public Optional<SapB1StoredSession> load(String tenant, String credentialId) {
      Optional<Credentials> stored = credentials.get(tenant, system(credentialId));
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      Credentials c = stored.get();
      try {
        return Optional.of(new SapB1StoredSession(c.get(SESSION_ID),
            c.find(ROUTE_ID).map(Secret::reveal).orElse(null),
            c.get(SERVICE_ROOT).reveal(), c.get(COMPANY_DB).reveal(), c.get(USER_NAME).reveal(),
            Duration.ofSeconds(Long.parseLong(c.get(IDLE_SECONDS).reveal())),
            Instant.parse(c.get(LAST_USED).reveal())));
      } catch (RuntimeException e) {
        // an envelope of another shape (an older version): treat as absent, never echo its values
        return Optional.empty();
      }
    }

    @Override
    public void save(String tenant, String credentialId, SapB1StoredSession session) {
      Credentials.Builder b = Credentials.builder()
          .put(SESSION_ID, session.sessionId())
          .put(SERVICE_ROOT, session.serviceRoot())
          .put(COMPANY_DB, session.companyDb())
          .put(USER_NAME, session.userName())
          .put(IDLE_SECONDS, String.valueOf(session.idleTimeout().getSeconds()))
          .put(LAST_USED, session.lastUsed().toString());
      if (session.routeId() != null) {
        b.put(ROUTE_ID, session.routeId());
      }
      credentials.put(tenant, system(credentialId), b.build());
    }

    @Override
    public void delete(String tenant, String credentialId) {
      credentials.delete(tenant, system(credentialId));
    }

    /** {@code sap-b1.session:<credentialId>}, or the SHA-256 of the credential id when that is long. */
    static String system(String credentialId) {
      String plain = SYSTEM_PREFIX + credentialId;
      if (plain.length() <= 200) {
        return plain;
      }
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentialId.getBytes(StandardCharsets.UTF_8));
        return SYSTEM_PREFIX + "sha256:" + HexFormat.of().formatHex(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing", e);
      }
    }

    @Override
    public String toString() {
      return "SapB1SessionStore.encrypted";
    }
  }
}
