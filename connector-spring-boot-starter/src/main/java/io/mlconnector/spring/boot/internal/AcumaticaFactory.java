package io.mlconnector.spring.boot.internal;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaConfig;
import io.mlconnector.acumatica.AcumaticaCredentials;
import io.mlconnector.acumatica.AcumaticaLedger;
import io.mlconnector.acumatica.InvoiceEntity;
import io.mlconnector.acumatica.PingReport;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.ConnectorFactory;
import io.mlconnector.spring.boot.SettingException;
import io.mlconnector.spring.boot.SystemSettings;
import io.mlconnector.spring.boot.TenantConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Acumatica (contract-based REST). Keys under {@code ...tenants.<tenant>.acumatica}: {@code url},
 * {@code username}, {@code auth} ({@code oauth}, the default, with {@code client-id}; or {@code
 * cookie} with {@code tenant-name}), {@code branch}, {@code endpoint-version} (default {@code
 * 24.200.001}), {@code requests-per-minute}, {@code concurrent-requests}, {@code payment-method},
 * {@code cash-account}, {@code clearing-account} (default the cash account), {@code refund-account},
 * {@code dispute-account}, {@code invoice-entity} ({@code SalesInvoice}, the default, or {@code
 * Invoice}); secrets {@code password}, {@code client-secret}.
 */
final class AcumaticaFactory implements ConnectorFactory {
  private static final String SYSTEM = "acumatica";

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public Set<String> secretKeys() {
    return Set.of("password", "client-secret");
  }

  @Override
  public TenantConnection open(SystemSettings s, HttpTransport transport) {
    String url = s.require("url");
    Secret user = Secret.of(s.require("username"));
    String paymentMethod = s.require("payment-method");
    String cash = s.require("cash-account");
    String auth = s.value("auth").orElse("oauth");
    Secret password = s.secret("password").orElse(Secret.of(""));
    AcumaticaCredentials creds;
    if (auth.equals("cookie")) {
      creds = AcumaticaCredentials.cookieLogin(user, password, s.require("tenant-name"), s.value("branch").orElse(null));
    } else if (auth.equals("oauth")) {
      creds = AcumaticaCredentials.password(s.require("client-id"), s.secret("client-secret").orElse(Secret.of("")),
          user, password);
    } else {
      throw new SettingException(s.property("auth"), "must be oauth or cookie, was '" + auth + "'");
    }
    AcumaticaConfig.Builder b = AcumaticaConfig.builder(s.tenant(), url, creds)
        .endpointVersion(s.value("endpoint-version").orElse("24.200.001"));
    s.integer("requests-per-minute").ifPresent(b::requestsPerMinute);
    s.integer("concurrent-requests").ifPresent(b::maxConcurrentRequests);
    String entity = s.value("invoice-entity").orElse("SalesInvoice");
    if (!entity.equals("SalesInvoice") && !entity.equals("Invoice")) {
      throw new SettingException(s.property("invoice-entity"), "must be SalesInvoice or Invoice, was '" + entity + "'");
    }
    AcumaticaClient client = AcumaticaClient.create(transport, b.build());
    try {
      AcumaticaLedger ledger = AcumaticaLedger.builder(client)
          .invoiceEntity(entity.equals("Invoice") ? InvoiceEntity.INVOICE : InvoiceEntity.SALES_INVOICE)
          .payments(paymentMethod, cash)
          .accounts(s.value("clearing-account").orElse(cash), s.value("refund-account").orElse(null),
              s.value("dispute-account").orElse(null))
          .branch(s.value("branch").orElse(null))
          .build();
      return new Connection(client, ledger);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public Optional<ReceivablesLedger.Provider> receivablesLedger(TenantScoped<TenantConnection> connections) {
    return Optional.of(AcumaticaLedger.provider(t -> ((Connection) connections.forTenant(t)).ledger));
  }

  static final class Connection implements TenantConnection {
    final AcumaticaClient client;
    final AcumaticaLedger ledger;

    Connection(AcumaticaClient client, AcumaticaLedger ledger) {
      this.client = client;
      this.ledger = ledger;
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
