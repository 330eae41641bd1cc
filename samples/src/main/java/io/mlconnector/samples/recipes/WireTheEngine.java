package io.mlconnector.samples.recipes;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.samples.SysproStripeSync;
import io.mlconnector.samples.Systems;
import io.mlconnector.stripe.StripeConfig;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeWebhookVerifier;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Recipe: wire the SYSPRO &lt;-&gt; Stripe flows on the engine yourself, for tenants whose
 * credentials your application already holds.
 *
 * <pre>{@code
 * java -cp mlc-samples.jar io.mlconnector.samples.recipes.WireTheEngine
 * }</pre>
 *
 * The keys below are placeholders: replace {@link #systemsOf} with a lookup in your own credential
 * store ({@link io.mlconnector.core.credential.CredentialStore} keeps them encrypted at rest).
 */
public final class WireTheEngine {
  private WireTheEngine() {}

  /** One HTTP transport per process; every tenant's SYSPRO client derives from it. */
  static final HttpTransport TRANSPORT = HttpTransport.builder().build();

  /** Builds a tenant's clients from its settings. */
  static Systems systemsOf(String tenant) {
    SysproClient syspro = SysproClient.create(TRANSPORT,
        SysproConfig.builder(tenant, tenant + "/syspro")
            .restBaseUrl("https://erp." + tenant + ".example/SYSPROWCFService/Rest")
            .credentials(SysproCredentials.of("STRIPE", System.getenv("SYSPRO_PASSWORD"), "EDU1", ""))
            .odata("https://erp." + tenant + ".example/SYSPRO8Odata/SYSPROOData/EDU1", "STRIPE",
                System.getenv("SYSPRO_ODATA_PASSWORD"))
            .build());
    StripeConnector stripe = StripeConnector.create(
        StripeConfig.builder().tenant(tenant).credentialId(tenant + "/stripe").apiKey(System.getenv("STRIPE_API_KEY")).build());
    StripeWebhookVerifier webhooks = StripeWebhookVerifier.builder().secret(System.getenv("STRIPE_WEBHOOK_SECRET")).build();
    return new Systems(syspro, stripe, webhooks);
  }

  /** Starts the flows for two tenants on an embedded H2 store and runs them every minute. */
  public static void main(String[] args) {
    StateStore store = JdbcStateStore.embeddedH2(Path.of("data", "state")).build();
    SysproStripeSync sync =
        SysproStripeSync.builder()
            .store(store)
            .systems(WireTheEngine::systemsOf)          // asked once per tenant
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
