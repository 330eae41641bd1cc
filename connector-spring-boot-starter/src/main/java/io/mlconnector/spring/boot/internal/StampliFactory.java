package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.PayablesSource;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.ConnectorFactory;
import io.mlconnector.spring.boot.SettingException;
import io.mlconnector.spring.boot.SystemSettings;
import io.mlconnector.spring.boot.TenantConnection;
import io.mlconnector.stampli.HostKeyPolicy;
import io.mlconnector.stampli.PingReport;
import io.mlconnector.stampli.SftpClient;
import io.mlconnector.stampli.StampliConfig;
import io.mlconnector.stampli.StampliCredentials;
import io.mlconnector.stampli.StampliSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stampli's file exports over SFTP. Keys under {@code ...tenants.<tenant>.stampli}: {@code host},
 * {@code port} (22), {@code user}, {@code hostkey} (a {@code SHA256:} fingerprint) or {@code
 * known-hosts} (a file; one of the two is required: host keys are always checked), {@code outbound},
 * {@code inbound}, {@code archive}; secrets {@code password}, or {@code private-key} with {@code
 * passphrase}.
 */
final class StampliFactory implements ConnectorFactory {

  @Override
  public String system() {
    return StampliConfig.SYSTEM;
  }

  @Override
  public Set<String> secretKeys() {
    return Set.of("password", "private-key", "passphrase");
  }

  @Override
  public TenantConnection open(SystemSettings s, HttpTransport transport) {
    StampliConfig.Builder b = StampliConfig.builder(s.tenant(), s.require("host"), s.require("user"));
    s.integer("port").ifPresent(b::port);
    s.value("outbound").ifPresent(b::outbound);
    s.value("inbound").ifPresent(b::inbound);
    s.value("archive").ifPresent(b::archive);
    Optional<String> pinned = s.value("hostkey");
    Optional<String> knownHosts = s.value("known-hosts");
    if (pinned.isPresent()) {
      b.hostKeys(HostKeyPolicy.pinned(pinned.get()));
    } else if (knownHosts.isPresent()) {
      b.hostKeys(HostKeyPolicy.knownHosts(Path.of(knownHosts.get())));
    } else {
      throw new SettingException(s.property("hostkey"), "is missing (or give known-hosts): host keys are always checked");
    }
    Credentials c = s.credentials().orElseThrow(() -> new SettingException(s.property("password"),
        "is missing (or give private-key; given once, it is kept encrypted in the credential store)"));
    return new Connection(SftpClient.create(b.build(), StampliCredentials.from(c)));
  }

  @Override
  public Optional<PayablesSource.Provider> payablesSource(TenantScoped<TenantConnection> connections) {
    return Optional.of(StampliSource.provider(t -> ((Connection) connections.forTenant(t)).client));
  }

  static final class Connection implements TenantConnection {
    final SftpClient client;

    Connection(SftpClient client) {
      this.client = client;
    }

    @Override
    public List<ConnectorCheck> ping() {
      List<ConnectorCheck> out = new ArrayList<>();
      for (PingReport.Check c : client.ping().checks()) {
        out.add(new ConnectorCheck(StampliConfig.SYSTEM, c.name(), c.ok(), c.latency(), c.detail()));
      }
      return out;
    }

    @Override
    public void close() {
      client.closeIdle();
    }
  }
}
