package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.syspro.ArInvoice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
      await(() -> Harness.stripeInvoice(h.app, first).isPresent());
      ArInvoice later = h.seed(2, 3).get(2);
      await(() -> Harness.stripeInvoice(h.app, later).isPresent());
      h.stripe().payInvoice(h.stripeInvoice(later));
      await(() -> h.syspro().invoiceBalance(later.customer(), later.invoice()).signum() == 0);

      assertThat(h.syspro().arPayments()).hasSize(1);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("not reached within 20 s").isLessThan(deadline);
      Harness.pause(50);
    }
  }
}
