package io.mlconnector.samples.systems;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.syspro.PingReport;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproLedger;
import io.mlconnector.syspro.SysproSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SYSPRO as the sample opens it: an e.net REST + OData client from the {@code syspro.*} settings and
 * the secrets stored under {@code syspro}.
 *
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code syspro.rest.url}</td><td>e.net REST base, ending in {@code /SYSPROWCFService/Rest}</td></tr>
 *   <tr><td>{@code syspro.odata.url}</td><td>OData service root of the company</td></tr>
 *   <tr><td>{@code syspro.operator}, {@code syspro.company}</td><td>operator code, company id</td></tr>
 *   <tr><td>{@code syspro.odata.user}</td><td>OData user (default: the operator)</td></tr>
 *   <tr><td>{@code syspro.customer.tax.column}</td><td>the {@code ArCustomer} column holding the tax
 *       registration number (default {@code TaxRegnNum}; unconfirmed, check the site's OData
 *       {@code $metadata})</td></tr>
 *   <tr><td>{@code syspro.operator.password}, {@code syspro.company.password}, {@code
 *       syspro.odata.password}</td><td>secrets</td></tr>
 * </table>
 */
public final class SysproSystem implements LedgerSystem {
  /** The credential store's system name and the settings' prefix. */
  public static final String NAME = "syspro";
  /** Opens SYSPRO from the sample's settings. */
  public static final SystemOpener<SysproSystem> OPENER = SysproSystem::open;

  private final SysproClient client;
  private final SysproLedger ledger;

  private SysproSystem(SysproClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.ledger = SysproLedger.of(SysproSync.builder(client).build());
  }

  /**
   * Opens the client of the sample's tenant.
   *
   * @throws IllegalArgumentException naming every setting that is missing
   */
  public static SysproSystem open(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    config.requireAll(List.of("syspro.rest.url", "syspro.odata.url", "syspro.operator", "syspro.company"));
    Credentials secrets = config.credentials(credentials, NAME, "syspro.operator.password (and the others)");
    String tenant = config.tenant();
    String operator = config.require("syspro.operator");
    SysproConfig sc =
        SysproConfig.builder(tenant, tenant + "/syspro")
            .restBaseUrl(config.require("syspro.rest.url"))
            .credentials(SysproCredentials.of(operator, reveal(secrets, "operatorPassword"),
                config.require("syspro.company"), reveal(secrets, "companyPassword")))
            .odata(config.require("syspro.odata.url"), config.value("syspro.odata.user").orElse(operator),
                reveal(secrets, "odataPassword"))
            .customerTaxIdColumn(config.value("syspro.customer.tax.column").orElse("TaxRegnNum"))
            .build();
    return new SysproSystem(SysproClient.create(transport, sc));
  }

  private static String reveal(Credentials c, String name) {
    return c.find(name).map(Secret::reveal).orElse("");
  }

  /** The client. */
  public SysproClient client() {
    return client;
  }

  /** The ledger over the client. */
  public SysproLedger ledger() {
    return ledger;
  }

  @Override
  public ReceivablesLedger.Provider receivables() {
    return SysproLedger.provider(t -> ledger);
  }

  @Override
  public List<PingLine> ping() {
    PingReport report = client.ping();
    List<PingLine> out = new ArrayList<>();
    for (PingReport.Check c : report.checks()) {
      out.add(new PingLine("SYSPRO", c.name(), c.ok(), c.latency(), c.detail()));
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "SysproSystem{" + client + "}";
  }
}
