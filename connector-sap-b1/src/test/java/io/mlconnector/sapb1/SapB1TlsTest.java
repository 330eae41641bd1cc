package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A default install serves a self-signed certificate: trusted only when pinned, or on an explicit opt-out. */
class SapB1TlsTest {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  static SapB1Simulator sim;
  static HttpTransport transport;
  static X509Certificate serverCertificate;

  @BeforeAll
  static void start() throws Exception {
    Path store = dir.resolve("b1.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "b1", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=b1server.local",
        "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      ks.load(in, STORE_PASSWORD);
    }
    serverCertificate = (X509Certificate) ks.getCertificate("b1");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, STORE_PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    sim = SapB1Simulator.builder().user(SimFixture.USER, SimFixture.PASSWORD).tls(tls).start();
    sim.addCustomer("C1", "Acme", "USD");
    transport = HttpTransport.builder().sleeper(d -> {}).build();
    assertThat(Files.exists(store)).isTrue();
  }

  @AfterAll
  static void stop() {
    transport.close();
    sim.close();
  }

  private static SapB1Config.Builder config(String credentialId) {
    return SapB1Config.builder("acme", credentialId, sim.serviceRoot(true).toString(),
        SapB1Credentials.of(sim.companyDb(), SimFixture.USER, Secret.of(SimFixture.PASSWORD)));
  }

  @Test
  void verificationIsOnByDefaultAndRefusesTheSelfSignedCertificate() {
    assertThat(sim.serviceRoot(true).getScheme()).isEqualTo("https");
    try (SapB1Client client = SapB1Client.create(transport, config("tls/default").build())) {
      assertThatThrownBy(() -> client.businessPartner("C1"))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("SSL");
      assertThat(client.ping().check("ping").ok()).isFalse();
    }
  }

  @Test
  void aPinnedCertificateIsTrusted() {
    try (SapB1Client client = SapB1Client.create(transport,
        config("tls/pinned").trustedCertificates(serverCertificate).build())) {
      assertThat(client.businessPartner("C1")).isPresent();
      assertThat(client.ping().ok()).isTrue();
    }
  }

  @Test
  void theExplicitOptOutWorksAndSaysSo() {
    SapB1Config config = config("tls/off").insecureSkipTlsVerification().build();
    assertThat(config.toString()).contains("tlsVerification=false").doesNotContain(SimFixture.PASSWORD);
    try (SapB1Client client = SapB1Client.create(transport, config)) {
      assertThat(client.businessPartner("C1")).isPresent();
    }
    assertThat(List.of(config.credentials().toString())).allMatch(s -> !s.contains(SimFixture.PASSWORD));
  }
}
