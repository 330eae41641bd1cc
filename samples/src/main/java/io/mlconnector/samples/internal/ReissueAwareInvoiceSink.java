package io.mlconnector.samples.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeInvoice;
import io.mlconnector.stripe.StripeInvoiceRequest;
import io.mlconnector.stripe.StripeInvoiceSink;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * connector-stripe's invoice sink, keeping the engine's mapping on the first Stripe invoice issued
 * for an ERP invoice and naming the invoice currently collecting in the mapping attribute {@value
 * #ATTR_CURRENT}.
 *
 * <p>Why: when an open invoice changes, connector-stripe voids it and issues a new one, and returns
 * the new invoice as the write's target; the engine's state store cannot move an existing mapping
 * to another target, so it would park the change. Here the mapping keeps its first target, the
 * change is applied to whichever invoice currently carries the ERP invoice's stamp, and the
 * attribute says which one that is.
 */
public final class ReissueAwareInvoiceSink implements Sink<StripeInvoiceRequest> {
  /** Mapping attribute: the Stripe invoice currently collecting the ERP invoice. */
  public static final String ATTR_CURRENT = "current_invoice";

  private final StripeConnector stripe;
  private final StripeInvoiceSink delegate;

  /** A sink writing through {@code stripe}. */
  public ReissueAwareInvoiceSink(StripeConnector stripe) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.delegate = new StripeInvoiceSink(stripe);
  }

  /** The Stripe invoice id currently collecting the ERP invoice of {@code attributes}' mapping. */
  public static String current(ExternalRef target, Map<String, String> attributes) {
    return attributes.getOrDefault(ATTR_CURRENT, target.id());
  }

  @Override
  public String system() {
    return delegate.system();
  }

  @Override
  public WriteResult create(StripeInvoiceRequest record, WriteContext context) {
    return withCurrent(delegate.create(record, context), null);
  }

  @Override
  public WriteResult update(ExternalRef target, StripeInvoiceRequest record, WriteContext context) {
    String current = target.id();
    StripeInvoice anchor = stripe.retrieveInvoice(target.id());
    if (anchor.isVoid()) {
      Optional<StripeInvoice> now = stripe.findInvoiceBySourceRef(record.sourceRef(), null);
      if (now.isPresent()) {
        current = now.get().id();
      }
    }
    WriteResult r = delegate.update(target.withId(current), record, context);
    return withCurrent(r, target);
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    return delegate.findByStamp(source, context).map(r -> withCurrent(r, null));
  }

  private static WriteResult withCurrent(WriteResult r, ExternalRef anchor) {
    Map<String, String> attributes = new HashMap<>(r.attributes());
    attributes.put(ATTR_CURRENT, r.target().id());
    return new WriteResult(anchor == null ? r.target() : anchor, attributes, r.operationKey());
  }
}
