package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.PayablesLedger;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.ConnectorFactory;
import io.mlconnector.spring.boot.SystemSettings;
import io.mlconnector.spring.boot.TenantConnection;
import io.mlconnector.syspro.PingReport;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproLedger;
import io.mlconnector.syspro.SysproPayables;
import io.mlconnector.syspro.SysproSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SYSPRO (e.net REST + OData). Keys under {@code ...tenants.<tenant>.syspro}: {@code rest-url}
 * (ending in {@code /SYSPROWCFService/Rest}), {@code odata-url} (the company's OData service root),
 * {@code operator}, {@code company}, {@code odata-user} (default the operator), {@code
 * customer-tax-column} (default {@code TaxRegnNum}, unconfirmed: check the site's {@code $metadata});
 * secrets {@code operator-password}, {@code company-password}, {@code odata-password}.
 */
final class SysproFactory implements ConnectorFactory {
  private static final String SYSTEM = "syspro";

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public Set<String> secretKeys() {
    return Set.of("operator-password", "company-password", "odata-password");
  }

  @Override
  public TenantConnection open(SystemSettings s, HttpTransport transport) {
    String rest = s.require("rest-url");
    String odata = s.require("odata-url");
    String operator = s.require("operator");
    String company = s.require("company");
    String tenant = s.tenant();
    SysproConfig config = SysproConfig.builder(tenant, tenant + "/syspro")
        .restBaseUrl(rest)
        .credentials(SysproCredentials.of(operator, reveal(s, "operator-password"), company,
            reveal(s, "company-password")))
        .odata(odata, s.value("odata-user").orElse(operator), reveal(s, "odata-password"))
        .customerTaxIdColumn(s.value("customer-tax-column").orElse("TaxRegnNum"))
        .build();
    return new Connection(SysproClient.create(transport, config));
  }

  private static String reveal(SystemSettings s, String key) {
    return s.secret(key).map(Secret::reveal).orElse("");
  }

  @Override
  public Optional<ReceivablesLedger.Provider> receivablesLedger(TenantScoped<TenantConnection> connections) {
    return Optional.of(SysproLedger.provider(t -> ((Connection) connections.forTenant(t)).ledger));
  }

  @Override
  public Optional<PayablesLedger.Provider> payablesLedger(TenantScoped<TenantConnection> connections) {
    return Optional.of(SysproPayables.provider(t -> ((Connection) connections.forTenant(t)).sync));
  }

  static final class Connection implements TenantConnection {
    final SysproClient client;
    final SysproSync sync;
    final SysproLedger ledger;

    Connection(SysproClient client) {
      this.client = client;
      this.sync = SysproSync.builder(client).build();
      this.ledger = SysproLedger.of(sync);
    }

    @Override
    public List<ConnectorCheck> ping() {
      PingReport report = client.ping();
      List<ConnectorCheck> out = new ArrayList<>();
      for (PingReport.Check c : report.checks()) {
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
