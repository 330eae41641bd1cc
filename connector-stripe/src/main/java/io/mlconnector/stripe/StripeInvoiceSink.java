package io.mlconnector.stripe;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's sink for invoices collected through Stripe.
 *
 * <ul>
 *   <li>create: {@link StripeConnector#createInvoice} with the operation key (draft, lines, and a
 *       send that finalizes it, each step keyed);
 *   <li>update: {@link StripeConnector#changeInvoice} on the chain's current invoice (draft: new
 *       lines; open: the configured {@link OpenInvoicePolicy}; paid: {@link
 *       io.mlconnector.core.error.ConflictException}, parked for a person), or {@link
 *       StripeConnector#cancelInvoice} for a cancelled ERP invoice;
 *   <li>findByStamp: {@link StripeConnector#findInvoiceBySourceRef}. A <em>draft</em> left by the
 *       very operation being resolved is reported as not found, so the engine writes again with the
 *       same key and Stripe's idempotency replays the steps that landed (within Stripe's 24-hour
 *       key window); a draft from an earlier operation is returned, so the engine adopts and updates it.
 * </ul>
 *
 * <p>A mapping never moves to another target, so the target stays the <em>first</em> Stripe invoice
 * issued for the ERP invoice; after a void-and-re-issue the attribute {@code invoice} names the
 * current one (found again through {@link StripeMetadata#ORIGINAL}), and payments on it are applied
 * to the first id by {@link StripeSources}, so the ERP side resolves them through the same mapping.
 *
 * <p>Attributes saved with the mapping: {@code invoice}, {@code number}, {@code hosted_invoice_url},
 * {@code status} of the current invoice and, after a re-issue, {@code replaces}.
 */
public final class StripeInvoiceSink implements Sink<StripeInvoiceRequest> {
  /** Mapping attribute: Stripe's invoice number. */
  public static final String ATTR_NUMBER = "number";
  /** Mapping attribute: the hosted invoice page. */
  public static final String ATTR_HOSTED_URL = "hosted_invoice_url";
  /** Mapping attribute: the invoice status after the write. */
  public static final String ATTR_STATUS = "status";
  /** Mapping attribute: the voided invoice a re-issued one replaces. */
  public static final String ATTR_REPLACES = "replaces";
  /** Mapping attribute: the credit note issued for a decrease. */
  public static final String ATTR_CREDIT_NOTE = "credit_note";
  /** Mapping attribute: the current Stripe invoice (differs from the target after a re-issue). */
  public static final String ATTR_INVOICE = "invoice";

  private final StripeConnector stripe;

  /**
   * The Stripe invoice currently collecting the ERP invoice of {@code mapping}: the mapping's
   * target, or after a void-and-re-issue the invoice its {@link #ATTR_INVOICE} attribute names.
   *
   * @param mapping the engine's mapping of the ERP invoice to Stripe
   * @return the Stripe invoice id ({@code in_...})
   */
  public static String currentInvoice(io.mlconnector.core.state.Mapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    return mapping.attributes().getOrDefault(ATTR_INVOICE, mapping.target().id());
  }

  /** Drafts findByStamp found unfinished, by operation key, for the create that follows it. */
  private final java.util.concurrent.ConcurrentMap<String, String> unfinishedDrafts = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A sink writing through {@code stripe} (one tenant).
   *
   * @param stripe the tenant's connector
   */
  public StripeInvoiceSink(StripeConnector stripe) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
  }

  @Override
  public String system() {
    return StripeCanonical.SYSTEM;
  }

  @Override
  public WriteResult create(StripeInvoiceRequest record, WriteContext context) {
    Objects.requireNonNull(record, "record");
    StripeCustomerSink.checkStamp(record.sourceRef(), context);
    if (record.cancelled()) {
      throw new RejectedException(
          ErrorDetails.of(StripeCanonical.SYSTEM, "invoice create")
              .withRemote("cancelled_before_issue", record.sourceRef() + " was cancelled in the ERP before it was issued in Stripe"));
    }
    String draft = unfinishedDrafts.remove(context.operationKey());
    if (draft != null) {
      return result(stripe.resumeInvoice(record, context.operationKey(), draft), Map.of());
    }
    return result(stripe.createInvoice(record, context.operationKey()), Map.of());
  }

  @Override
  public WriteResult update(ExternalRef target, StripeInvoiceRequest record, WriteContext context) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(record, "record");
    StripeCustomerSink.checkStamp(record.sourceRef(), context);
    StripeInvoice current = stripe.currentInvoice(target.id());
    if (record.cancelled()) {
      return result(stripe.cancelInvoice(current.id(), context.operationKey()), Map.of());
    }
    InvoiceChange change = stripe.changeInvoice(current.id(), record, context.operationKey());
    Map<String, String> extra = new HashMap<>();
    if (change.replacedInvoiceId() != null) {
      extra.put(ATTR_REPLACES, change.replacedInvoiceId());
    }
    if (change.creditNoteId() != null) {
      extra.put(ATTR_CREDIT_NOTE, change.creditNoteId());
    }
    return result(change.invoice(), extra);
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    Optional<StripeInvoice> found = stripe.findInvoiceBySourceRef(source.key(), null);
    if (found.isPresent() && found.get().isDraft() && context.operationKey().equals(found.get().operationKey())) {
      // this operation's own draft, left unfinished: the create that follows finishes it rather
      // than repeating the draft's POST, whose idempotency key Stripe forgets after 24 hours
      unfinishedDrafts.put(context.operationKey(), found.get().id());
      return Optional.empty();
    }
    return found.map(i -> result(i, Map.of()));
  }

  private WriteResult result(StripeInvoice invoice, Map<String, String> extra) {
    Map<String, String> attributes = new HashMap<>(extra);
    if (invoice.number() != null) {
      attributes.put(ATTR_NUMBER, invoice.number());
    }
    if (invoice.hostedInvoiceUrl() != null) {
      attributes.put(ATTR_HOSTED_URL, invoice.hostedInvoiceUrl());
    }
    attributes.put(ATTR_STATUS, invoice.status());
    attributes.put(ATTR_INVOICE, invoice.id());
    return new WriteResult(
        ExternalRef.of(StripeCanonical.SYSTEM, stripe.config().tenant(), "invoice", invoice.originalId()), attributes, invoice.operationKey());
  }

  @Override
  public String toString() {
    return "StripeInvoiceSink{" + stripe.config().tenant() + '}';
  }
}
