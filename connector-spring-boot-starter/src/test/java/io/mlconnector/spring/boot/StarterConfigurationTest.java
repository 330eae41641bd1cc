package io.mlconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.testkit.TestPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration without a web server: checks at start-up, beans the application replaces, the DataSource store. */
class StarterConfigurationTest {
  private static final String T = "mlc.integrations.billing.tenants.acme.";

  @TempDir
  Path dataDir;

  private ApplicationContextRunner runner() {
    List<String> p = new ArrayList<>(List.of(
        "MLC_KEY_CURRENT=t1", "MLC_KEY_T1=" + Simulators.KEY,
        "mlc.data-dir=" + dataDir, "mlc.engine.auto-start=false",
        "mlc.integrations.billing.pair=syspro-stripe",
        T + "syspro.rest-url=http://127.0.0.1:9/SYSPROWCFService/Rest",
        T + "syspro.odata-url=http://127.0.0.1:9/odata",
        T + "syspro.operator=STRIPE", T + "syspro.company=EDU1", T + "syspro.operator-password=pw",
        T + "stripe.api-key=sk_test_123", T + "stripe.webhook-secret=whsec_123",
        T + "stripe.api-base=http://127.0.0.1:9"));
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlcAutoConfiguration.class))
        .withPropertyValues(p.toArray(String[]::new));
  }

  @Test
  void aMissingSettingFailsStartUpNamingTheProperty() {
    runner().withPropertyValues(T + "syspro.rest-url=").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(rootCause(ctx.getStartupFailure())).isInstanceOf(SettingException.class)
          .hasMessageContaining("mlc.integrations.billing.tenants.acme.syspro.rest-url: is missing");
    });
  }

  @Test
  void everyBadPropertyIsNamedAtOnce() {
    runner().withPropertyValues("mlc.integrations.billing.parallelism=0",
        "mlc.integrations.billing.schedule.interval=0s").run(ctx -> {
          assertThat(ctx).hasFailed();
          SettingException e = (SettingException) rootCause(ctx.getStartupFailure());
          assertThat(e.properties()).containsExactly("mlc.integrations.billing.parallelism",
              "mlc.integrations.billing.schedule.interval");
          assertThat(e).hasMessageContaining("must be 1 to 256, was 0");
        });
  }

  @Test
  void anUnknownPairOrAMissingSecretIsNamed() {
    runner().withPropertyValues("mlc.integrations.billing.pair=syspro-paypal").run(ctx ->
        assertThat(rootCause(ctx.getStartupFailure())).hasMessageContaining("mlc.integrations.billing.pair: "
            + "'syspro-paypal' does not name two known systems"));
    runner().withPropertyValues(T + "stripe.api-key=").run(ctx ->
        assertThat(rootCause(ctx.getStartupFailure()))
            .hasMessageContaining("mlc.integrations.billing.tenants.acme.stripe.api-key: is missing"));
    runner().withPropertyValues(T + "chargebee.site=acme").run(ctx ->
        assertThat(rootCause(ctx.getStartupFailure()))
            .hasMessageContaining("mlc.integrations.billing.tenants.acme.chargebee: is not a system of pair syspro-stripe"));
  }

  @Test
  void everyReceivablesPairOfTheConnectorsOnTheClassPathBuildsFromProperties() {
    String b = "mlc.integrations.b1.";
    String t = b + "tenants.acme.";
    ApplicationContextRunner r = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlcAutoConfiguration.class))
        .withPropertyValues("MLC_KEY_CURRENT=t1", "MLC_KEY_T1=" + Simulators.KEY, "mlc.data-dir=" + dataDir,
            "mlc.engine.auto-start=false",
            b + "pair=sap-b1-stripe", t + "sap-b1.url=http://127.0.0.1:9/b1s/v1", t + "sap-b1.company=SBODEMO",
            t + "sap-b1.user=manager", t + "sap-b1.password=pw", t + "sap-b1.transfer-account=1020",
            t + "stripe.api-key=sk_test_1", t + "stripe.webhook-secret=whsec_1",
            "mlc.integrations.acu.pair=acumatica-stripe",
            "mlc.integrations.acu.tenants.acme.acumatica.url=http://127.0.0.1:9",
            "mlc.integrations.acu.tenants.acme.acumatica.username=admin",
            "mlc.integrations.acu.tenants.acme.acumatica.password=pw",
            "mlc.integrations.acu.tenants.acme.acumatica.client-id=app@Company",
            "mlc.integrations.acu.tenants.acme.acumatica.payment-method=STRIPE",
            "mlc.integrations.acu.tenants.acme.acumatica.cash-account=10200",
            "mlc.integrations.acu.tenants.acme.stripe.api-key=sk_test_1",
            "mlc.integrations.acu.tenants.acme.stripe.webhook-secret=whsec_1",
            "mlc.integrations.cb.pair=syspro-chargebee",
            "mlc.integrations.cb.tenants.acme.syspro.rest-url=http://127.0.0.1:9/SYSPROWCFService/Rest",
            "mlc.integrations.cb.tenants.acme.syspro.odata-url=http://127.0.0.1:9/odata",
            "mlc.integrations.cb.tenants.acme.syspro.operator=STRIPE",
            "mlc.integrations.cb.tenants.acme.syspro.company=EDU1",
            "mlc.integrations.cb.tenants.acme.chargebee.site=acme-test",
            "mlc.integrations.cb.tenants.acme.chargebee.api-key=cb_test_1");
    r.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      MlcIntegrations all = ctx.getBean(MlcIntegrations.class);
      assertThat(all.all()).extracting(MlcIntegrations.Running::pair)
          .containsExactly("sap-b1-stripe", "acumatica-stripe", "syspro-chargebee");
      assertThat(all.named("cb").orElseThrow().secondSystem()).isEqualTo("chargebee");
      assertThat(all.named("b1").orElseThrow().flows()).contains("sap-b1-invoices", "stripe-payments");
    });
    r.withPropertyValues(t + "sap-b1.transfer-account=", "mlc.integrations.acu.tenants.acme.acumatica.auth=saml",
        "mlc.integrations.cb.tenants.acme.chargebee.billing-model=monthly").run(ctx -> {
          SettingException e = (SettingException) rootCause(ctx.getStartupFailure());
          assertThat(e.properties()).containsExactly("mlc.integrations.b1.tenants.acme.sap-b1.transfer-account",
              "mlc.integrations.acu.tenants.acme.acumatica.auth",
              "mlc.integrations.cb.tenants.acme.chargebee.billing-model");
        });
  }

  @Test
  void secretsAreStoredEncryptedAndNeverInClearText() {
    runner().run(ctx -> {
      assertThat(ctx).hasNotFailed();
      CredentialStore credentials = ctx.getBean(CredentialStore.class);
      assertThat(credentials.get("acme", "stripe").orElseThrow().find("apiKey").orElseThrow().reveal())
          .isEqualTo("sk_test_123");
      try (var files = java.nio.file.Files.walk(dataDir.resolve("credentials"))) {
        for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
          assertThat(java.nio.file.Files.readString(f)).doesNotContain("sk_test_123").doesNotContain("whsec_123");
        }
      }
    });
    // once stored, the secrets may leave the properties
    runner().withPropertyValues(T + "stripe.api-key=", T + "stripe.webhook-secret=", T + "syspro.operator-password=")
        .run(ctx -> assertThat(ctx).hasNotFailed());
  }

  @Test
  void theApplicationsOwnBeansReplaceTheAutoConfiguredOnes() {
    InMemoryStateStore store = new InMemoryStateStore();
    KeyProvider keys = KeyProvider.of("app", Map.of("app", new SecretKeySpec(new byte[32], "AES")));
    runner().withPropertyValues("MLC_KEY_CURRENT=")
        .withBean(StateStore.class, () -> store).withBean(KeyProvider.class, () -> keys).run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(StateStore.class)).isSameAs(store);
          assertThat(ctx.getBean(KeyProvider.class)).isSameAs(keys);
          assertThat(ctx.getBean(MlcIntegrations.class).named("billing").orElseThrow().receivables().orElseThrow().store())
              .isSameAs(store);
          assertThat(ctx).hasSingleBean(HttpTransport.class);
          assertThat(dataDir.resolve("state")).doesNotExist();
        });
  }

  @Test
  void onTheApplicationsPostgresqlDataSourceTheStoreAndTheCredentialsLiveThere() {
    DataSource ds = TestPostgres.require().dataSource();
    String prefix = "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    runner().withPropertyValues("mlc.store.table-prefix=" + prefix, "mlc.store.credentials-table=" + prefix + "creds")
        .withBean(DataSource.class, () -> ds).run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(StateStore.class)).isInstanceOfSatisfying(JdbcStateStore.class,
              s -> assertThat(s.databaseKind()).isEqualTo("POSTGRESQL"));
          try (Connection c = ds.getConnection();
              ResultSet rs = c.createStatement().executeQuery("select count(*) from " + prefix + "creds")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2); // syspro and stripe of tenant acme, encrypted
          }
          assertThat(dataDir.resolve("state")).doesNotExist();
        });
  }

  @Test
  void withoutIntegrationsNoKeyIsNeededAndMlcEnabledFalseTurnsItOff() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MlcAutoConfiguration.class))
        .withPropertyValues("mlc.data-dir=" + dataDir).run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(StateStore.class);
          assertThat(ctx.getBean(MlcIntegrations.class).all()).isEmpty();
        });
    runner().withPropertyValues("MLC_KEY_CURRENT=").run(ctx ->
        assertThat(rootCause(ctx.getStartupFailure())).hasMessageContaining("MLC_KEY_CURRENT"));
    runner().withPropertyValues("mlc.enabled=false").run(ctx -> {
      assertThat(ctx).hasNotFailed().doesNotHaveBean(StateStore.class).doesNotHaveBean(MlcIntegrations.class);
    });
  }

  @Test
  void theConfigurationMetadataDescribesTheProperties() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"mlc.integrations\"").contains("\"mlc.webhooks.path\"")
          .contains("\"mlc.health.timeout\"").contains("\"mlc.engine.shutdown-timeout\"")
          .contains("How long a ping may take before the tenant is reported DOWN");
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null) {
      r = r.getCause();
    }
    return r;
  }
}
