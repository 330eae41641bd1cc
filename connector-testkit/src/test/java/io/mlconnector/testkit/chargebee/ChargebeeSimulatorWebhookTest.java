package io.mlconnector.testkit.chargebee;

import static io.mlconnector.testkit.chargebee.CbSupport.await;
import static io.mlconnector.testkit.chargebee.CbSupport.basic;
import static io.mlconnector.testkit.chargebee.CbSupport.customer;
import static io.mlconnector.testkit.chargebee.CbSupport.get;
import static io.mlconnector.testkit.chargebee.CbSupport.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events and webhook delivery: Basic auth, no signature, retries, duplicates, reordering. */
class ChargebeeSimulatorWebhookTest {

  @Test
  void deliveriesCarryBasicAuthAndTheEventAsTheApiListsIt() throws Exception {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build();
        CbSupport.Receiver rx = new CbSupport.Receiver()) {
      sim.webhooks().addEndpoint(rx.uri(), "hook", "s3cret", Set.of("payment_succeeded"));
      customer(sim, "C-1");
      String inv = invoice(sim, "C-1", "INV-1");
      String txn = sim.pay(inv, null);
      await(() -> rx.received.size() == 1, "one delivery");
      CbSupport.Receiver.Got got = rx.received.get(0);
      assertThat(got.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
          .encodeToString("hook:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(got.body()).contains("\"event_type\":\"payment_succeeded\"").contains(txn);
      List<Map<String, Object>> events = get(sim, "/events?event_type[is]=payment_succeeded").list();
      assertThat(events).hasSize(1);
      Map<?, ?> ev = (Map<?, ?>) events.get(0).get("event");
      assertThat(got.body()).contains((String) ev.get("id"));
      Map<?, ?> content = (Map<?, ?>) ev.get("content");
      assertThat(content.keySet().toString()).contains("transaction", "invoice", "customer");
      assertThat(((Map<?, ?>) content.get("invoice")).get("status")).isEqualTo("paid");
      await(() -> "succeeded".equals(((Map<?, ?>) get(sim, "/events/" + ev.get("id")).get("event")).get("webhook_status")),
          "webhook_status succeeded");
      assertThat(basic("x")).startsWith("Basic ");
    }
  }

  @Test
  void aFailingEndpointIsRetriedOnTheScheduleThenMarkedFailed() throws Exception {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build();
        CbSupport.Receiver rx = new CbSupport.Receiver()) {
      rx.status.set(500);
      sim.webhooks().addEndpoint(rx.uri(), null, null, Set.of("customer_created"));
      customer(sim, "C-1");
      await(() -> rx.received.size() == 1, "first attempt");
      sim.advanceClock(Duration.ofMinutes(1));
      Thread.sleep(100);
      assertThat(rx.received).hasSize(1);   // the first retry is 2 minutes after the first attempt
      sim.advanceClock(Duration.ofMinutes(1));
      await(() -> rx.received.size() == 2, "second attempt");
      for (Duration d : ChargebeeWebhooks.RETRY_SCHEDULE.subList(1, 7)) {
        int before = rx.received.size();
        sim.advanceClock(d);
        await(() -> rx.received.size() == before + 1, "retry after " + d);
      }
      await(() -> sim.webhooks().pending() == 0, "no retry left");
      assertThat(rx.received).hasSize(8);
      assertThat(rx.received.get(0).authorization()).isNull();
      List<ChargebeeWebhookDelivery> attempts = sim.webhooks().deliveries();
      assertThat(attempts).extracting(ChargebeeWebhookDelivery::attempt).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(sim.events().get(0)).containsEntry("webhook_status", "failed");
    }
  }

  @Test
  void duplicatesAndReorderedDeliveries() throws Exception {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build();
        CbSupport.Receiver rx = new CbSupport.Receiver()) {
      sim.webhooks().addEndpoint(rx.uri(), "u", "p", Set.of("customer_created"));
      sim.webhooks().duplicateNext(1);
      customer(sim, "C-0");
      await(() -> rx.received.size() == 2, "a duplicate");
      assertThat(rx.received.get(0).body()).isEqualTo(rx.received.get(1).body());
      sim.webhooks().hold();
      customer(sim, "C-1");
      customer(sim, "C-2");
      customer(sim, "C-3");
      sim.webhooks().release(ChargebeeWebhooks.Order.REVERSED);
      await(() -> rx.received.size() == 5, "three more");
      List<String> order = new ArrayList<>();
      for (CbSupport.Receiver.Got g : rx.received.subList(2, 5)) {
        order.add(g.body().contains("\"C-3\"") ? "C-3" : g.body().contains("\"C-2\"") ? "C-2" : "C-1");
      }
      assertThat(order).containsExactly("C-3", "C-2", "C-1");
    }
  }
}
