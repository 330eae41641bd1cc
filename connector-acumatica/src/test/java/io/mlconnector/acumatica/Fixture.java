package io.mlconnector.acumatica;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.testkit.acumatica.AcumaticaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A simulator, a transport and clients on it, for the tests of this module. */
final class Fixture implements AutoCloseable {
  static final String CLIENT = "8E0761D9-F4EC-2D4B-A60F-BCE2708C6FDD";
  static final String CLIENT_SECRET = "s3cr3t-client-value";
  static final String USER = "admin";
  static final String PASSWORD = "pa55-word-value";

  final AcumaticaSimulator sim;
  final HttpTransport transport;
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final List<AcumaticaClient> clients = new ArrayList<>();

  Fixture() {
    this(b -> {});
  }

  Fixture(Consumer<AcumaticaSimulator.Builder> setup) {
    AcumaticaSimulator.Builder b = AcumaticaSimulator.builder()
        .user(USER, PASSWORD).oauthClient(CLIENT, CLIENT_SECRET).actions(1, Duration.ofSeconds(2));
    setup.accept(b);
    sim = b.start();
    Sleeper recording = d -> {
      sleeps.add(d);
      Sleeper.SYSTEM.sleep(Duration.ofMillis(Math.min(5, d.toMillis())));
    };
    transport = HttpTransport.builder().sleeper(recording).build();
    sim.addAccount("10200", "Stripe clearing", "Asset");
    sim.addAccount("10100", "Bank", "Asset");
    sim.addAccount("60500", "Card fees", "Expense");
    sim.addAccount("40000", "Revenue", "Income");
  }

  AcumaticaCredentials oauth() {
    return AcumaticaCredentials.password(CLIENT + "@" + sim.tenant(), Secret.of(CLIENT_SECRET),
        Secret.of(USER), Secret.of(PASSWORD));
  }

  AcumaticaCredentials cookie() {
    return AcumaticaCredentials.cookieLogin(Secret.of(USER), Secret.of(PASSWORD), sim.tenant(), null);
  }

  AcumaticaConfig.Builder config(AcumaticaCredentials credentials) {
    return AcumaticaConfig.builder("acme", sim.instanceUri().toString(), credentials)
        .actionWait(Duration.ofMillis(10), Duration.ofSeconds(30))
        .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(100)).build());
  }

  AcumaticaClient client() {
    return client(config(oauth()).build());
  }

  AcumaticaClient client(AcumaticaConfig config) {
    AcumaticaClient c = AcumaticaClient.create(transport, config);
    clients.add(c);
    return c;
  }

  @Override
  public void close() {
    for (AcumaticaClient c : clients) {
      c.close();
    }
    transport.close();
    sim.close();
  }
}
