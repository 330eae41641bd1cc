package io.mlconnector.chargebee;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Chargebee invoices that collected one ERP invoice over time: an ERP change voids the invoice
 * and issues a new one with the same {@code po_number} for the same customer. The first is the ID
 * mapping's target (mappings never move); the newest that is not voided is the one collecting now.
 */
final class InvoiceChain {
  private final ChargebeeClient client;

  InvoiceChain(ChargebeeClient client) {
    this.client = client;
  }

  /** Every invoice of the chain {@code invoice} belongs to, oldest first. */
  List<ChargebeeResource> of(ChargebeeResource invoice) {
    String po = invoice.string("po_number");
    if (po == null) {
      return List.of(invoice);
    }
    List<ChargebeeResource> out = new ArrayList<>();
    ChargebeeQuery q = ChargebeeQuery.all().limit(100).is("customer_id", invoice.string("customer_id")).sortAsc("date");
    String offset = null;
    do {
      ChargebeePage page = client.list("invoices", "invoice", q.offset(offset));
      for (ChargebeeResource i : page.items()) {
        if (po.equals(i.string("po_number"))) {
          out.add(i);
        }
      }
      offset = page.nextOffset();
    } while (offset != null);
    if (out.isEmpty()) {
      out.add(invoice);
    }
    out.sort(Comparator.comparingLong((ChargebeeResource i) -> i.number("created_at", i.number("date", 0)))
        .thenComparing(i -> i.number("resource_version", 0)));
    return out;
  }

  /** The invoice collecting now for the chain whose first invoice is {@code targetId}. */
  Optional<ChargebeeResource> current(String targetId) {
    Optional<ChargebeeResource> target = client.invoice(targetId);
    if (target.isEmpty() || !"voided".equals(target.get().string("status"))) {
      return target;
    }
    List<ChargebeeResource> chain = of(target.get());
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (!"voided".equals(chain.get(i).string("status"))) {
        return Optional.of(chain.get(i));
      }
    }
    return target;
  }

  /** The first invoice of the chain {@code invoiceId} belongs to (the mapping's target). */
  String original(String invoiceId) {
    return client.invoice(invoiceId).map(i -> of(i).get(0).id()).orElse(invoiceId);
  }
}
