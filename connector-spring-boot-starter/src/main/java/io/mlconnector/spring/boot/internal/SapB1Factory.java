package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.sapb1.PingReport;
import io.mlconnector.sapb1.SapB1Client;
import io.mlconnector.sapb1.SapB1Config;
import io.mlconnector.sapb1.SapB1Credentials;
import io.mlconnector.sapb1.SapB1Ledger;
import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.ConnectorFactory;
import io.mlconnector.spring.boot.SettingException;
import io.mlconnector.spring.boot.SystemSettings;
import io.mlconnector.spring.boot.TenantConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SAP Business One (Service Layer). Keys under {@code ...tenants.<tenant>.sap-b1}: {@code url},
 * {@code company}, {@code user}, {@code transfer-account}, {@code local-currency} (default USD), {@code
 * stamp-field}, {@code max-concurrent} (default 8), {@code tls-certificate} (a PEM file to trust),
 * {@code tls-insecure} (explicit, logged); secret {@code password}.
 */
final class SapB1Factory implements ConnectorFactory {
  private static final String SYSTEM = "sap-b1";

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public Set<String> secretKeys() {
    return Set.of("password");
  }

  @Override
  public TenantConnection open(SystemSettings s, HttpTransport transport) {
    String tenant = s.tenant();
    SapB1Config.Builder b = SapB1Config.builder(tenant, tenant + "/sap-b1", s.require("url"),
            SapB1Credentials.of(s.require("company"), s.require("user"), s.requireSecret("password")))
        .transferAccount(s.require("transfer-account"))
        .localCurrency(s.value("local-currency").orElse("USD"))
        .paymentStampField(s.value("stamp-field").orElse(SapB1Config.DEFAULT_PAYMENT_STAMP_FIELD))
        .maxConcurrentRequests(s.integer("max-concurrent").orElse(8));
    s.value("tls-certificate").ifPresent(pem -> b.trustedCertificates(certificate(s, Path.of(pem))));
    if (s.bool("tls-insecure").orElse(false)) {
      b.insecureSkipTlsVerification();
    }
    return new Connection(SapB1Client.create(transport, b.build()));
  }

  private static X509Certificate certificate(SystemSettings s, Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new SettingException(s.property("tls-certificate"), "cannot read a certificate from " + pem + ": "
          + e.getMessage());
    }
  }

  @Override
  public Optional<ReceivablesLedger.Provider> receivablesLedger(TenantScoped<TenantConnection> connections) {
    return Optional.of(SapB1Ledger.provider(t -> ((Connection) connections.forTenant(t)).client));
  }

  static final class Connection implements TenantConnection {
    final SapB1Client client;

    Connection(SapB1Client client) {
      this.client = client;
    }

    @Override
    public List<ConnectorCheck> ping() {
      List<ConnectorCheck> out = new ArrayList<>();
      for (PingReport.Check c : client.ping().checks()) {
        out.add(new ConnectorCheck(SYSTEM, c.name(), c.ok(), c.latency(), c.detail()));
      }
      return out;
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
