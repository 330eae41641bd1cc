package io.mlconnector.samples.systems;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaConfig;
import io.mlconnector.acumatica.AcumaticaCredentials;
import io.mlconnector.acumatica.AcumaticaLedger;
import io.mlconnector.acumatica.InvoiceEntity;
import io.mlconnector.acumatica.PingReport;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.samples.SampleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Acumatica as the sample opens it: a contract-based REST client from the {@code acumatica.*}
 * settings and the secrets stored under {@code acumatica}, and the receivables ledger over it.
 *
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code acumatica.url}</td><td>instance URL with its site, e.g. {@code https://acme.acumatica.com/Prod/}</td></tr>
 *   <tr><td>{@code acumatica.endpoint.version}</td><td>Default endpoint version (default {@code 24.200.001})</td></tr>
 *   <tr><td>{@code acumatica.auth}</td><td>{@code oauth} (default, password grant) or {@code cookie}</td></tr>
 *   <tr><td>{@code acumatica.client.id}</td><td>OAuth client id, {@code <id>@<TenantLoginName>}</td></tr>
 *   <tr><td>{@code acumatica.tenant.name}, {@code acumatica.branch}</td><td>cookie login's tenant and branch</td></tr>
 *   <tr><td>{@code acumatica.username}</td><td>the API user</td></tr>
 *   <tr><td>{@code acumatica.requests.per.minute}, {@code acumatica.concurrent.requests}</td><td>licence limits</td></tr>
 *   <tr><td>{@code acumatica.sessions}</td><td>server sessions (OAuth only, default 1): releases run one per
 *       session at a time; each session holds one of the licence's API users</td></tr>
 *   <tr><td>{@code acumatica.invoice.entity}</td><td>{@code SalesInvoice} (default) or {@code Invoice}</td></tr>
 *   <tr><td>{@code acumatica.payment.method}, {@code acumatica.cash.account}</td><td>of the payments posted
 *       (the cash account is the collector's clearing account)</td></tr>
 *   <tr><td>{@code acumatica.clearing.account}, {@code acumatica.refund.account}, {@code
 *       acumatica.dispute.account}</td><td>GL accounts of refund and dispute journals</td></tr>
 *   <tr><td>{@code acumatica.password}, {@code acumatica.client.secret}</td><td>secrets</td></tr>
 * </table>
 */
public final class AcumaticaSystem implements LedgerSystem {
  /** The credential store's system name and the settings' prefix. */
  public static final String NAME = "acumatica";
  /** Opens Acumatica from the sample's settings. */
  public static final SystemOpener<AcumaticaSystem> OPENER = AcumaticaSystem::open;

  private final AcumaticaClient client;
  private final AcumaticaLedger ledger;

  private AcumaticaSystem(AcumaticaClient client, AcumaticaLedger ledger) {
    this.client = Objects.requireNonNull(client, "client");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /**
   * Opens the client of the sample's tenant.
   *
   * @throws IllegalArgumentException naming every setting that is missing
   */
  public static AcumaticaSystem open(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    boolean cookie = "cookie".equals(config.value("acumatica.auth").orElse("oauth"));
    String identity = cookie ? "acumatica.tenant.name" : "acumatica.client.id";
    config.requireAll(List.of("acumatica.url", "acumatica.username", "acumatica.payment.method",
        "acumatica.cash.account", identity));
    Credentials secrets = config.credentials(credentials, NAME, "acumatica.password (and acumatica.client.secret)");
    Secret user = Secret.of(config.require("acumatica.username"));
    Secret password = secrets.find("password").orElse(Secret.of(""));
    AcumaticaCredentials creds = cookie
        ? AcumaticaCredentials.cookieLogin(user, password, config.require("acumatica.tenant.name"),
            config.value("acumatica.branch").orElse(null))
        : AcumaticaCredentials.password(config.require("acumatica.client.id"),
            secrets.find("clientSecret").orElse(Secret.of("")), user, password);
    String tenant = config.tenant();
    AcumaticaConfig.Builder b = AcumaticaConfig.builder(tenant, config.require("acumatica.url"), creds)
        .endpointVersion(config.value("acumatica.endpoint.version").orElse("24.200.001"));
    config.value("acumatica.requests.per.minute").ifPresent(v -> b.requestsPerMinute(Integer.parseInt(v)));
    config.value("acumatica.concurrent.requests").ifPresent(v -> b.maxConcurrentRequests(Integer.parseInt(v)));
    if (!cookie) {
      config.value("acumatica.sessions").ifPresent(v -> b.sessions(Integer.parseInt(v)));
    }
    AcumaticaClient client = AcumaticaClient.create(transport, b.build());
    String clearing = config.value("acumatica.clearing.account").orElse(config.require("acumatica.cash.account"));
    AcumaticaLedger ledger = AcumaticaLedger.builder(client)
        .invoiceEntity("Invoice".equals(config.value("acumatica.invoice.entity").orElse("SalesInvoice"))
            ? InvoiceEntity.INVOICE : InvoiceEntity.SALES_INVOICE)
        .payments(config.require("acumatica.payment.method"), config.require("acumatica.cash.account"))
        .accounts(clearing, config.value("acumatica.refund.account").orElse(null),
            config.value("acumatica.dispute.account").orElse(null))
        .branch(config.value("acumatica.branch").orElse(null))
        .build();
    return new AcumaticaSystem(client, ledger);
  }

  /** The client. */
  public AcumaticaClient client() {
    return client;
  }

  /** The ledger over the client. */
  public AcumaticaLedger ledger() {
    return ledger;
  }

  @Override
  public ReceivablesLedger.Provider receivables() {
    return AcumaticaLedger.provider(t -> ledger);
  }

  @Override
  public List<PingLine> ping() {
    PingReport report = client.ping();
    List<PingLine> out = new ArrayList<>();
    for (PingReport.Check c : report.checks()) {
      out.add(new PingLine("Acumatica", c.name(), c.ok(), c.latency(), c.detail()));
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "AcumaticaSystem{" + client + "}";
  }
}
