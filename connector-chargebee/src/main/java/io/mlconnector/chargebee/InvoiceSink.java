package io.mlconnector.chargebee;

import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Invoices. The stamp is {@code po_number} (the ERP invoice number by default). Chargebee cannot
 * filter invoices by {@code po_number}, so find-by-stamp lists the invoices of the customer the
 * last attempt named (kept in memory) and otherwise scans invoices changed within the look-back,
 * newest first. Each Chargebee request of an operation has its own idempotency key derived from
 * the operation key, good for 30 minutes; beyond that the engine's PENDING intent and this lookup
 * keep the effect exactly-once.
 */
final class InvoiceSink implements Sink<ChargebeeInvoiceRequest> {
  private final ChargebeeClient client;
  private final String tenant;
  private final ChargebeeCollectorOptions options;
  /** The mapping attribute naming the Chargebee invoice collecting now (after re-issues). */
  static final String ATTR_INVOICE = "invoice";

  private final Map<String, String> customerHints = new ConcurrentHashMap<>();
  private final InvoiceChain chain;

  InvoiceSink(ChargebeeClient client, String tenant, ChargebeeCollectorOptions options) {
    this.client = client;
    this.tenant = tenant;
    this.options = options;
    this.chain = new InvoiceChain(client);
  }

  @Override
  public String system() {
    return ChargebeeClient.SYSTEM;
  }

  @Override
  public WriteResult create(ChargebeeInvoiceRequest r, WriteContext ctx) {
    if (r.cancelled()) {
      throw new RejectedException(io.mlconnector.core.error.ErrorDetails.of(ChargebeeClient.SYSTEM, "create invoice")
          .withRemote(null, "invoice " + ctx.source().id() + " was cancelled in the ERP before it reached Chargebee"));
    }
    customerHints.put(ctx.source().key(), r.customerId());
    ChargebeeResource inv;
    if (!r.recurring().isEmpty()) {
      inv = subscribe(r, ctx);
    } else {
      inv = client.post("invoices/create_for_charge_items_and_charges", charges(r), CustomerSink.key(ctx.operationKey(), "i"))
          .get("invoice");
    }
    return result(inv, ctx.operationKey());
  }

  private ChargebeeForm charges(ChargebeeInvoiceRequest r) {
    ChargebeeForm f = ChargebeeForm.create().put("customer_id", r.customerId()).put("currency_code", r.currency())
        .put("po_number", r.poNumber()).put("invoice_note", r.note());
    if (r.invoiceDate() != null) {
      long date = ChargebeeMappers.epochSeconds(r.invoiceDate());
      if (date <= client.nowSeconds()) {
        f.put("invoice_date", date);
      }
    }
    List<ChargebeeInvoiceRequest.Charge> cs = r.charges();
    for (int i = 0; i < cs.size(); i++) {
      f.putList("charges", i, "amount", cs.get(i).amount()).putList("charges", i, "description", cs.get(i).description());
    }
    return f;
  }

  private ChargebeeResource subscribe(ChargebeeInvoiceRequest r, WriteContext ctx) {
    String subId = r.customerId() + options.subscriptionSuffix();
    Optional<ChargebeeResource> existing = client.subscription(subId);
    ChargebeeForm f = ChargebeeForm.create().put("po_number", r.poNumber()).put("invoice_immediately", true);
    List<ChargebeeInvoiceRequest.RecurringItem> items = r.recurring();
    Map<String, Long> current = new java.util.HashMap<>();
    existing.ifPresent(s -> s.list("subscription_items").forEach(
        i -> current.put(i.string("item_price_id"), i.number("quantity", 0))));
    for (int i = 0; i < items.size(); i++) {
      ChargebeeInvoiceRequest.RecurringItem it = items.get(i);
      f.putList("subscription_items", i, "item_price_id", it.itemPriceId())
          .putList("subscription_items", i, "quantity", current.getOrDefault(it.itemPriceId(), 0L) + it.quantity())
          .putList("subscription_items", i, "unit_price", it.unitPrice());
    }
    ChargebeeResponse resp;
    if (existing.isEmpty()) {
      resp = client.post("customers/" + ChargebeeClient.encode(r.customerId()) + "/subscription_for_items",
          f.put("id", subId), CustomerSink.key(ctx.operationKey(), "s"));
    } else {
      resp = client.post("subscriptions/" + ChargebeeClient.encode(subId) + "/update_for_items", f,
          CustomerSink.key(ctx.operationKey(), "s"));
    }
    return resp.find("invoice").orElseThrow(() -> new RejectedException(
        io.mlconnector.core.error.ErrorDetails.of(ChargebeeClient.SYSTEM, "subscription for items")
            .withRemote(null, "Chargebee generated no invoice for " + ctx.source().id())));
  }

