package io.mlconnector.chargebee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.http.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against the simulator: wire form, wrapped answers, idempotency, errors, limits, ping. */
class ChargebeeClientTest {

  private static ChargebeeForm invoiceForm(String customer) {
    return ChargebeeForm.create().put("customer_id", customer).put("currency_code", "USD").put("po_number", "100234")
        .putList("charges", 0, "amount", 1250L).putList("charges", 0, "description", "Widget")
        .putList("charges", 1, "amount", 4000L).putList("charges", 1, "description", "Service");
  }

  @Test
  void writesInChargebeesListEncodingAndReadsWrappedAnswers() {
    try (SimFixture f = new SimFixture()) {
      ChargebeeResponse c = f.client.post("customers", ChargebeeForm.create().put("id", "C-1").put("company", "Acme")
          .putObject("billing_address", "line1", "1 Main St"), "cus-op-1");
      assertThat(c.get("customer").id()).isEqualTo("C-1");
      assertThat(c.get("customer").object("billing_address").string("line1")).isEqualTo("1 Main St");
      ChargebeeResource inv = f.client.post("invoices/create_for_charge_items_and_charges", invoiceForm("C-1"), "inv-op-1")
          .get("invoice");
      assertThat(inv.number("total")).isEqualTo(5250);
      assertThat(inv.list("line_items")).extracting(l -> l.string("description")).containsExactly("Widget", "Service");
      assertThat(f.client.invoice(inv.id())).get().extracting(r -> r.string("po_number")).isEqualTo("100234");
      assertThat(f.client.invoice("no-such")).isEmpty();
      assertThat(invoiceForm("C-1").pairs().get(3).getKey()).isEqualTo("charges[amount][0]");
    }
  }

  @Test
  void anAnswerLostAfterCommitIsRetriedWithTheSameKeyAndReplayed() {
    try (SimFixture f = new SimFixture()) {
      f.client.post("customers", ChargebeeForm.create().put("id", "C-1"), "cus-1");
      f.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
      ChargebeeResponse r = f.client.post("invoices/create_for_charge_items_and_charges", invoiceForm("C-1"), "inv-1");
      assertThat(r.replayed()).isTrue();
      assertThat(f.sim.records("invoice")).hasSize(1);
    }
  }

