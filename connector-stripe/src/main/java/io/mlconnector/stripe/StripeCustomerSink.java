package io.mlconnector.stripe;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's sink for customers: creates and updates Stripe customers with the operation key as
 * idempotency key, stamped with the source ref ({@link StripeMetadata#SOURCE_REF}) and the
 * operation key ({@link StripeMetadata#OPERATION}); {@link #findByStamp} uses the connector's
 * {@link StampLookup}. Targets are refs of type {@code customer}.
 */
public final class StripeCustomerSink implements Sink<StripeCustomerRequest> {
  private final StripeConnector stripe;

  /**
   * A sink writing through {@code stripe} (one tenant).
   *
   * @param stripe the tenant's connector
   */
  public StripeCustomerSink(StripeConnector stripe) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
  }

  @Override
  public String system() {
    return StripeCanonical.SYSTEM;
  }

  @Override
  public WriteResult create(StripeCustomerRequest record, WriteContext context) {
    checkStamp(record, context);
    return result(stripe.createCustomer(record, context.operationKey()));
  }

  @Override
  public WriteResult update(ExternalRef target, StripeCustomerRequest record, WriteContext context) {
    checkStamp(record, context);
    return result(stripe.updateCustomer(target.id(), record, context.operationKey()));
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    return stripe.findCustomerBySourceRef(source.key()).map(this::result);
  }

  /** The customer as it stands in Stripe, as a request, for the engine's reconciliation. */
  @Override
  public Optional<StripeCustomerRequest> read(ExternalRef target) {
    return stripe.readCustomerRequest(target.id());
  }

  private WriteResult result(StripeCustomer c) {
    return new WriteResult(ExternalRef.of(StripeCanonical.SYSTEM, stripe.config().tenant(), "customer", c.id()), null, c.operationKey());
  }

  static void checkStamp(String sourceRef, WriteContext context) {
    if (!sourceRef.equals(context.source().key())) {
      throw new IllegalArgumentException(
          "record is stamped with " + sourceRef + " but is written for " + context.source().key());
    }
  }

  private static void checkStamp(StripeCustomerRequest record, WriteContext context) {
    Objects.requireNonNull(record, "record");
    checkStamp(record.sourceRef(), context);
  }

  @Override
  public String toString() {
    return "StripeCustomerSink{" + stripe.config().tenant() + '}';
  }
}
