package io.mlconnector.samples.recipes;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.integrations.ReceivablesIntegration;
import io.mlconnector.stripe.StripeCollector;
import io.mlconnector.stripe.StripeConfig;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeWebhookVerifier;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproLedger;
import io.mlconnector.syspro.SysproSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Recipe: wire a receivables pair (here SYSPRO with Stripe) on the published integration, for
 * tenants whose credentials your application already holds. Another pair is the same line with
 * another ledger or collector provider ({@code SapB1Ledger.provider(...)}, {@code
 * ChargebeeCollector.provider(...)}).
 *
 * <pre>{@code
 * java -cp mlc-samples.jar io.mlconnector.samples.recipes.WireTheEngine
 * }</pre>
 *
 * The keys below are placeholders: replace {@link #sysproOf} and {@link #stripeOf} with a lookup in
 * your own credential store ({@link io.mlconnector.core.credential.CredentialStore} keeps them
 * encrypted at rest).
 */
public final class WireTheEngine {
  private WireTheEngine() {}

  /** One HTTP transport per process; every tenant's SYSPRO client derives from it. */
  static final HttpTransport TRANSPORT = HttpTransport.builder().build();

  /** A tenant's SYSPRO ledger, from its settings. */
  static SysproLedger sysproOf(String tenant) {
    SysproClient syspro = SysproClient.create(TRANSPORT,
        SysproConfig.builder(tenant, tenant + "/syspro")
            .restBaseUrl("https://erp." + tenant + ".example/SYSPROWCFService/Rest")
            .credentials(SysproCredentials.of("STRIPE", System.getenv("SYSPRO_PASSWORD"), "EDU1", ""))
            .odata("https://erp." + tenant + ".example/SYSPRO8Odata/SYSPROOData/EDU1", "STRIPE",
                System.getenv("SYSPRO_ODATA_PASSWORD"))
            .build());
    return SysproLedger.of(SysproSync.builder(syspro).build());
  }

  /** A tenant's Stripe collector, from its settings. */
  static StripeCollector stripeOf(String tenant) {
    StripeConnector stripe = StripeConnector.create(
        StripeConfig.builder().tenant(tenant).credentialId(tenant + "/stripe").apiKey(System.getenv("STRIPE_API_KEY")).build());
    return StripeCollector.of(stripe,
        StripeWebhookVerifier.builder().secret(System.getenv("STRIPE_WEBHOOK_SECRET")).build());
  }

  /** Starts the flows for two tenants on an embedded H2 store and runs them every minute. */
  public static void main(String[] args) {
    StateStore store = JdbcStateStore.embeddedH2(Path.of("data", "state")).build();
    ReceivablesIntegration sync =
        ReceivablesIntegration.builder(SysproLedger.provider(WireTheEngine::sysproOf),   // the pair: one line
                StripeCollector.provider(WireTheEngine::stripeOf))                      // (each asked once per tenant)
            .store(store)
            .tenants(List.of("acme", "globex"))
            .schedule(Duration.ofMinutes(1), Duration.ofSeconds(5))
            .parallelism(8)                              // stays under Stripe's budget per key
            .build();
    sync.engine().start();                               // or sync.runOnce("acme") from your own scheduler
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sync.close();                                      // finishes records in flight, releases leases
      store.close();
      TRANSPORT.close();
    }));
  }
}
