package io.mlconnector.stampli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.sftp.ClientKeys;
import io.mlconnector.testkit.sftp.SftpServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpClientTest {
  static final ClientKeys.Generated KEY = ClientKeys.rsa();
  SftpServer server;

  @BeforeEach
  void start() {
    server = SftpServer.builder().user("stampli", "s3cret").authorizedKey("stampli", KEY.publicKey()).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  StampliConfig.Builder config() {
    return StampliConfig.builder("acme", server.host(), "stampli").port(server.port())
        .hostKeys(HostKeyPolicy.pinned(server.hostKeyFingerprint())).archive("/archive")
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  SftpClient client() {
    return SftpClient.create(config().build(), StampliCredentials.password("s3cret"));
  }

  @Test
  void pingReportsEveryStepWithThePinnedFingerprint() {
    PingReport ping = client().ping();
    assertThat(ping.ok()).as(ping.toString()).isTrue();
    assertThat(ping.checks()).extracting(PingReport.Check::name)
        .containsExactly("connect", "host-key", "auth", "list-outbound", "write-inbound");
    assertThat(ping.check("host-key").detail()).contains(server.hostKeyFingerprint());
    assertThat(server.list("/inbound")).isEmpty();
  }

  @Test
  void wrongPinIsRefusedNamingTheOfferedKey() {
    SftpClient c = SftpClient.create(
        config().hostKeys(HostKeyPolicy.pinned("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).build(),
        StampliCredentials.password("s3cret"));
    assertThatThrownBy(c::list).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining(server.hostKeyFingerprint());
    PingReport ping = c.ping();
    assertThat(ping.check("host-key").ok()).isFalse();
    assertThat(ping.checks()).extracting(PingReport.Check::name).doesNotContain("auth");
  }

  @Test
  void knownHostsFileVerifiesTheKey(@TempDir Path dir) throws Exception {
    Path kh = dir.resolve("known_hosts");
    Files.writeString(kh, server.knownHostsLine() + "\n");
    SftpClient c = SftpClient.create(config().hostKeys(HostKeyPolicy.knownHosts(kh)).build(),
        StampliCredentials.password("s3cret"));
    assertThat(c.ping().ok()).isTrue();
    Files.writeString(kh, "[127.0.0.1]:1 " + server.knownHostsLine().split(" ", 2)[1] + "\n");
    assertThatThrownBy(c::list).isInstanceOf(AuthenticationException.class).hasMessageContaining("host key");
  }

  @Test
  void hostKeyCheckMustBeChosenAndTurningItOffIsExplicit() {
    assertThatThrownBy(() -> StampliConfig.builder("acme", "h", "u").build())
        .hasMessageContaining("hostKeys is required");
    SftpClient c = SftpClient.create(config().hostKeys(HostKeyPolicy.insecureAcceptAnyHostKey()).build(),
        StampliCredentials.password("s3cret"));
    assertThat(c.ping().check("host-key").detail()).contains("NOT verified");
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorWithoutTheSecret() {
    SftpClient c = SftpClient.create(config().build(), StampliCredentials.password("wrong-pw-123"));
    assertThatThrownBy(c::list).isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-pw-123"));
    assertThat(c.toString()).doesNotContain("wrong-pw-123");
    assertThat(c.ping().check("auth").ok()).isFalse();
  }

  @Test
  void keyAuthWithOpenSshKeyAndPassphrase() {
    SftpClient c = SftpClient.create(config().build(),
        StampliCredentials.privateKey(KEY.openSsh("key-pass"), "key-pass"));
    assertThat(c.ping().ok()).isTrue();
    assertThat(c.toString()).doesNotContain("key-pass").doesNotContain("PRIVATE KEY");
  }

  @Test
  void keyAuthWithPemKeys() {
    assertThat(SftpClient.create(config().build(), StampliCredentials.privateKey(KEY.pkcs8Pem(), null))
        .ping().ok()).isTrue();
    assertThat(SftpClient.create(config().build(),
        StampliCredentials.privateKey(KEY.encryptedRsaPem("pem-pass"), "pem-pass")).ping().ok()).isTrue();
  }

  @Test
  void listingRoutesIgnoresTempNamesAndRefusesWithReasons() {
    server.put("/outbound/invoices-001.csv", "a".getBytes());
    server.put("/outbound/Vendors_2026.csv", "b".getBytes());
    server.put("/outbound/payments.xml", "c".getBytes());
    server.put("/outbound/invoices-002.csv.part", "d".getBytes());
    server.put("/outbound/.invoices-003.csv", "e".getBytes());
    server.put("/outbound/readme.txt", "f".getBytes());
    server.put("/outbound/invoices-big.csv", new byte[2048]);
    server.put("/private/secret-invoices.csv", "g".getBytes());
    server.symlink("/outbound/invoices-link.csv", "../private/secret-invoices.csv");
    server.put("/outbound/invoices-inside.csv", "h".getBytes());
    server.symlink("/outbound/invoices-alias.csv", "invoices-inside.csv");
    SftpClient c = SftpClient.create(config().maxFileSize(1024).build(), StampliCredentials.password("s3cret"));

    Listing l = c.list();

    assertThat(l.of(Entity.INVOICES)).extracting(ListedFile::name)
        .containsExactly("invoices-001.csv", "invoices-alias.csv", "invoices-inside.csv");
    assertThat(l.of(Entity.VENDORS)).extracting(ListedFile::name).containsExactly("Vendors_2026.csv");
    assertThat(l.of(Entity.PAYMENTS)).extracting(ListedFile::name).containsExactly("payments.xml");
    assertThat(l.ignored()).contains("invoices-002.csv.part", ".invoices-003.csv", "readme.txt");
    assertThat(l.refused()).extracting(Listing.Refusal::name)
        .containsExactlyInAnyOrder("invoices-big.csv", "invoices-link.csv");
    assertThat(l.refused()).anySatisfy(r -> assertThat(r.reason()).contains("maxFileSize"));
    assertThat(l.refused()).anySatisfy(r -> assertThat(r.reason()).contains("symbolic link leading out"));
  }

  @Test
  void fileIsStableOnlyWhenUnchangedAcrossTwoLooks() {
    SftpClient c = client();
    SftpServer.GrowingFile f = server.grow("/outbound/invoices-1.csv");
    f.append("Invoice Number,Vendor ID\n".getBytes());
    assertThat(c.stableFiles()).isEmpty();
    f.append("INV-1,V1\n".getBytes());
    assertThat(c.stableFiles()).isEmpty();
    assertThat(c.stableFiles()).extracting(ListedFile::name).containsExactly("invoices-1.csv");
  }

  @Test
  void doneMarkerModeTakesOnlyMarkedFilesAtOnce() {
    SftpClient c = SftpClient.create(config().doneMarkerSuffix(".done").build(), StampliCredentials.password("s3cret"));
    server.put("/outbound/invoices-1.csv", "x".getBytes());
    server.put("/outbound/invoices-2.csv", "y".getBytes());
    server.put("/outbound/invoices-2.csv.done", new byte[0]);
    assertThat(c.stableFiles()).extracting(ListedFile::name).containsExactly("invoices-2.csv");
    assertThat(c.archive(c.list().of(Entity.INVOICES).get(0))).isTrue();
    assertThat(server.exists("/outbound/invoices-2.csv.done")).isFalse();
  }

  @Test
  void readStreamsWithSha256AndClosesItsConnection() throws Exception {
    byte[] content = "Invoice Number\nINV-1\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
    server.put("/outbound/invoices-1.csv", content);
    SftpClient c = client();
    ListedFile f = c.list().files().get(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Download d = c.download(f, out);
    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    try (FileStream in = c.read(f)) {
      in.readAllBytes();
      assertThat(in.sha256()).isEqualTo(d.sha256());
    }
    c.closeIdle();
    await(() -> server.sessionsOpen() == 0);
    assertThat(server.sessionsOpen()).isZero();
  }

  @Test
  void aFileChangedWhileListedIsNotPassedAsComplete() {
    server.put("/outbound/invoices-1.csv", "short".getBytes());
    SftpClient c = client();
    ListedFile f = c.list().files().get(0);
    server.put("/outbound/invoices-1.csv", "much longer now".getBytes());
    assertThatThrownBy(() -> c.download(f, new ByteArrayOutputStream()))
        .isInstanceOf(TransientException.class).hasMessageContaining("changed while being read");
  }

  @Test
  void archiveMovesTheFileAndKeepsBothOnANameClash() {
    server.put("/outbound/invoices-1.csv", "one".getBytes());
    server.put("/archive/invoices-1.csv", "older".getBytes());
    SftpClient c = client();
    assertThat(c.archive(c.list().files().get(0))).isTrue();
    assertThat(server.exists("/outbound/invoices-1.csv")).isFalse();
    assertThat(server.list("/archive")).hasSize(2);
  }

  @Test
  void readOnlyOutboundIsLeftInPlace() {
    server.close();
    server = SftpServer.builder().user("stampli", "s3cret").readOnly("/outbound").start();
    server.put("/outbound/invoices-1.csv", "one".getBytes());
    SftpClient ro = SftpClient.create(config().archive(null).outboundReadOnly(true).build(),
        StampliCredentials.password("s3cret"));
    assertThat(ro.archive(ro.list().files().get(0))).isFalse();
    assertThat(server.exists("/outbound/invoices-1.csv")).isTrue();
    // a client wrongly configured to archive gets the server's refusal, clearly
    SftpClient rw = client();
    assertThatThrownBy(() -> rw.archive(rw.list().files().get(0))).isInstanceOf(RejectedException.class);
  }

  @Test
  void importFilesAreWrittenUnderATempNameThenRenamed() {
    SftpClient c = client();
    c.writeImport("vendors-001.csv", out -> out.write("Vendor ID\nV1\n".getBytes()));
    c.writeImport("vendors-001.csv", out -> out.write("Vendor ID\nV2\n".getBytes()));
    assertThat(new String(server.read("/inbound/vendors-001.csv"))).isEqualTo("Vendor ID\nV2\n");
    assertThat(server.requestLog()).contains("OPEN /inbound/.vendors-001.csv.tmp write");
    assertThat(server.requestLog()).anyMatch(l -> l.startsWith("RENAME /inbound/.vendors-001.csv.tmp -> /inbound/vendors-001.csv"));
    assertThat(c.listInbound()).containsExactly("vendors-001.csv");
    assertThatThrownBy(() -> c.writeImport("../outbound/x.csv", out -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void droppedConnectionIsTransientAndTheNextPollWorks() {
    server.put("/outbound/invoices-1.csv", "one".getBytes());
    SftpClient c = client();
    ListedFile f = c.list().files().get(0);
    server.faults().failNext(1, Fault.CONNECTION_DROP);
    assertThatThrownBy(() -> c.download(f, new ByteArrayOutputStream())).isInstanceOf(TransientException.class);
    assertThat(c.download(f, new ByteArrayOutputStream()).bytes()).isEqualTo(3);
  }

  @Test
  void aBurstSharesOneConnectionWhichClosesWhenIdle() throws Exception {
    SftpClient c = SftpClient.create(config().idleClose(Duration.ofMillis(300)).build(), StampliCredentials.password("s3cret"));
    long before = server.sessionsOpened();
    for (int i = 0; i < 5; i++) {
      c.writeImport("glaccounts-" + i + ".csv", out -> out.write('x'));
    }
    c.list();
    assertThat(server.sessionsOpened() - before).isEqualTo(1);
    await(() -> server.sessionsOpen() == 0);
    assertThat(server.sessionsOpen()).isZero();
    SftpClient each = SftpClient.create(config().idleClose(Duration.ZERO).build(), StampliCredentials.password("s3cret"));
    long mid = server.sessionsOpened();
    each.list();
    each.list();
    assertThat(server.sessionsOpened() - mid).isEqualTo(2);
  }

  @Test
  void slowTransfersStillComplete() {
    server.put("/outbound/invoices-1.csv", new byte[100_000]);
    server.faults().latency(Duration.ofMillis(20));
    SftpClient c = client();
    assertThat(c.download(c.list().files().get(0), new ByteArrayOutputStream()).bytes()).isEqualTo(100_000);
  }

  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }
}
