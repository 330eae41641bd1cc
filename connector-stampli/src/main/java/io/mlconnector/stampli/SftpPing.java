package io.mlconnector.stampli;

import io.mlconnector.stampli.internal.HostKeyCheck;
import io.mlconnector.stampli.internal.OutboundLister;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

/** The step-by-step check behind {@link SftpClient#ping()}. */
final class SftpPing {
  private SftpPing() {}

  static PingReport run(StampliConfig config, StampliCredentials credentials) {
    List<PingReport.Check> checks = new ArrayList<>();
    HostKeyCheck hk;
    try {
      hk = new HostKeyCheck(config.hostKeys());
    } catch (IOException e) {
      checks.add(new PingReport.Check("host-key", false, Duration.ZERO,
          "cannot read known_hosts " + config.hostKeys().knownHosts() + ": " + e.getMessage()));
      return new PingReport(checks);
    }
    SSHClient ssh = SshLogin.newSsh(config, hk);
    long t0 = System.nanoTime();
    try {
      try {
        ssh.connect(config.host(), config.port());
        checks.add(new PingReport.Check("connect", true, since(t0), config.host() + ":" + config.port()));
        checks.add(new PingReport.Check("host-key", true, Duration.ZERO,
            hk.offered() + (config.hostKeys().acceptAny() ? " (NOT verified: insecureAcceptAnyHostKey)" : " verified")));
      } catch (IOException e) {
        if (Boolean.FALSE.equals(hk.accepted())) {
          checks.add(new PingReport.Check("connect", true, since(t0), config.host() + ":" + config.port()));
          checks.add(new PingReport.Check("host-key", false, Duration.ZERO,
              "the server offered " + hk.offered() + ", which the host key policy does not accept"));
        } else {
          checks.add(new PingReport.Check("connect", false, since(t0), describe(e)));
        }
        return new PingReport(checks);
      }
      long t1 = System.nanoTime();
      try {
        SshLogin.authenticate(ssh, config, credentials);
        checks.add(new PingReport.Check("auth", true, since(t1), "logged in as " + config.user()
            + (credentials.usesKey() ? " with a key" : " with a password")));
      } catch (IOException e) {
        checks.add(new PingReport.Check("auth", false, since(t1), describe(e)));
        return new PingReport(checks);
      }
      try (SFTPClient sftp = ssh.newSFTPClient()) {
        sftp.getSFTPEngine().setTimeoutMs((int) config.sftpTimeout().toMillis());
        long t2 = System.nanoTime();
        try {
          Listing l = OutboundLister.list(sftp, config);
          checks.add(new PingReport.Check("list-outbound", true, since(t2), l.files().size() + " file(s) to take, "
              + l.refused().size() + " refused, " + l.ignored().size() + " ignored in " + config.outbound()));
        } catch (IOException e) {
          checks.add(new PingReport.Check("list-outbound", false, since(t2), config.outbound() + ": " + describe(e)));
          return new PingReport(checks);
        }
        long t3 = System.nanoTime();
        String probe = config.inbound() + "/.mlc-ping-" + UUID.randomUUID() + ".tmp";
        try {
          try (RemoteFile rf = sftp.open(probe, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC))) {
            rf.write(0, new byte[] {'o', 'k'}, 0, 2);
          }
          sftp.rm(probe);
          checks.add(new PingReport.Check("write-inbound", true, since(t3), "probe written and removed in " + config.inbound()));
        } catch (IOException e) {
          checks.add(new PingReport.Check("write-inbound", false, since(t3), config.inbound() + ": " + describe(e)));
        }
      }
    } catch (IOException e) {
      checks.add(new PingReport.Check("sftp", false, since(t0), describe(e)));
    } finally {
      SshLogin.quietly(ssh);
    }
    return new PingReport(checks);
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
