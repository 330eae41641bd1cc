package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.internal.tls.OkHostnameVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Tenant clients derive from one shared client and carry their own validated settings. */
class TenantClientTest {

  private final HttpTransport transport =
      HttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  @Test
  void tenantClientsSharePoolsButNotSettings() {
    TenantClient slow =
        transport.newClient(
            TenantConfig.builder("syspro", "acme", "acme/ADMIN")
                .baseUrl("https://erp.acme.test/SYSPROWCFService/Rest/")
                .readTimeout(Duration.ofSeconds(120))
                .proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.acme.test", 3128)))
                .build());
    TenantClient fast =
        transport.newClient(
            TenantConfig.builder("stripe", "globex", "globex/live")
                .baseUrl("https://api.stripe.com/")
                .readTimeout(Duration.ofSeconds(80))
                .build());
    OkHttpClient shared = transport.okHttpClient();

    assertThat(slow.okHttpClient().connectionPool()).isSameAs(shared.connectionPool());
    assertThat(fast.okHttpClient().connectionPool()).isSameAs(shared.connectionPool());
    assertThat(slow.okHttpClient().dispatcher()).isSameAs(shared.dispatcher());
    assertThat(slow.okHttpClient().readTimeoutMillis()).isEqualTo(120_000);
    assertThat(fast.okHttpClient().readTimeoutMillis()).isEqualTo(80_000);
    assertThat(fast.okHttpClient().connectTimeoutMillis()).as("inherited").isEqualTo(5_000);
    assertThat(slow.okHttpClient().proxy()).isNotNull();
    assertThat(fast.okHttpClient().proxy()).isNull();
    assertThat(shared.retryOnConnectionFailure())
        .as("OkHttp must never repeat a request on its own")
        .isFalse();
    assertThat(slow.okHttpClient().retryOnConnectionFailure()).isFalse();
  }

  @Test
  void resolvesPathsAgainstTheBaseUrl() {
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("acumatica", "acme", "acme/api")
                .baseUrl("https://acme.acumatica.test/entity/Default/24.200.001/")
                .build());
    assertThat(client.url("Customer?$top=10").toString())
        .isEqualTo("https://acme.acumatica.test/entity/Default/24.200.001/Customer?$top=10");
    assertThat(client.url("/entity/auth/login").toString())
        .isEqualTo("https://acme.acumatica.test/entity/auth/login");

    TenantClient noBase = transport.newClient(TenantConfig.builder("stripe", "acme", "k").build());
    assertThatThrownBy(() -> noBase.url("v1/x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void tlsVerificationIsOnByDefaultAndTurningItOffIsLoggedAtWarn() {
    Logger logger = (Logger) LoggerFactory.getLogger(HttpTransport.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      TenantClient safe =
          transport.newClient(TenantConfig.builder("sap-b1", "acme", "acme/manager").build());
      assertThat(safe.config().tlsVerification()).isTrue();
      assertThat(safe.okHttpClient().hostnameVerifier()).isSameAs(OkHostnameVerifier.INSTANCE);
      assertThat(appender.list).isEmpty();

      TenantClient insecure =
          transport.newClient(
              TenantConfig.builder("sap-b1", "acme", "acme/manager")
                  .insecureSkipTlsVerification()
                  .build());
      assertThat(insecure.config().tlsVerification()).isFalse();
      assertThat(insecure.okHttpClient().hostnameVerifier()).isNotSameAs(OkHostnameVerifier.INSTANCE);
      assertThat(appender.list)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage())
                    .contains("TLS", "OFF", "sap-b1", "acme");
              });
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> TenantConfig.builder(" ", "acme", "k"))
        .hasMessageContaining("system");
    assertThatThrownBy(() -> TenantConfig.builder("stripe", "acme", null))
        .hasMessageContaining("credentialId");
    assertThatThrownBy(() -> TenantConfig.builder("stripe", "acme", "k").baseUrl("ftp://x"))
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> TenantConfig.builder("stripe", "acme", "k").readTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().safeMethods("GET", "POST"))
        .hasMessageContaining("safeMethods")
        .hasMessageContaining("POST");
    assertThatThrownBy(() -> RetryPolicy.builder().retryStatuses(200)).hasMessageContaining("retry status");
    assertThatThrownBy(
            () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
        .hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> RateBudgetConfig.builder(0)).hasMessageContaining("permitsPerSecond");
    assertThatThrownBy(() -> RateBudgetConfig.builder(10).decreaseFactor(1.5))
        .hasMessageContaining("decreaseFactor");
    assertThatThrownBy(() -> RateBudgetConfig.builder(10).minPermitsPerSecond(20))
        .hasMessageContaining("minPermitsPerSecond");
    assertThatThrownBy(() -> RequestOptions.builder().operation("")).hasMessageContaining("operation");
    assertThatThrownBy(() -> Session.builder("")).hasMessageContaining("token");
    assertThatThrownBy(() -> new CredentialKey("stripe", " ")).hasMessageContaining("credentialId");
  }

  @Test
  void aHostsOwnClientKeepsItsTimeoutsButNeverRetriesOnItsOwn() {
    OkHttpClient host =
        new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(33)).retryOnConnectionFailure(true).build();
    HttpTransport adopted = HttpTransport.builder().okHttpClient(host).build();
    try {
      assertThat(adopted.okHttpClient().readTimeoutMillis()).isEqualTo(33_000);
      assertThat(adopted.okHttpClient().connectionPool()).isSameAs(host.connectionPool());
      assertThat(adopted.okHttpClient().retryOnConnectionFailure()).isFalse();
    } finally {
      adopted.close();
    }
  }
}
