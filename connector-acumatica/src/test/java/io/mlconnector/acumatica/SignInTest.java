package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInTest {

  @Test
  void anExpiredTokenIsRefreshedOnceForConcurrentCallersAndTheRefreshTokenRotates() throws Exception {
    try (Fixture fx = new Fixture()) {
      fx.sim.addCustomer("C001", "Acme", "USD");
      AcumaticaClient client = fx.client();
      client.list(EntityType.CUSTOMER, client.query());
      long before = fx.sim.signIns();

      fx.sim.expireAccessTokens();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<List<AcumaticaCustomer>>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(pool.submit(() -> client.list(EntityType.CUSTOMER, client.query())));
      }
      for (Future<List<AcumaticaCustomer>> f : calls) {
        assertThat(f.get()).hasSize(1);
      }
      pool.shutdown();

      assertThat(fx.sim.signIns() - before).isEqualTo(1);
      assertThat(fx.sim.refreshes()).isEqualTo(1);
      long tokenRequests = fx.sim.recordedRequests().stream()
          .filter(r -> r.path().equals("identity/connect/token")).count();
      assertThat(tokenRequests).isEqualTo(2);
    }
  }

  @Test
  void anAuthorizationCodeIsExchangedOnceAndEachRotatedRefreshTokenIsHandedToTheHost() {
    List<String> rotated = Collections.synchronizedList(new ArrayList<>());
    try (Fixture fx = new Fixture()) {
      String code = fx.sim.issueAuthorizationCode(Fixture.USER);
      AcumaticaCredentials creds = AcumaticaCredentials.authorizationCode(Fixture.CLIENT + "@" + fx.sim.tenant(),
          Secret.of(Fixture.CLIENT_SECRET), Secret.of(code), "https://app.example/callback",
          t -> rotated.add(t.reveal()));
      AcumaticaClient client = fx.client(fx.config(creds).build());
      client.list(EntityType.ACCOUNT, client.query());
      fx.sim.expireAccessTokens();
      client.list(EntityType.ACCOUNT, client.query());

      assertThat(rotated).hasSize(2).doesNotHaveDuplicates();
      // the first refresh token was used once and is dead now: resuming from it fails
      AcumaticaCredentials stale = AcumaticaCredentials.refreshToken(Fixture.CLIENT + "@" + fx.sim.tenant(),
          Secret.of(Fixture.CLIENT_SECRET), Secret.of(rotated.get(0)), t -> {});
      AcumaticaClient other = fx.client(fx.config(stale).credentialId("other").build());
      assertThatThrownBy(() -> other.list(EntityType.ACCOUNT, other.query()))
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid_grant");
    }
  }

  @Test
  void aCookieSessionIsLoggedOutOnCloseSoNoApiUserSlotStaysHeld() {
    try (Fixture fx = new Fixture()) {
      AcumaticaClient client = fx.client(fx.config(fx.cookie()).build());
      client.list(EntityType.ACCOUNT, client.query());
      assertThat(fx.sim.apiUsersInUse()).isEqualTo(1);

      client.close();

      assertThat(fx.sim.apiUsersInUse()).isZero();
      assertThat(fx.sim.recordedRequests()).anyMatch(r -> r.path().equals("entity/auth/logout"));
      assertThat(fx.sim.recordedRequests()).filteredOn(r -> r.path().equals("entity/auth/login"))
          .singleElement().satisfies(r -> {
            assertThat(r.body()).contains("\"tenant\"").doesNotContain("\"company\"");
          });
    }
  }

  @Test
  void anIdleCookieSessionIsReplacedByANewLogin() {
    try (Fixture fx = new Fixture(b -> b.cookieIdleTimeout(Duration.ofMinutes(20)))) {
      AcumaticaClient client = fx.client(fx.config(fx.cookie()).build());
      client.list(EntityType.ACCOUNT, client.query());
      fx.sim.advance(Duration.ofMinutes(21));

      assertThat(client.list(EntityType.ACCOUNT, client.query())).hasSize(4);
      assertThat(fx.sim.recordedRequests()).filteredOn(r -> r.path().equals("entity/auth/login")).hasSize(2);
    }
  }

  @Test
  void theApiLoginLimitIsReportedAsSuch() {
    try (Fixture fx = new Fixture(b -> b.maxApiUsers(1))) {
      AcumaticaClient first = fx.client(fx.config(fx.cookie()).build());
      first.list(EntityType.ACCOUNT, first.query());
      AcumaticaClient second = fx.client(fx.config(fx.oauth()).credentialId("second").build());

      assertThatThrownBy(() -> second.list(EntityType.ACCOUNT, second.query()))
          .isInstanceOf(ApiLoginLimitException.class)
          .hasMessageContaining("API Login Limit");
    }
  }

  @Test
  void badCredentialsAreAnAuthenticationErrorThatNamesNoSecret() {
    try (Fixture fx = new Fixture()) {
      AcumaticaCredentials wrong = AcumaticaCredentials.cookieLogin(Secret.of(Fixture.USER),
          Secret.of("wrong-password-123"), fx.sim.tenant(), null);
      AcumaticaClient client = fx.client(fx.config(wrong).build());

      assertThatThrownBy(() -> client.list(EntityType.ACCOUNT, client.query()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Invalid credentials")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password-123"));
      assertThat(wrong.toString()).doesNotContain("wrong-password-123").doesNotContain(Fixture.USER);
    }
  }

  @Test
  void clientCredentialsIsNotOfferedAndClientIdsMustNameTheTenant() {
    assertThatThrownBy(() -> AcumaticaCredentials.password("no-tenant", Secret.of("s"), Secret.of("u"), Secret.of("p")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@<TenantLoginName>");
  }
}
