package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.credential.CredentialStorage;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed without logging out leaves its session, and its licence seat, at the Service
 * Layer; the next process takes it over from the session store instead of taking another seat.
 * Each "process" here is its own transport; the killed one is never closed.
 */
class SapB1SessionStoreTest {

  @TempDir Path dir;

  @Test
  void aRestartedProcessTakesOverTheSessionOfTheOneThatDied() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      SapB1SessionStore store = SapB1SessionStore.inMemory();
      killedProcessCalls(f, store);
      assertThat(store.load("acme", "acme/sap")).isPresent();

      try (HttpTransport restarted = HttpTransport.builder().sleeper(d -> {}).build();
          SapB1Client client = SapB1Client.create(restarted, f.config(true).sessionStore(store).build())) {
        assertThat(client.businessPartner("C1")).isPresent(); // with one seat, a second Login would be refused
        assertThat(f.sim.logins()).isEqualTo(1);
        assertThat(f.sim.liveSessions()).isEqualTo(1);
        client.close();
        assertThat(f.sim.logouts()).isEqualTo(1);
        assertThat(f.sim.liveSessions()).isZero();
        assertThat(store.load("acme", "acme/sap")).isEmpty(); // logged out: nothing left to take over
      }
    }
  }

  @Test
  void theEncryptedStoreSurvivesTheProcessAndHoldsNoSessionIdInClear() throws Exception {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      KeyProvider keys = KeyProvider.of("k1", Map.of("k1", new SecretKeySpec(key, "AES")));
      Path files = dir.resolve("credentials");
      killedProcessCalls(f, SapB1SessionStore.encrypted(
          CredentialStore.builder(keys).storage(CredentialStorage.directory(files)).build()));

      // a new process: a new credential store over the same directory
      SapB1SessionStore reopened = SapB1SessionStore.encrypted(
          CredentialStore.builder(keys).storage(CredentialStorage.directory(files)).build());
      String sessionId = reopened.load("acme", "acme/sap").orElseThrow().sessionId().reveal();
      try (Stream<Path> stored = Files.list(files)) {
        for (Path p : stored.toList()) {
          assertThat(Files.readString(p)).doesNotContain(sessionId);
        }
      }
      try (HttpTransport restarted = HttpTransport.builder().sleeper(d -> {}).build();
          SapB1Client client = SapB1Client.create(restarted, f.config(true).sessionStore(reopened).build())) {
        assertThat(client.businessPartner("C1")).isPresent();
        assertThat(f.sim.logins()).isEqualTo(1);
      }
      assertThat(f.sim.liveSessions()).isZero();
      assertThat(reopened.load("acme", "acme/sap")).isEmpty();
    }
  }

  @Test
  void aStoredSessionThatLooksIdledOutIsLoggedOutBeforeANewLogin() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      SapB1SessionStore store = SapB1SessionStore.inMemory();
      killedProcessCalls(f, store);
      // the store last saw it an hour ago (it is touched once a minute): too old to take over, but the
      // server may still hold its seat
      SapB1StoredSession old = store.load("acme", "acme/sap").orElseThrow();
      store.save("acme", "acme/sap", old.withLastUsed(Instant.now().minus(Duration.ofHours(1))));

      try (HttpTransport restarted = HttpTransport.builder().sleeper(d -> {}).build();
          SapB1Client client = SapB1Client.create(restarted, f.config(true).sessionStore(store).build())) {
        assertThat(client.businessPartner("C1")).isPresent();
        assertThat(f.sim.logouts()).isEqualTo(1); // the old seat freed first, so the one seat sufficed
        assertThat(f.sim.logins()).isEqualTo(2);
        assertThat(f.sim.liveSessions()).isEqualTo(1);
        assertThat(store.load("acme", "acme/sap").orElseThrow().sessionId()).isNotEqualTo(old.sessionId());
      }
    }
  }

  @Test
  void aStoredSessionTheServerEndedCostsOneLoginAndTheCallStillAnswers() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      SapB1SessionStore store = SapB1SessionStore.inMemory();
      killedProcessCalls(f, store);
      f.sim.expireSessions(); // the server restarted meanwhile

      try (HttpTransport restarted = HttpTransport.builder().sleeper(d -> {}).build();
          SapB1Client client = SapB1Client.create(restarted, f.config(true).sessionStore(store).build())) {
        assertThat(client.businessPartner("C1").orElseThrow().cardName()).isEqualTo("Acme");
        assertThat(f.sim.logins()).isEqualTo(2);
        assertThat(f.sim.liveSessions()).isEqualTo(1);
      }
    }
  }

  @Test
  void aStoredSessionOfAnotherServerOrUserIsNeverTakenOver() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      SapB1SessionStore store = SapB1SessionStore.inMemory();
      store.save("acme", "acme/sap", new SapB1StoredSession(Secret.of("00000000-1111-2222-3333-444444444444"), null,
          "https://elsewhere.example:50000/b1s/v2/", f.sim.companyDb(), SimFixture.USER, Duration.ofMinutes(30),
          Instant.now()));
      try (HttpTransport restarted = HttpTransport.builder().sleeper(d -> {}).build();
          SapB1Client client = SapB1Client.create(restarted, f.config(true).sessionStore(store).build())) {
        long before = f.sim.requestCount();
        assertThat(client.businessPartner("C1")).isPresent();
        assertThat(f.sim.requestCount() - before).isEqualTo(2); // Login, the read: no Logout of another server's id
        assertThat(f.sim.logins()).isEqualTo(1);
        assertThat(store.load("acme", "acme/sap").orElseThrow().serviceRoot()).isEqualTo(f.sim.serviceRoot(true).toString());
      }
    }
  }

  /** A process that logs in, calls, and is killed: its transport is never closed, its session never logged out. */
  private static void killedProcessCalls(SimFixture f, SapB1SessionStore store) {
    try (HttpTransport killed = HttpTransport.builder().sleeper(d -> {}).logoutOnClose(false).build()) {
      SapB1Client client = SapB1Client.create(killed, f.config(true).sessionStore(store).build());
      assertThat(client.businessPartner("C1")).isPresent();
    }
    assertThat(f.sim.liveSessions()).isEqualTo(1);
    assertThat(f.sim.logouts()).isZero();
  }
}
