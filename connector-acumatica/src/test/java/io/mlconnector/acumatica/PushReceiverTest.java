package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.sync.WebhookResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Push notifications from the simulator reach the receiver: secret checked, stored once, poll triggered. */
class PushReceiverTest {

  @Test
  void notificationsAreVerifiedStoredOnceAndTriggerAPoll() throws Exception {
    InMemoryStateStore store = new InMemoryStateStore();
    List<PushNotification> triggered = Collections.synchronizedList(new ArrayList<>());
    AcumaticaPushReceiver receiver = AcumaticaPushReceiver.builder("acme", store, "X-Push-Secret",
        Secret.of("s3cr3t-header")).onNotification(triggered::add).build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<Integer> answers = Collections.synchronizedList(new ArrayList<>());
    server.createContext("/push", ex -> {
      Map<String, List<String>> headers = new java.util.HashMap<>(ex.getRequestHeaders());
      WebhookResponse r = receiver.receive(headers, ex.getRequestBody().readAllBytes());
      answers.add(r.status());
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(r.status(), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try (Fixture fx = new Fixture()) {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
      fx.sim.subscribe(url, "X-Push-Secret", "s3cr3t-header", "Customer", "Customers: Last Modified", "CustomerName");
      fx.sim.subscribe(url, "X-Push-Secret", "wrong", "Account", "Accounts");
      fx.sim.duplicatePushes(true);

      fx.sim.addCustomer("C001", "Acme", "USD");
      fx.sim.addCustomer("C001", "Acme Renamed", "USD");
      fx.sim.addAccount("99999", "Other", "Asset");
      fx.sim.drainPushes();

      assertThat(triggered).hasSize(2); // an insert and an update, each delivered twice, triggered once
      assertThat(triggered.get(1).inserted()).singleElement()
          .satisfies(row -> assertThat(row.get("CustomerName")).isEqualTo("Acme Renamed"));
      assertThat(triggered.get(1).deleted()).singleElement()
          .satisfies(row -> assertThat(row.get("CustomerName")).isEqualTo("Acme"));
      assertThat(triggered).allSatisfy(n -> assertThat(n.companyId()).isEqualTo(fx.sim.tenant()));
      assertThat(answers).contains(401); // the destination with the wrong secret
      assertThat(fx.sim.failedPushes()).hasSize(2); // five attempts each (sent twice), then parked
      assertThat(receiver.toString()).doesNotContain("s3cr3t-header");
    } finally {
      server.stop(0);
    }
  }
}
