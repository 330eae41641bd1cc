package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.testkit.syspro.ArInvoice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.awaitility.core.ThrowingRunnable;

/**
 * On the engine's own scheduler, an invoice posted in SYSPRO reaches Stripe, and its payment
 * SYSPRO, within a poll interval or two, with no call from the host.
 */
class ScheduledRunTest {

  @Test
  void theStartedEngineSyncsBothWaysOnItsOwn() {
    try (Harness h = new Harness(s -> s, Map.of("poll.interval", "PT0.3S"))) {
      List<ArInvoice> invoices = h.seed(2, 2);
      h.app.sync().engine().start();

      ArInvoice first = invoices.get(0);
      within20s(() -> assertThat(Harness.stripeInvoice(h.app, first)).isPresent());
      ArInvoice later = h.seed(2, 3).get(2);
      within20s(() -> assertThat(Harness.stripeInvoice(h.app, later)).isPresent());
      h.stripe().payInvoice(h.stripeInvoice(later));
      within20s(() -> assertThat(h.syspro().invoiceBalance(later.customer(), later.invoice())).isZero());

      assertThat(h.syspro().arPayments()).hasSize(1);
    }
  }

  private static void within20s(ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion);
  }
}
