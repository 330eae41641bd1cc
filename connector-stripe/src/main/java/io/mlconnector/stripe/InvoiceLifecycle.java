package io.mlconnector.stripe;

import com.stripe.StripeClient;
import com.stripe.model.CreditNote;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.CreditNoteCreateParams;
import com.stripe.param.CreditNoteListParams;
import com.stripe.param.InvoiceAddLinesParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.InvoiceUpdateParams;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.MinorUnitsException;
import io.mlconnector.core.model.Money;
import io.mlconnector.stripe.StripeCurrencies.Purpose;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of an invoice the connector issues: the draft, its lines (one {@code add_lines} request
 * or one invoice item each), finalize and send, an ERP change applied by the {@link
 * OpenInvoicePolicy} (the draft redone, a credit note for a decrease, or void and re-issue), and the
 * cancellation (void, or delete a draft). {@link StripeConnector}'s public invoice methods delegate
 * here; every call goes through the connector's error mapping and request budget.
 */
final class InvoiceLifecycle {
  private static final Logger log = LoggerFactory.getLogger(StripeConnector.class);
  private static final long PAGE = StripeConnector.PAGE;

  private final StripeConnector stripe;
  private final StripeConfig config;
  private final StripeClient client;
  /** Starts as configured; turns false for good once Stripe refuses to send a draft. */
  private final AtomicBoolean sendFinalizes;

  InvoiceLifecycle(StripeConnector stripe, StripeClient client) {
    this.stripe = stripe;
    this.config = stripe.config();
    this.client = client;
    this.sendFinalizes = new AtomicBoolean(config.sendFinalizesDrafts());
  }

  /** Issues {@code request} as a new invoice (see {@link StripeConnector#createInvoice}). */
  StripeInvoice create(StripeInvoiceRequest request, String key) {
    return issue(request, key, null, key);
  }

