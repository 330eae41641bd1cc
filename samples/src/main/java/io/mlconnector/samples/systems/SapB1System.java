package io.mlconnector.samples.systems;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.sapb1.PingReport;
import io.mlconnector.sapb1.SapB1Client;
import io.mlconnector.sapb1.SapB1Config;
import io.mlconnector.sapb1.SapB1Credentials;
import io.mlconnector.sapb1.SapB1Ledger;
import io.mlconnector.sapb1.SapB1SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SAP Business One as the sample opens it: a Service Layer client from the {@code sap-b1.*}
 * settings and the secrets stored under {@code sap-b1}.
 *
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code sap-b1.url}</td><td>service root, {@code https://host:50000/b1s/v1/} or {@code .../b1s/v2/}</td></tr>
 *   <tr><td>{@code sap-b1.company}, {@code sap-b1.user}</td><td>CompanyDB and user name</td></tr>
 *   <tr><td>{@code sap-b1.transfer.account}</td><td>G/L account incoming payments are booked to</td></tr>
 *   <tr><td>{@code sap-b1.local.currency}</td><td>the company's local currency (default USD)</td></tr>
 *   <tr><td>{@code sap-b1.stamp.field}</td><td>payment field carrying stamps (default {@code Remarks})</td></tr>
 *   <tr><td>{@code sap-b1.max.concurrent}</td><td>requests in flight at once (default 8)</td></tr>
 *   <tr><td>{@code sap-b1.tls.certificate}</td><td>a PEM file with the server's self-signed certificate to trust</td></tr>
 *   <tr><td>{@code sap-b1.tls.insecure}</td><td>{@code true} turns TLS verification off (logged; test servers only)</td></tr>
 *   <tr><td>{@code sap-b1.licence.seats}</td><td>the B1 user's licence seats, named when none is free (optional)</td></tr>
 *   <tr><td>{@code sap-b1.seat.retry}, {@code sap-b1.seat.retry.max}</td><td>the wait after a Login refused for want
 *       of a seat, and its longest (ISO-8601 durations; default {@code PT30S} and {@code PT5M})</td></tr>
 *   <tr><td>{@code sap-b1.password}</td><td>secret</td></tr>
 * </table>
 *
 * <p>The Service Layer session is kept encrypted in the sample's credential store (next to the
 * password, under the same key), so a sample started again after a crash takes over the session,
 * and the licence seat, of the one that died instead of taking another until that one idles out.
 */
public final class SapB1System implements LedgerSystem {
  /** The credential store's system name and the settings' prefix. */
  public static final String NAME = "sap-b1";

  /** Opens SAP B1 from the sample's settings. */
  public static final SystemOpener<SapB1System> OPENER = SapB1System::open;

  private final SapB1Client client;
  private final SapB1Ledger ledger;

  private SapB1System(SapB1Client client) {
    this.client = Objects.requireNonNull(client, "client");
    this.ledger = SapB1Ledger.of(client);
  }

  /**
   * Opens the client of the sample's tenant.
   *
   * @throws IllegalArgumentException naming the setting that is missing or wrong
   */
  public static SapB1System open(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    config.requireAll(List.of("sap-b1.url", "sap-b1.company", "sap-b1.user", "sap-b1.transfer.account"));
    Credentials secrets = config.credentials(credentials, NAME, "sap-b1.password");
    String tenant = config.tenant();
    SapB1Config.Builder b = SapB1Config.builder(tenant, tenant + "/sap-b1", config.require("sap-b1.url"),
            SapB1Credentials.of(config.require("sap-b1.company"), config.require("sap-b1.user"),
                secrets.get("password")))
        .transferAccount(config.require("sap-b1.transfer.account"))
        .localCurrency(config.value("sap-b1.local.currency").orElse("USD"))
        .paymentStampField(config.value("sap-b1.stamp.field").orElse(SapB1Config.DEFAULT_PAYMENT_STAMP_FIELD))
        .maxConcurrentRequests(Integer.parseInt(config.value("sap-b1.max.concurrent").orElse("8")))
        .sessionStore(SapB1SessionStore.encrypted(credentials));
    config.value("sap-b1.licence.seats").ifPresent(n -> b.licenceSeats(Integer.parseInt(n)));
    Duration seatRetry = config.duration("sap-b1.seat.retry").orElse(Duration.ofSeconds(30));
    b.seatRetry(seatRetry, config.duration("sap-b1.seat.retry.max").orElse(
        seatRetry.compareTo(Duration.ofMinutes(5)) > 0 ? seatRetry : Duration.ofMinutes(5)));
    config.value("sap-b1.tls.certificate").ifPresent(pem -> b.trustedCertificates(certificate(Path.of(pem))));
    if (config.value("sap-b1.tls.insecure").map(Boolean::parseBoolean).orElse(false)) {
      b.insecureSkipTlsVerification();
    }
    return new SapB1System(SapB1Client.create(transport, b.build()));
  }

  private static X509Certificate certificate(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("sap-b1.tls.certificate: cannot read a certificate from " + pem + ": "
          + e.getMessage(), e);
    }
  }

  /** The client. */
  public SapB1Client client() {
    return client;
  }

  @Override
  public ReceivablesLedger.Provider receivables() {
    return SapB1Ledger.provider(t -> client);
  }

  @Override
  public List<PingLine> ping() {
    PingReport report = client.ping();
    List<PingLine> out = new ArrayList<>();
    for (PingReport.Check c : report.checks()) {
      out.add(new PingLine("SAP B1", c.name(), c.ok(), c.latency(), c.detail()));
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "SapB1System{" + client + "}";
  }
}