  @Override
  public WriteResult update(ExternalRef target, ChargebeeInvoiceRequest r, WriteContext ctx) {
    ChargebeeResource current = chain.current(target.id()).orElse(null);
    if (current == null) {
      return create(r, ctx);
    }
    String path = "invoices/" + ChargebeeClient.encode(current.id());
    String status = current.string("status");
    if (r.cancelled()) {
      if (!"voided".equals(status)) {
        client.post(path + "/void", ChargebeeForm.create().put("comment", "cancelled in the ERP"),
            CustomerSink.key(ctx.operationKey(), "v"));
      }
      return result(target, current.id(), ctx.operationKey());
    }
    boolean same = !"voided".equals(status) && current.number("total", -1) == r.total()
        && r.currency().equals(current.string("currency_code"));
    if (same) {
      if (!r.poNumber().equals(current.string("po_number"))) {
        client.post(path + "/update_details", ChargebeeForm.create().put("po_number", r.poNumber()),
            CustomerSink.key(ctx.operationKey(), "d"));
      }
      return result(target, current.id(), ctx.operationKey());
    }
    if (current.number("amount_paid", 0) > 0) {
      throw new RejectedException(io.mlconnector.core.error.ErrorDetails.of(ChargebeeClient.SYSTEM, "update invoice")
          .withRemote(null, "invoice " + current.id() + " has payments applied in Chargebee; the ERP change of "
              + ctx.source().id() + " needs a credit note there"));
    }
    // Charges of a posted Chargebee invoice cannot be edited: void it and issue a new one.
    if (!"voided".equals(status)) {
      client.post(path + "/void", ChargebeeForm.create().put("comment", "re-issued after an ERP change"),
          CustomerSink.key(ctx.operationKey(), "v"));
    }
    WriteResult issued = create(r, ctx);
    return result(target, issued.target().id(), ctx.operationKey());
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext ctx) {
    String po = options.poNumber().apply(source);
    String hint = customerHints.get(source.key());
    ChargebeeQuery base = ChargebeeQuery.all().limit(100);
    ChargebeeQuery q = hint != null ? base.is("customer_id", hint).sortDesc("date")
        : base.filter("updated_at", "after", client.nowSeconds() - options.findLookback().getSeconds())
            .sortDesc("updated_at");
    String offset = null;
    do {
      ChargebeePage page = client.list("invoices", "invoice", q.offset(offset));
      for (ChargebeeResource inv : page.items()) {
        if (po.equals(inv.string("po_number")) && !"voided".equals(inv.string("status"))) {
          return Optional.of(result(inv, null));
        }
      }
      offset = page.nextOffset();
    } while (offset != null);
    return Optional.empty();
  }

  private WriteResult result(ExternalRef target, String currentId, String operationKey) {
    return new WriteResult(target, Map.of(ATTR_INVOICE, currentId), operationKey);
  }

  private WriteResult result(ChargebeeResource inv, String operationKey) {
    return new WriteResult(ChargebeeCanonical.ref(tenant, ChargebeeCanonical.INVOICE, inv.id()),
        Map.of(ATTR_INVOICE, inv.id(), "po_number", String.valueOf(inv.string("po_number"))), operationKey);
  }
}
