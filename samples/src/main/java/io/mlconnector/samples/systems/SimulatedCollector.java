package io.mlconnector.samples.systems;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A collector simulator as the offline demo drives it: the settings that point the sample at it,
 * where it delivers webhooks, and what the customers do (pay, pay in part, ask for a refund, dispute).
 */
public interface SimulatedCollector extends AutoCloseable {

  /** The collector's display name, for example {@code Stripe}. */
  String name();

  /** The sample's settings for this simulator, secrets included, for {@code tenant}. */
  Map<String, String> properties(String tenant);

  /** Delivers the tenant's webhooks to {@code url} from now on. */
  void deliverWebhooksTo(URI url);

  /** What is due on the collector's invoice {@code invoiceId}, in minor units. */
  long amountDue(String invoiceId);

  /** The customer pays {@code amount} minor units of {@code invoiceId}; returns the payment's id. */
  String pay(String invoiceId, long amount);

  /** Whether the collector refunds payments. */
  default boolean refunds() {
    return true;
  }

  /** Refunds {@code amount} minor units of payment {@code paymentId}; returns the refund's id. */
  String refund(String paymentId, long amount);

  /** Whether the collector's customers can dispute a payment. */
  default boolean disputes() {
    return false;
  }

  /** The customer disputes payment {@code paymentId}; returns the dispute's id. */
  default String openDispute(String paymentId) {
    throw new UnsupportedOperationException(name() + " has no disputes");
  }

  /** The dispute is closed, won or lost. */
  default void closeDispute(String disputeId, boolean won) {
    throw new UnsupportedOperationException(name() + " has no disputes");
  }

  /** How many webhook deliveries the simulator still has to make (retries included). */
  int pendingDeliveries();

  /** Waits up to {@code timeout} until no webhook delivery is left to make; false when some are. */
  default boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pendingDeliveries() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Stops the simulator. */
  @Override
  void close();
}
