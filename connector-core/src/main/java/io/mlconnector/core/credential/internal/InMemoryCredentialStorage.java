package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialId;
import io.mlconnector.core.credential.CredentialStorage;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Envelopes in a concurrent map. */
public final class InMemoryCredentialStorage implements CredentialStorage {
  private final ConcurrentMap<CredentialId, String> envelopes = new ConcurrentHashMap<>();

  @Override
  public Optional<String> read(CredentialId id) {
    return Optional.ofNullable(envelopes.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public void write(CredentialId id, String envelope) {
    envelopes.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(envelope, "envelope"));
  }

  @Override
  public boolean replace(CredentialId id, String expected, String replacement) {
    return envelopes.replace(
        Objects.requireNonNull(id, "id"), Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(replacement, "replacement"));
  }

  @Override
  public boolean delete(CredentialId id) {
    return envelopes.remove(Objects.requireNonNull(id, "id")) != null;
  }

  @Override
  public Set<CredentialId> ids() {
    return Set.copyOf(envelopes.keySet());
  }

  @Override
  public String toString() {
    return "CredentialStorage[in memory, " + envelopes.size() + " entries]";
  }
}
