package io.mlconnector.testkit.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.Test;

class SftpServerTest {

  static SSHClient connect(SftpServer server) throws Exception {
    SSHClient ssh = new SSHClient();
    ssh.addHostKeyVerifier(server.hostKeyFingerprint());
    ssh.connect(server.host(), server.port());
    return ssh;
  }

  @Test
  void passwordAndKeyAuthWithAPinnableHostKey() throws Exception {
    ClientKeys.Generated key = ClientKeys.rsa();
    try (SftpServer server = SftpServer.builder().user("u", "pw").authorizedKey("k", key.publicKey()).start()) {
      assertThat(server.hostKeyFingerprint()).startsWith("SHA256:");
      try (SSHClient ssh = connect(server)) {
        ssh.authPassword("u", "pw");
        assertThat(ssh.isAuthenticated()).isTrue();
      }
      try (SSHClient ssh = connect(server)) {
        ssh.authPublickey("k", ssh.loadKeys(key.openSsh("pp"), null, net.schmizz.sshj.userauth.password.PasswordUtils.createOneOff("pp".toCharArray())));
        assertThat(ssh.isAuthenticated()).isTrue();
      }
      try (SSHClient ssh = connect(server)) {
        assertThatThrownBy(() -> ssh.authPassword("u", "wrong")).isInstanceOf(UserAuthException.class);
      }
    }
  }

  @Test
  void readOnlyFoldersRefuseWritesRenamesAndDeletes() throws Exception {
    try (SftpServer server = SftpServer.builder().user("u", "pw").readOnly("/outbound").start();
        SSHClient ssh = connect(server)) {
      server.put("/outbound/a.csv", "x".getBytes());
      ssh.authPassword("u", "pw");
      try (SFTPClient sftp = ssh.newSFTPClient()) {
        assertThat(sftp.ls("/outbound")).hasSize(1);
        assertThatThrownBy(() -> sftp.rename("/outbound/a.csv", "/archive/a.csv")).hasMessageContaining("Permission denied");
        assertThatThrownBy(() -> sftp.rm("/outbound/a.csv")).hasMessageContaining("Permission denied");
        assertThatThrownBy(() -> sftp.open("/outbound/b.csv", EnumSet.of(OpenMode.WRITE, OpenMode.CREAT)))
            .hasMessageContaining("Permission denied");
        try (RemoteFile f = sftp.open("/inbound/b.csv", EnumSet.of(OpenMode.WRITE, OpenMode.CREAT))) {
          f.write(0, "ok".getBytes(), 0, 2);
        }
      }
      assertThat(server.read("/inbound/b.csv")).isEqualTo("ok".getBytes());
      assertThat(server.exists("/outbound/a.csv")).isTrue();
    }
  }

  @Test
  void growingFilesGetLongerAndNewer() throws Exception {
    try (SftpServer server = SftpServer.builder().user("u", "pw").start(); SSHClient ssh = connect(server)) {
      ssh.authPassword("u", "pw");
      SftpServer.GrowingFile f = server.grow("/outbound/g.csv");
      f.append("a".getBytes());
      try (SFTPClient sftp = ssh.newSFTPClient()) {
        long m1 = sftp.stat("/outbound/g.csv").getMtime();
        f.append("b".getBytes());
        assertThat(sftp.stat("/outbound/g.csv").getSize()).isEqualTo(2);
        assertThat(sftp.stat("/outbound/g.csv").getMtime()).isGreaterThan(m1);
      }
    }
  }

  @Test
  void faultInjectionDropsTheSessionAndSlowsReads() throws Exception {
    try (SftpServer server = SftpServer.builder().user("u", "pw").start(); SSHClient ssh = connect(server)) {
      server.put("/outbound/a.csv", "hello".getBytes(StandardCharsets.UTF_8));
      ssh.authPassword("u", "pw");
      server.faults().failNext(1, Fault.CONNECTION_DROP);
      try (SFTPClient sftp = ssh.newSFTPClient()) {
        assertThatThrownBy(() -> read(sftp, "/outbound/a.csv")).isInstanceOf(Exception.class);
      }
      assertThat(server.faults().injectedCount()).isEqualTo(1);
      try (SSHClient again = connect(server)) {
        again.authPassword("u", "pw");
        try (SFTPClient sftp = again.newSFTPClient()) {
          assertThat(read(sftp, "/outbound/a.csv")).isEqualTo("hello");
        }
      }
      assertThat(server.readsOf("/outbound/a.csv")).isEqualTo(2);
    }
  }

  static String read(SFTPClient sftp, String path) throws Exception {
    try (RemoteFile f = sftp.open(path); InputStream in = f.new RemoteFileInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