  @Test
  void errorsMapOntoTheCoreTreeWithChargebeesCodeAndMessage() {
    try (SimFixture f = new SimFixture()) {
      f.client.post("customers", ChargebeeForm.create().put("id", "C-1"), null);
      assertThatThrownBy(() -> f.client.post("customers", ChargebeeForm.create().put("id", "C-1"), null))
          .isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.remoteCode()).isEqualTo("duplicate_entry");
            assertThat(e.remoteMessage()).contains("param id");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.system()).isEqualTo("chargebee");
          });
      String inv = f.client.post("invoices/create_for_charge_items_and_charges", invoiceForm("C-1"), null)
          .get("invoice").id();
      f.client.post("invoices/" + inv + "/void", ChargebeeForm.create(), null);
      assertThatThrownBy(() -> f.client.post("invoices/" + inv + "/void", ChargebeeForm.create(), null))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.remoteCode()).isEqualTo("invalid_state_for_request"));
      ChargebeeClient wrongKey = ChargebeeClient.create(f.transport, ChargebeeConfig.builder("acme", "other",
          f.sim.site(), ChargebeeCredentials.of(Secret.of("wrong"))).baseUrl(f.sim.baseUrl()).build());
      assertThatThrownBy(() -> wrongKey.customer("C-1")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.remoteCode()).isEqualTo("api_authentication_failed");
        assertThat(e.getMessage()).doesNotContain("wrong");
      });
    }
  }

  @Test
  void transient5xxAndLockTimeoutsAreRetriedAndAStormEndsRateLimited() {
    try (SimFixture f = new SimFixture()) {
      f.sim.failNextWith(1, 503, "site_not_ready").failNextWith(1, 429, "lock_timeout");
      f.client.post("customers", ChargebeeForm.create().put("id", "C-9"), "k-9");
      assertThat(f.sim.records("customer")).hasSize(1);
      f.sim.failNextWith(4, 500, "internal_error");
      assertThatThrownBy(() -> f.client.customer("C-9")).isInstanceOf(TransientException.class);
      f.sim.rateLimitStorm(10);
      assertThatThrownBy(() -> f.client.customer("C-9")).isInstanceOf(RateLimitedException.class);
    }
  }

  @Test
  void aStarterBudgetNeverTripsTheSitesPerMinuteLimit() {
    try (SimFixture f = new SimFixture(b -> b.requestsPerMinute(150), b -> b.plan("starter"))) {
      long before = f.sim.requestCount();
      for (int i = 0; i < 450; i++) {
        f.client.list("customers", "customer", ChargebeeQuery.all().limit(1));
      }
      // the sliding window grants 150 at once, then 150 more 61 s after each: 450 reads end at
      // 122 simulated seconds, and the site received exactly 450 requests (a 429 would add a retry)
      assertThat(f.sim.requestCount() - before).isEqualTo(450);
      assertThat(f.advancedMillis()).isEqualTo(122_000L);
      assertThat(f.client.config().requestsPerMinute()).isEqualTo(150);
      assertThat(f.transport.rateBudgets().find(new io.mlconnector.core.http.CredentialKey("chargebee", "acme/chargebee")))
          .get().isInstanceOf(io.mlconnector.chargebee.internal.SlidingWindowBudget.class);
    }
  }

  @Test
  void aMisconfiguredBudgetMeets429WithRetryAfterAndWaitsItOut() {
    try (SimFixture f = new SimFixture(b -> b.requestsPerMinute(20), b -> b.requestsPerMinute(3500))) {
      for (int i = 0; i < 60; i++) {
        f.client.list("customers", "customer", ChargebeeQuery.all().limit(1));
      }
      // the site allows 20 per minute: 60 reads need at least two windows to move on, and got there
      // through 429s whose Retry-After the budget waited out
      assertThat(f.advancedMillis()).isGreaterThanOrEqualTo(100_000L);
      assertThat(f.sim.requestCount()).isGreaterThan(60);
    }
  }

  @Test
  void pingReportsEachCheck() {
    try (SimFixture f = new SimFixture()) {
      ChargebeePing ok = f.client.ping();
      assertThat(ok.ok()).isTrue();
      assertThat(ok.checks()).extracting(ChargebeePing.Check::name).containsExactly("site", "auth", "read", "events", "plan");
      ChargebeeClient wrongKey = ChargebeeClient.create(f.transport, ChargebeeConfig.builder("acme", "other2",
          f.sim.site(), ChargebeeCredentials.of(Secret.of("bad-key"))).baseUrl(f.sim.baseUrl()).build());
      ChargebeePing bad = wrongKey.ping();
      assertThat(bad.ok()).isFalse();
      assertThat(bad.check("site")).get().extracting(ChargebeePing.Check::ok).isEqualTo(true);
      assertThat(bad.check("auth")).get().satisfies(c -> {
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).contains("api_authentication_failed").doesNotContain("bad-key");
      });
    }
  }

  @Test
  void planByNameOrNumberAndCredentialsNeverPrinted() {
    assertThat(ChargebeePlan.of("Test site")).isEqualTo(ChargebeePlan.TEST_SITE);
    assertThatThrownBy(() -> ChargebeePlan.of("gold")).hasMessageContaining("starter");
    ChargebeeCredentials creds = ChargebeeCredentials.of(Secret.of("live_key_123"), "u", Secret.of("pw-456"));
    ChargebeeConfig c = ChargebeeConfig.builder("t", "t/cb", "acme", creds).plan("1000").build();
    assertThat(c.requestsPerMinute()).isEqualTo(1000);
    assertThat(c.baseUrl().toString()).isEqualTo("https://acme.chargebee.com/api/v2/");
    assertThat(ChargebeeConfig.builder("t", "t/cb", "acme", creds).hostSuffix("eu.chargebee.com").build().baseUrl().host())
        .isEqualTo("acme.eu.chargebee.com");
    assertThat(c.toString() + creds).doesNotContain("live_key_123").doesNotContain("pw-456");
    assertThatThrownBy(() -> ChargebeeConfig.builder("t", "t/cb", "Acme Site", creds)).hasMessageContaining("site");
    assertThat(List.of(ChargebeePlan.values())).extracting(ChargebeePlan::requestsPerMinute).containsExactly(150, 1000, 3500, 150);
  }
}
