package io.mlconnector.chargebee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.WebhookVerificationException;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collector's sinks, verifier and reconciliation read against the simulator. */
class ChargebeeCollectorTest {
  private static final ExternalRef C100 = ExternalRef.of("syspro", "acme", "customer", "C100");
  private static final ExternalRef INV1 = ExternalRef.of("syspro", "acme", "ar-invoice", "100234");

  static ChargebeeCustomerRequest customer() {
    return new ChargebeeCustomerRequest("C100", "Acme Ltd", "ap@acme.test", null,
        new ChargebeeCustomerRequest.Address("1 Main St", null, null, "Springfield", "IL", "62701", "US"),
        "US-123", "USD", 30);
  }

  static ChargebeeInvoiceRequest invoice(long... amounts) {
    List<ChargebeeInvoiceRequest.Charge> charges = new java.util.ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      charges.add(new ChargebeeInvoiceRequest.Charge("Line " + (i + 1), amounts[i]));
    }
    return new ChargebeeInvoiceRequest("C100", "USD", LocalDate.of(2026, 11, 1), "100234", "Invoice 100234", charges,
        List.of(), false);
  }

  static WriteContext ctx(ExternalRef source, String op) {
    return new WriteContext("acme", "flow", op, source, "v1");
  }

  @Test
  void customersAreCreatedUnderTheErpCodeAndFoundByStamp() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      WriteResult w = cb.customers().create(customer(), ctx(C100, "op-c"));
      assertThat(w.target().id()).isEqualTo("C100");
      Map<String, Object> stored = f.sim.record("customer", "C100");
      assertThat(stored).containsEntry("company", "Acme Ltd").containsEntry("vat_number", "US-123")
          .containsEntry("net_term_days", 30L);
      assertThat(((Map<?, ?>) stored.get("meta_data")).get("mlc_source")).isEqualTo(C100.key());
      assertThat(cb.customers().findByStamp(C100, ctx(C100, "op-c"))).get()
          .satisfies(r -> assertThat(r.operationKey()).isEqualTo("op-c"));
      assertThat(cb.customers().findByStamp(C100.withId("C999"), ctx(C100, "x"))).isEmpty();
      // a second create (say after the idempotency window) finds the id taken by the same source and adopts it
      WriteResult again = cb.customers().create(customer(), ctx(C100, "op-c2"));
      assertThat(again.target()).isEqualTo(w.target());
      assertThat(f.sim.records("customer")).hasSize(1);
    }
  }

  @Test
  void anInvoiceIsOneChargePerLineWithTheErpNumberAsPoNumber() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      cb.customers().create(customer(), ctx(C100, "op-c"));
      WriteResult w = cb.invoices().create(invoice(1250, 4000, 420), ctx(INV1, "op-i"));
      Map<String, Object> inv = f.sim.record("invoice", w.target().id());
      assertThat(inv).containsEntry("po_number", "100234").containsEntry("total", 5670L)
          .containsEntry("currency_code", "USD").containsEntry("status", "posted");
      assertThat((List<?>) inv.get("line_items")).hasSize(3);
      assertThat(inv.get("date")).isEqualTo(ChargebeeMappers.epochSeconds(LocalDate.of(2026, 11, 1)));

      // find-by-stamp: from this process (customer known) and after a restart (a fresh collector scans)
      assertThat(cb.invoices().findByStamp(INV1, ctx(INV1, "op-i"))).get()
          .extracting(r -> r.target().id()).isEqualTo(w.target().id());
      ChargebeeCollector restarted = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      assertThat(restarted.invoices().findByStamp(INV1, ctx(INV1, "op-i"))).get()
          .extracting(r -> r.target().id()).isEqualTo(w.target().id());
      assertThat(restarted.invoices().findByStamp(INV1.withId("999"), ctx(INV1, "op-i"))).isEmpty();

      // reconciliation: paid in part, then in full, then partly refunded
      Mapping m = new Mapping(INV1, w.target(), w.attributes());
      f.sim.pay(w.target().id(), 670L);
      assertThat(cb.collected(m)).get().isEqualTo(new CollectedInvoice(w.target().id(), "posted",
          Money.of("56.70", "USD"), Money.of("50.00", "USD")));
      f.sim.pay(w.target().id(), null);
      f.sim.refund(w.target().id(), 1000L);
      assertThat(cb.collected(m)).get().satisfies(c -> {
        assertThat(c.status()).isEqualTo("paid");
        assertThat(c.owed()).isEqualTo(Money.of("10.00", "USD"));
      });
    }
  }

  @Test
  void anErpChangeVoidsAndReissuesAndACancellationVoids() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      cb.customers().create(customer(), ctx(C100, "op-c"));
      WriteResult w = cb.invoices().create(invoice(1000), ctx(INV1, "op-1"));
      WriteResult same = cb.invoices().update(w.target(), invoice(1000), ctx(INV1, "op-2"));
      assertThat(same.target()).isEqualTo(w.target());
      assertThat(f.sim.records("invoice")).hasSize(1);

      WriteResult changed = cb.invoices().update(w.target(), invoice(1500), ctx(INV1, "op-3"));
      assertThat(changed.target()).as("mappings never move").isEqualTo(w.target());
      String current = changed.attributes().get("invoice");
      assertThat(current).isNotEqualTo(w.target().id());
      assertThat(f.sim.record("invoice", w.target().id())).containsEntry("status", "voided");
      assertThat(f.sim.record("invoice", current)).containsEntry("total", 1500L).containsEntry("po_number", "100234");
      Mapping m = new Mapping(INV1, w.target(), changed.attributes());
      assertThat(cb.collected(m)).get().satisfies(c -> {
        assertThat(c.id()).isEqualTo(current);
        assertThat(c.total()).isEqualTo(Money.of("15.00", "USD"));
      });

      ChargebeeInvoiceRequest cancel = new ChargebeeInvoiceRequest("C100", "USD", null, "100234", null,
          invoice(1500).charges(), List.of(), true);
      cb.invoices().update(w.target(), cancel, ctx(INV1, "op-4"));
      assertThat(f.sim.record("invoice", current)).containsEntry("status", "voided");
      assertThat(cb.collected(m)).get().satisfies(c -> {
        assertThat(c.status()).isEqualTo("voided");
        assertThat(c.owed()).isEqualTo(Money.of("0.00", "USD"));
      });

      f.sim.pay(cb.invoices().create(invoice(700), ctx(INV1.withId("100235"), "op-5")).target().id(), null);
    }
  }

  @Test
  void recurringLinesStartAndThenExtendTheCustomersSubscription() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults()
          .withBillingModel(ChargebeeCollectorOptions.BillingModel.SUBSCRIPTION_ITEMS));
      cb.customers().create(customer(), ctx(C100, "op-c"));
      f.client.post("items", ChargebeeForm.create().put("id", "support").put("name", "Support").put("type", "plan"), null);
      f.client.post("item_prices", ChargebeeForm.create().put("id", "support-USD").put("item_id", "support")
          .put("name", "Support monthly").put("price", 9900).put("currency_code", "USD").put("period", 1)
          .put("period_unit", "month"), null);
      ChargebeeInvoiceRequest order = new ChargebeeInvoiceRequest("C100", "USD", null, "100300", null, List.of(),
          List.of(new ChargebeeInvoiceRequest.RecurringItem("support-USD", 2, 9900)), false);
      WriteResult first = cb.invoices().create(order, ctx(INV1.withId("100300"), "op-s1"));
      Map<String, Object> sub = f.sim.record("subscription", "C100-erp");
      assertThat(sub).containsEntry("status", "active").containsEntry("customer_id", "C100");
      assertThat(f.sim.record("invoice", first.target().id())).containsEntry("total", 19800L)
          .containsEntry("po_number", "100300").containsEntry("subscription_id", "C100-erp");

      ChargebeeInvoiceRequest more = new ChargebeeInvoiceRequest("C100", "USD", null, "100301", null, List.of(),
          List.of(new ChargebeeInvoiceRequest.RecurringItem("support-USD", 1, 9900)), false);
      WriteResult second = cb.invoices().create(more, ctx(INV1.withId("100301"), "op-s2"));
      assertThat(f.sim.record("invoice", second.target().id())).containsEntry("total", 9900L)
          .containsEntry("po_number", "100301");
      assertThat((List<?>) f.sim.record("subscription", "C100-erp").get("subscription_items")).singleElement()
          .satisfies(i -> assertThat(((Map<?, ?>) i).get("quantity")).isEqualTo(3L));
      assertThat(cb.invoices().findByStamp(INV1.withId("100301"), ctx(INV1, "x"))).get()
          .extracting(r -> r.target().id()).isEqualTo(second.target().id());
    }
  }

  @Test
  void aCancelledSubscriptionComesBackAsChargebeeHasItAndForgedIdsGainNothing() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults()
          .withBillingModel(ChargebeeCollectorOptions.BillingModel.SUBSCRIPTION_ITEMS));
      cb.customers().create(customer(), ctx(C100, "op-c"));
      f.client.post("items", ChargebeeForm.create().put("id", "support").put("name", "Support").put("type", "plan"), null);
      f.client.post("item_prices", ChargebeeForm.create().put("id", "support-USD").put("item_id", "support")
          .put("name", "Support monthly").put("price", 9900).put("currency_code", "USD").put("period", 1)
          .put("period_unit", "month"), null);
      cb.invoices().create(new ChargebeeInvoiceRequest("C100", "USD", null, "100300", null, List.of(),
          List.of(new ChargebeeInvoiceRequest.RecurringItem("support-USD", 2, 9900)), false), ctx(INV1.withId("100300"), "op-s1"));
      f.client.post("subscriptions/C100-erp/cancel_for_items",
          ChargebeeForm.create().put("cancel_reason_code", "not_paid"), null);

      io.mlconnector.core.sync.WebhookSource<SubscriptionCancellation> source = cb.subscriptionCancellations(null);
      // the backstop (GET /events) lists the event; no payment source picks it up
      List<io.mlconnector.core.sync.WebhookEvent> events = source.eventsSince(null).events();
      assertThat(events).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("subscription_cancelled"));
      assertThat(cb.payments(null).eventsSince(null).events()).noneMatch(e -> e.type().equals("subscription_cancelled"));
      ExternalRef ref = source.objectOf(events.get(0)).orElseThrow();
      assertThat(ref).isEqualTo(ExternalRef.of("chargebee", "acme", "subscription", "C100-erp"));
      SubscriptionCancellation c = source.fetch(ref).orElseThrow();
      assertThat(c.stillCancelled()).isTrue();
      assertThat(c.customer()).isEqualTo(ExternalRef.of("chargebee", "acme", "customer", "C100"));
      assertThat(c.reasonCode()).isEqualTo("not_paid");
      assertThat(c.itemPriceIds()).containsExactly("support-USD");
      assertThat(c.cancelledAt()).isNotNull();
      assertThat(c.version()).isNotBlank();

      // a delivery naming an event Chargebee does not know is refused; one of another type is not this source's
      assertThatThrownBy(() -> source.objectOf(new io.mlconnector.core.sync.WebhookEvent("ev_forged", "subscription_cancelled",
          "{}"))).hasMessageContaining("unknown to Chargebee");
      assertThat(source.objectOf(new io.mlconnector.core.sync.WebhookEvent("ev_x", "payment_succeeded", "{}"))).isEmpty();
      // a body claiming another type for a real event id gains nothing: Chargebee's copy decides
      assertThat(cb.payments(null).objectOf(new io.mlconnector.core.sync.WebhookEvent(events.get(0).eventId(),
          "payment_succeeded", "{}"))).isEmpty();
    }
  }

  @Test
  void theWebhookVerifierWantsTheEndpointsBasicCredentials() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeCollector cb = new ChargebeeCollector(f.client, ChargebeeCollectorOptions.defaults());
      byte[] body = "{\"id\":\"ev_1\",\"event_type\":\"payment_succeeded\",\"content\":{}}".getBytes(StandardCharsets.UTF_8);
      String good = "Basic " + Base64.getEncoder().encodeToString("hook:hook-pass".getBytes(StandardCharsets.UTF_8));
      String bad = "Basic " + Base64.getEncoder().encodeToString("hook:guess".getBytes(StandardCharsets.UTF_8));
      assertThat(cb.webhookVerifier().verify(Map.of("authorization", List.of(good)), body).eventId()).isEqualTo("ev_1");
      assertThatThrownBy(() -> cb.webhookVerifier().verify(Map.of("Authorization", List.of(bad)), body))
          .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("hook-pass").doesNotContain("guess");
          });
      assertThatThrownBy(() -> cb.webhookVerifier().verify(Map.of(), body)).isInstanceOf(WebhookVerificationException.class);
      assertThatThrownBy(() -> cb.webhookVerifier().verify(Map.of("Authorization", List.of(good)), "[1]".getBytes()))
          .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.status()).isEqualTo(400));
      ChargebeeWebhookVerifier none = new ChargebeeWebhookVerifier(ChargebeeCredentials.of(
          io.mlconnector.core.credential.Secret.of("k")));
      assertThatThrownBy(() -> none.verify(Map.of("Authorization", List.of(good)), body))
          .isInstanceOf(WebhookVerificationException.class);
    }
  }
}