  /**
   * Finishes {@code draftId}, a draft an earlier attempt of operation {@code key} created and left
   * unfinished (a crash, a lost answer), without relying on Stripe's idempotency keys, which Stripe
   * keeps only 24 hours: lines the draft already carries (by their {@code mlc_line} tag, every page
   * of its lines read) are not added again; then it is finalized and sent like a new one. A draft
   * that is no longer a draft is returned as it is.
   */
  StripeInvoice resume(StripeInvoiceRequest request, String key, String draftId) {
    Invoice draft = call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(draftId));
    if (!"draft".equals(draft.getStatus())) {
      return toInvoice(draft);
    }
    List<ItemPlan> plan = planItems(request);
    java.util.Set<String> present = linesPresent(draftId, request.sourceRef());
    List<ItemPlan> missing = plan.stream().filter(i -> !present.contains(i.lineTag)).toList();
    log.info("stripe draft {} of {} resumed: {} of {} lines to add", draftId, request.sourceRef(), missing.size(), plan.size());
    if (!missing.isEmpty()) {
      // keys of their own: the first attempt's keys may have expired, or replay another payload
      addItems(draft, request, missing, key + "/resume");
    }
    return finalizeAndSend(draftId, key, request.total().isPositive());
  }

  /** The {@code mlc_line} tags of {@code sourceRef}'s lines on an invoice, every page. */
  private java.util.Set<String> linesPresent(String invoiceId, String sourceRef) {
    java.util.Set<String> present = new java.util.HashSet<>();
    String after = null;
    boolean more = true;
    while (more) {
      com.stripe.param.InvoiceLineItemListParams.Builder p = com.stripe.param.InvoiceLineItemListParams.builder().setLimit(100L);
      if (after != null) {
        p.setStartingAfter(after);
      }
      com.stripe.model.StripeCollection<InvoiceLineItem> page =
          call("GET /v1/invoices/{id}/lines", () -> client.v1().invoices().lineItems().list(invoiceId, p.build()));
      for (InvoiceLineItem line : page.getData()) {
        after = line.getId();
        Map<String, String> md = line.getMetadata();
        if (md != null && sourceRef.equals(md.get(StripeMetadata.SOURCE_REF)) && md.get(StripeMetadata.LINE) != null) {
          present.add(md.get(StripeMetadata.LINE));
        }
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    return present;
  }

  private StripeInvoice issue(StripeInvoiceRequest request, String key, @Nullable StripeInvoice replaces, String operationKey) {
    List<ItemPlan> plan = planItems(request);
    Map<String, String> md = stamp(request.sourceRef(), request.sourceVersion(), request.metadata(), operationKey);
    if (replaces != null) {
      md.put(StripeMetadata.REPLACES, replaces.id());
      md.put(StripeMetadata.ORIGINAL, replaces.originalId());
    }
    InvoiceCreateParams.Builder p =
        InvoiceCreateParams.builder()
            .setCustomer(request.customerId())
            .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
            .setDaysUntilDue((long) request.daysUntilDue())
            .setCurrency(request.currency())
            .setAutoAdvance(false)
            .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
            .putAllMetadata(md);
    if (request.description() != null) {
      p.setDescription(request.description());
    }
    Invoice draft = call("POST /v1/invoices", () -> client.v1().invoices().create(p.build(), options(key + "/invoice")));
    addItems(draft, request, plan, key);
    return finalizeAndSend(draft.getId(), key, request.total().isPositive());
  }

  /**
   * Issues a draft: one {@code send} that finalizes it on the way when {@link
   * StripeConfig#sendFinalizesDrafts()} holds (and the invoice has something to collect), else
   * {@code finalize} and then {@code send}. Keys: {@code <key>/send} for the send of the draft,
   * {@code <key>/finalize} and {@code <key>/send/finalized} for the two-step path, so a repeat after
   * a failure replays whichever path ran.
   */
  private StripeInvoice finalizeAndSend(String invoiceId, String key, boolean amountDue) {
    Invoice inv;
    if (config.sendInvoices() && amountDue && sendFinalizes.get()) {
      inv = sendDraft(invoiceId, key);
    } else {
      inv = call("POST /v1/invoices/{id}/finalize", () -> client.v1().invoices().finalizeInvoice(invoiceId, options(key + "/finalize")));
      if (config.sendInvoices() && "open".equals(inv.getStatus())) {
        inv = sendFinalized(invoiceId, key);
      }
    }
    StripeInvoice out = toInvoice(inv);
    log.debug("stripe invoice {} for {} is {} as {}", out.id(), out.sourceRef(), out.status(), out.number());
    return out;
  }

  private Invoice sendDraft(String invoiceId, String key) {
    try {
      return call("POST /v1/invoices/{id}/send", () -> client.v1().invoices().sendInvoice(invoiceId, options(key + "/send")));
    } catch (io.mlconnector.core.error.RejectedException refused) {
      // Either Stripe does not finalize a draft it is asked to send, or sending failed for a reason
      // of its own; the invoice's status tells which.
      Invoice now = call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId));
      if ("draft".equals(now.getStatus())) {
        Invoice open =
            call("POST /v1/invoices/{id}/finalize", () -> client.v1().invoices().finalizeInvoice(invoiceId, options(key + "/finalize")));
        Invoice sent = "open".equals(open.getStatus()) ? sendFinalized(invoiceId, key) : open;
        if (sendFinalizes.compareAndSet(true, false)) {
          log.warn("stripe refused to send draft invoice {} ({}); finalizing invoices explicitly from now on"
              + " (StripeConfig.sendFinalizesDrafts(false) skips the attempt)", invoiceId, refused.getMessage());
        }
        return sent;
      }
      if ("open".equals(now.getStatus())) {
        // finalized by an earlier attempt of this operation (or by the refused send itself)
        return sendFinalized(invoiceId, key);
      }
      return now;
    }
  }

  private Invoice sendFinalized(String invoiceId, String key) {
    return call("POST /v1/invoices/{id}/send", () -> client.v1().invoices().sendInvoice(invoiceId, options(key + "/send/finalized")));
  }

  private void addItems(Invoice draft, StripeInvoiceRequest request, List<ItemPlan> plan, String key) {
    String invoiceId = draft.getId();
    if (config.taxMode() == TaxMode.AS_TAX_AMOUNTS || config.lineMode() == InvoiceLineMode.ADD_LINES) {
      addLines(draft, request, plan, key);
      return;
    }
    for (int i = 0; i < plan.size(); i++) {
      ItemPlan item = plan.get(i);
      InvoiceItemCreateParams.Builder p =
          InvoiceItemCreateParams.builder()
              .setCustomer(request.customerId())
              .setInvoice(invoiceId)
              .setCurrency(request.currency())
              .setDescription(item.description)
              .setMetadata(Map.of(StripeMetadata.SOURCE_REF, request.sourceRef(), StripeMetadata.LINE, item.lineTag));
      if (item.quantity != null) {
        p.setQuantity(item.quantity).setUnitAmountDecimal(item.unitAmountDecimal);
      } else {
        p.setAmount(item.amount);
      }
      String itemKey = key + "/item/" + i;
      call("POST /v1/invoiceitems", () -> client.v1().invoiceItems().create(p.build(), options(itemKey)));
    }
  }

  /**
   * All lines in one {@code add_lines} request keyed {@code <key>/lines}: a retry after a lost answer
   * replays Stripe's stored response instead of adding the lines again. Lines whose {@code
   * mlc_line} tag the draft already carries (as the draft object at hand shows them) are left out,
   * so a draft that already holds them is never given a second copy.
   */
  private void addLines(Invoice draft, StripeInvoiceRequest request, List<ItemPlan> plan, String key) {
    String invoiceId = draft.getId();
    java.util.Set<String> present = new java.util.HashSet<>();
    if (draft.getLines() != null && draft.getLines().getData() != null) {
      for (InvoiceLineItem line : draft.getLines().getData()) {
        Map<String, String> md = line.getMetadata();
        if (md != null && request.sourceRef().equals(md.get(StripeMetadata.SOURCE_REF)) && md.get(StripeMetadata.LINE) != null) {
          present.add(md.get(StripeMetadata.LINE));
        }
      }
    }
    InvoiceAddLinesParams.Builder p = InvoiceAddLinesParams.builder();
    int added = 0;
    for (ItemPlan item : plan) {
      if (present.contains(item.lineTag)) {
        continue;
      }
      InvoiceAddLinesParams.Line.Builder l =
          InvoiceAddLinesParams.Line.builder()
              .setAmount(item.amount)
              .setDescription(item.description)
              .setMetadata(Map.of(StripeMetadata.SOURCE_REF, request.sourceRef(), StripeMetadata.LINE, item.lineTag));
      if (item.quantity != null) {
        l.setQuantity(item.quantity);
      }
      if (item.taxAmount != null) {
        InvoiceAddLinesParams.Line.TaxAmount.TaxRateData.Builder rate =
            InvoiceAddLinesParams.Line.TaxAmount.TaxRateData.builder()
                .setDisplayName(item.taxLabel)
                .setInclusive(false)
                .setPercentage(item.taxRate);
        l.addTaxAmount(
            InvoiceAddLinesParams.Line.TaxAmount.builder()
                .setAmount(item.taxAmount)
                .setTaxableAmount(item.amount)
                .setTaxRateData(rate.build())
                .build());
      }
      p.addLine(l.build());
      added++;
    }
    if (added == 0) {
      log.debug("stripe draft {} already holds all {} lines of {}", invoiceId, plan.size(), request.sourceRef());
      return;
    }
    call("POST /v1/invoices/{id}/add_lines", () -> client.v1().invoices().addLines(invoiceId, p.build(), options(key + "/lines")));
  }

  /** One invoice item to create, amounts in minor units. */
  private static final class ItemPlan {
    @Nullable String description;
    @Nullable String lineTag;
    long amount;
    @Nullable Long quantity;
    @Nullable BigDecimal unitAmountDecimal;
    @Nullable Long taxAmount;
    @Nullable String taxLabel;
    @Nullable BigDecimal taxRate;
  }

  private List<ItemPlan> planItems(StripeInvoiceRequest request) {
    StripeCurrencies cur = config.currencies();
    String ccy = request.currency();
    int exponent = cur.exponent(ccy);
    List<ItemPlan> plan = new ArrayList<>();
    List<ItemPlan> taxes = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      StripeInvoiceLine line = request.lines().get(i);
      ItemPlan item = new ItemPlan();
      item.lineTag = Integer.toString(i);
      item.amount = minor(line.amount(), Purpose.INVOICE, "lines[" + i + "].amount");
      item.description = line.description();
      BigDecimal q = line.quantity();
      if (q != null && line.unitPrice() != null && config.taxMode() == TaxMode.AS_LINES) {
        boolean wholeQuantity = q.stripTrailingZeros().scale() <= 0;
        BigDecimal unitMinor = line.unitPrice().amount().movePointRight(exponent).stripTrailingZeros();
        if (wholeQuantity
            && unitMinor.scale() <= 12
            && unitMinor.multiply(q).compareTo(BigDecimal.valueOf(item.amount)) == 0) {
          item.quantity = q.longValueExact();
          item.unitAmountDecimal = unitMinor.scale() < 0 ? unitMinor.setScale(0) : unitMinor;
        }
      }
      if (item.quantity == null && q != null && q.compareTo(BigDecimal.ONE) != 0) {
        String price = line.unitPrice() == null ? "" : " x " + line.unitPrice().amount().toPlainString();
        item.description = line.description() + " (" + q.stripTrailingZeros().toPlainString() + price + ")";
      }
      if (line.hasTax()) {
        long tax = minor(line.taxAmount(), Purpose.INVOICE, "lines[" + i + "].taxAmount");
        String label = line.taxLabel() != null ? line.taxLabel() : "Tax";
        if (config.taxMode() == TaxMode.AS_TAX_AMOUNTS) {
          if (line.taxRatePercent() == null) {
            throw new IllegalArgumentException("lines[" + i + "].taxRatePercent is required with TaxMode.AS_TAX_AMOUNTS");
          }
          item.taxAmount = tax;
          item.taxLabel = label;
          item.taxRate = line.taxRatePercent();
        } else {
          ItemPlan t = new ItemPlan();
          t.lineTag = "tax:" + i;
          t.amount = tax;
          t.description = label + " on " + line.description();
          taxes.add(t);
        }
      }
      plan.add(item);
    }
    plan.addAll(taxes);
    Money total = request.total();
    if (total.isNegative()) {
      throw new IllegalArgumentException("invoice total " + total + " is negative; issue a credit note in the ERP instead");
    }
    // the invoice is paid through a PaymentIntent: its total must be a valid payment amount
    minor(total, Purpose.PAYMENT, "invoice total (collected as a payment)");
    return plan;
  }

  private long minor(Money amount, Purpose purpose, String what) {
    try {
      return config.currencies().toMinorUnits(amount, purpose);
    } catch (MinorUnitsException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  /** Applies an ERP change to an issued invoice (see {@link StripeConnector#changeInvoice}). */
  InvoiceChange changeInvoice(String invoiceId, StripeInvoiceRequest request, String idempotencyKey) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    Invoice current = call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId));
    StripeInvoice cur = toInvoice(current);
    if (request.sourceVersion() != null && request.sourceVersion().equals(cur.sourceVersion()) && !cur.isDraft()) {
      return new InvoiceChange(InvoiceChange.Outcome.UNCHANGED, cur, null, null);
    }
    if (cur.isPaid()) {
      throw conflict("invoice " + invoiceId + " (" + cur.number() + ") is paid; the ERP change of " + request.sourceRef() + " needs a person");
    }
    if (cur.isVoid()) {
      throw conflict("invoice " + invoiceId + " is void; the ERP change of " + request.sourceRef() + " needs a person");
    }
    if (cur.isDraft()) {
      return new InvoiceChange(InvoiceChange.Outcome.UPDATED_DRAFT, redoDraft(cur, request, key), null, null);
    }
    // open or uncollectible
    if (!cur.currency().equals(request.currency()) || !cur.customerId().equals(request.customerId())) {
      return reissue(cur, request, key);
    }
    // Stripe credits only open (or paid) invoices: an uncollectible one is voided and re-issued
    if (config.openInvoicePolicy() == OpenInvoicePolicy.CREDIT_NOTE_FOR_DECREASE && "open".equals(cur.status())) {
      List<ItemPlan> plan = planItems(request);
      long newTotal = plan.stream().mapToLong(p -> p.amount + (p.taxAmount == null ? 0 : p.taxAmount)).sum();
      // what the invoice asks for now: its total less the credit notes already issued against it
      long credited = nz(current.getPrePaymentCreditNotesAmount());
      long remaining = current.getAmountRemaining() != null ? current.getAmountRemaining() : cur.amountDue() - cur.amountPaid();
      long decrease = cur.total() - credited - newTotal;
      CreditNote note = credited > 0 ? creditNoteOf(invoiceId, request) : null;
      if (note == null && decrease > 0 && decrease <= remaining) {
        CreditNoteCreateParams p =
            CreditNoteCreateParams.builder()
                .setInvoice(invoiceId)
                .addLine(
                    CreditNoteCreateParams.Line.builder()
                        .setType(CreditNoteCreateParams.Line.Type.CUSTOM_LINE_ITEM)
                        .setDescription("Adjustment from " + request.sourceRef())
                        .setQuantity(1L)
                        .setUnitAmount(decrease)
                        .build())
                .setMemo(request.description())
                .putMetadata(StripeMetadata.SOURCE_REF, request.sourceRef())
                .putMetadata(StripeMetadata.TENANT, config.tenant())
                .putMetadata(StripeMetadata.SOURCE_VERSION, request.sourceVersion() == null ? "" : request.sourceVersion())
                .putMetadata(StripeMetadata.OPERATION, key)
                .build();
        note = call("POST /v1/credit_notes", () -> client.v1().creditNotes().create(p, options(key + "/credit-note")));
      }
      if (note != null) {
        CreditNote issuedNote = note;
        Invoice after =
            call(
                "POST /v1/invoices/{id}",
                () ->
                    client.v1().invoices().update(
                        invoiceId,
                        InvoiceUpdateParams.builder()
                            .putMetadata(StripeMetadata.SOURCE_VERSION, request.sourceVersion() == null ? "" : request.sourceVersion())
                            .putMetadata(StripeMetadata.OPERATION, key)
                            .build(),
                        options(key + "/stamp")));
        return new InvoiceChange(InvoiceChange.Outcome.CREDITED, toInvoice(after), null, issuedNote.getId());
      }
    }
    return reissue(cur, request, key);
  }

  /**
   * The issued credit note an earlier attempt of this ERP version left on the invoice (its answer
   * lost before the invoice was stamped), or null: repeating the change then only stamps.
   */
  private @Nullable CreditNote creditNoteOf(String invoiceId, StripeInvoiceRequest request) {
    if (request.sourceVersion() == null) {
      return null;
    }
    StripeCollection<CreditNote> notes =
        call("GET /v1/credit_notes", () -> client.v1().creditNotes().list(CreditNoteListParams.builder().setInvoice(invoiceId).setLimit(100L).build()));
    for (CreditNote n : notes.getData()) {
      Map<String, String> md = n.getMetadata() == null ? Map.of() : n.getMetadata();
      if ("issued".equals(n.getStatus())
          && request.sourceRef().equals(md.get(StripeMetadata.SOURCE_REF))
          && request.sourceVersion().equals(md.get(StripeMetadata.SOURCE_VERSION))) {
        return n;
      }
    }
    return null;
  }

  private InvoiceChange reissue(StripeInvoice cur, StripeInvoiceRequest request, String key) {
    if (cur.amountPaid() > 0) {
      throw conflict("invoice " + cur.id() + " (" + cur.number() + ") is partly paid (" + cur.amountPaid() + " of " + cur.total()
          + " minor units) and cannot be voided; the ERP change of " + request.sourceRef() + " needs a person");
    }
    call("POST /v1/invoices/{id}/void", () -> client.v1().invoices().voidInvoice(cur.id(), options(key + "/void")));
    StripeInvoice fresh = issue(request, key + "/reissue", cur, key);
    log.info("stripe invoice {} voided and re-issued as {} for {}", cur.id(), fresh.id(), request.sourceRef());
    return new InvoiceChange(InvoiceChange.Outcome.REISSUED, fresh, cur.id(), null);
  }

  private StripeInvoice redoDraft(StripeInvoice cur, StripeInvoiceRequest request, String key) {
    List<ItemPlan> plan = planItems(request);
    // remove the draft's current items (DELETE is idempotent by nature; a 404 means already gone)
    String after = null;
    List<String> itemIds = new ArrayList<>();
    boolean more = true;
    while (more) {
      InvoiceItemListParams.Builder p = InvoiceItemListParams.builder().setInvoice(cur.id()).setLimit(PAGE);
      if (after != null) {
        p.setStartingAfter(after);
      }
      StripeCollection<InvoiceItem> page = call("GET /v1/invoiceitems", () -> client.v1().invoiceItems().list(p.build()));
      for (InvoiceItem ii : page.getData()) {
        itemIds.add(ii.getId());
        after = ii.getId();
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    for (String id : itemIds) {
      try {
        call("DELETE /v1/invoiceitems/{id}", () -> client.v1().invoiceItems().delete(id));
      } catch (NotFoundException gone) {
        log.debug("invoice item {} already deleted", id);
      }
    }
    InvoiceUpdateParams.Builder u =
        InvoiceUpdateParams.builder()
            .setDaysUntilDue((long) request.daysUntilDue())
            .putAllMetadata(stamp(request.sourceRef(), request.sourceVersion(), request.metadata(), key));
    if (request.description() != null) {
      u.setDescription(request.description());
    }
    Invoice updated =
        call("POST /v1/invoices/{id}", () -> client.v1().invoices().update(cur.id(), u.build(), options(key + "/draft")));
    addItems(updated, request, plan, key);
    return finalizeAndSend(cur.id(), key, request.total().isPositive());
  }

  /** Cancels the Stripe side of an ERP invoice cancellation (see {@link StripeConnector#cancelInvoice}). */
  StripeInvoice cancelInvoice(String invoiceId, String idempotencyKey) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    StripeInvoice cur = retrieveInvoice(invoiceId);
    if (cur.isVoid()) {
      return cur;
    }
    if (cur.isPaid()) {
      throw conflict("invoice " + invoiceId + " (" + cur.number() + ") is paid and cannot be voided; the ERP cancellation needs a person");
    }
    if (cur.amountPaid() > 0 && !cur.isDraft()) {
      throw conflict("invoice " + invoiceId + " (" + cur.number() + ") is partly paid (" + cur.amountPaid() + " of " + cur.total()
          + " minor units) and cannot be voided; the ERP cancellation needs a person");
    }
    if (cur.isDraft()) {
      call("DELETE /v1/invoices/{id}", () -> client.v1().invoices().delete(invoiceId));
      return new StripeInvoice(
          cur.id(), cur.customerId(), "deleted", null, null, cur.currency(), cur.total(), cur.amountDue(), cur.amountPaid(),
          cur.sourceRef(), cur.sourceVersion(), cur.operationKey(), cur.created(), cur.originalId());
    }
    return toInvoice(call("POST /v1/invoices/{id}/void", () -> client.v1().invoices().voidInvoice(invoiceId, options(key + "/void"))));
  }

  // ------------------------------------------------------------------- the connector's plumbing

  private <T> T call(String operation, StripeConnector.StripeCall<T> c) {
    return stripe.call(operation, c);
  }

  private static RequestOptions options(String idempotencyKey) {
    return StripeConnector.options(idempotencyKey);
  }

  private Map<String, String> stamp(String sourceRef, String sourceVersion, Map<String, String> extra, String operationKey) {
    return stripe.stamp(sourceRef, sourceVersion, extra, operationKey);
  }

  private ConflictException conflict(String message) {
    return stripe.conflict(message);
  }

  private StripeInvoice retrieveInvoice(String invoiceId) {
    return stripe.retrieveInvoice(invoiceId);
  }

  private static StripeInvoice toInvoice(Invoice i) {
    return StripeConnector.toInvoice(i);
  }

  private static long nz(@Nullable Long v) {
    return StripeConnector.nz(v);
  }
}
