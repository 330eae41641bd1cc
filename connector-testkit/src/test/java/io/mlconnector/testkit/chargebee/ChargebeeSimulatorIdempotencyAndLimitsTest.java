package io.mlconnector.testkit.chargebee;

import static io.mlconnector.testkit.chargebee.CbSupport.customer;
import static io.mlconnector.testkit.chargebee.CbSupport.get;
import static io.mlconnector.testkit.chargebee.CbSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.chargebee.CbSupport.Answer;
import io.mlconnector.testkit.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The 30-minute idempotency window, the per-minute and concurrency limits, scripted errors. */
class ChargebeeSimulatorIdempotencyAndLimitsTest {

  @Test
  void aRepeatInsideTheWindowIsReplayedAndAfterItRunsAgain() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build()) {
      customer(sim, "C-1");
      String[] form = {"customer_id", "C-1", "charges[amount][0]", "500", "charges[description][0]", "Fee"};
      Answer first = post(sim, "/invoices/create_for_charge_items_and_charges", "op-1", form);
      Answer again = post(sim, "/invoices/create_for_charge_items_and_charges", "op-1", form);
      assertThat(again.get("invoice").get("id")).isEqualTo(first.get("invoice").get("id"));
      assertThat(again.headers().get("chargebee-idempotency-replayed")).isEqualTo("true");
      assertThat(first.headers().get("chargebee-idempotency-replayed")).isNull();
      assertThat(sim.records("invoice")).hasSize(1);

      sim.advanceClock(Duration.ofMinutes(31));
      Answer late = post(sim, "/invoices/create_for_charge_items_and_charges", "op-1", form);
      assertThat(late.get("invoice").get("id")).isNotEqualTo(first.get("invoice").get("id"));
      assertThat(sim.records("invoice")).hasSize(2);
    }
  }

  @Test
  void aKeyReusedWithAnotherBodyIsRefusedAndOverlongKeysToo() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build()) {
      assertThat(post(sim, "/customers", "k", "id", "A").status()).isEqualTo(200);
      Answer other = post(sim, "/customers", "k", "id", "B");
      assertThat(other.status()).isEqualTo(400);
      assertThat(other.json()).containsEntry("param", "chargebee-idempotency-key");
      assertThat(post(sim, "/customers", "x".repeat(101), "id", "C").status()).isEqualTo(400);
      assertThat(sim.records("customer")).hasSize(1);
    }
  }

  @Test
  void anAnswerLostAfterCommitIsReplayedToTheRetry() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build()) {
      sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
      try {
        post(sim, "/customers", "lost-1", "id", "L-1");
      } catch (AssertionError expected) {
        // the connection closed without an answer
      }
      Answer retry = post(sim, "/customers", "lost-1", "id", "L-1");
      assertThat(retry.status()).isEqualTo(200);
      assertThat(retry.headers().get("chargebee-idempotency-replayed")).isEqualTo("true");
    }
  }

  @Test
  void thePerMinuteLimitAnswers429WithRetryAfterUntilTheWindowMoves() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(5).build()) {
      for (int i = 0; i < 5; i++) {
        assertThat(get(sim, "/customers").status()).isEqualTo(200);
      }
      Answer limited = get(sim, "/customers");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.json()).containsEntry("api_error_code", "api_request_limit_exceeded")
          .containsEntry("http_status_code", 429.0);
      assertThat(Integer.parseInt(limited.headers().get("Retry-After"))).isBetween(1, 60);
      sim.advanceClock(Duration.ofSeconds(61));
      assertThat(get(sim, "/customers").status()).isEqualTo(200);
    }
  }

  @Test
  void theConcurrencyLimitRefusesRequestsBeyondTheCap() throws Exception {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).concurrencyLimit(2)
        .processingTime(Duration.ofMillis(300)).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> get(sim, "/customers").status()));
      }
      int ok = 0;
      int limited = 0;
      for (Future<Integer> f : results) {
        int s = f.get();
        ok += s == 200 ? 1 : 0;
        limited += s == 429 ? 1 : 0;
      }
      pool.shutdown();
      assertThat(ok + limited).isEqualTo(6);
      assertThat(limited).isPositive();
      assertThat(ok).isBetween(2, 5);
    }
  }

  @Test
  void scriptedErrorsCarryTheirCodes() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().build()) {
      sim.failNextWith(1, 503, "site_not_ready").failNextWith(1, 429, "lock_timeout");
      Answer a = get(sim, "/customers");
      Answer b = get(sim, "/customers");
      assertThat(a.status()).isEqualTo(503);
      assertThat(a.json()).containsEntry("api_error_code", "site_not_ready");
      assertThat(b.status()).isEqualTo(429);
      assertThat(b.json()).containsEntry("api_error_code", "lock_timeout");
      sim.faults().failNext(1, Fault.SERVER_ERROR);
      Answer c = get(sim, "/customers");
      assertThat(c.status()).isEqualTo(500);
      assertThat(c.json()).containsEntry("api_error_code", "internal_error");
      assertThat(get(sim, "/customers").status()).isEqualTo(200);
    }
  }
}
