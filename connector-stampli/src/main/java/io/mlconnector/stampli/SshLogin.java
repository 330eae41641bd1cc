package io.mlconnector.stampli;

import io.mlconnector.stampli.internal.HostKeyCheck;
import java.io.IOException;
import java.util.Arrays;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening, authenticating and closing one SSH connection for a tenant's settings. */
final class SshLogin {
  private static final Logger log = LoggerFactory.getLogger(SftpClient.class);

  private SshLogin() {}

  /** A not yet connected client with the configured timeouts, verifying host keys by {@code hk}. */
  static SSHClient newSsh(StampliConfig config, HostKeyCheck hk) {
    SSHClient ssh = new SSHClient(new DefaultConfig());
    ssh.setConnectTimeout((int) config.connectTimeout().toMillis());
    ssh.setTimeout((int) config.socketTimeout().toMillis());
    ssh.addHostKeyVerifier(hk);
    return ssh;
  }

  /** Logs in with the private key (and passphrase) or the password; the password copy is wiped. */
  static void authenticate(SSHClient ssh, StampliConfig config, StampliCredentials credentials) throws IOException {
    if (credentials.usesKey()) {
      KeyProvider kp = ssh.loadKeys(
          credentials.privateKeyText().reveal(), null,
          credentials.passphrase() == null ? null : PasswordUtils.createOneOff(credentials.passphrase().toChars()));
      ssh.authPublickey(config.user(), kp);
    } else {
      char[] pw = credentials.password().toChars();
      try {
        ssh.authPassword(config.user(), pw);
      } finally {
        Arrays.fill(pw, '\0');
      }
    }
  }

  /** Disconnects, logging (not throwing) a failure. */
  static void quietly(SSHClient ssh) {
    try {
      ssh.disconnect();
    } catch (IOException | RuntimeException e) {
      log.debug("disconnect failed", e);
    }
  }
}
