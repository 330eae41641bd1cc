package io.mlconnector.testkit.stripe.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/credit_notes} with Stripe's rules: a credit note adjusts a finalized invoice that is
 * {@code open} (a {@code pre_payment} note: it lowers {@code amount_due} and {@code
 * amount_remaining}, and an invoice credited down to zero is marked paid) or {@code paid} (a {@code
 * post_payment} note: the amount goes back as a refund, a customer-balance credit or "out of band",
 * and the three must add up to the note's amount). A note never exceeds what is left to credit:
 * the amount remaining of an open invoice, the amount paid less earlier post-payment notes of a
 * paid one. Drafts, void and uncollectible invoices are refused. Voiding a note gives the credit
 * back to an open invoice.
 */
final class CreditNoteApi {
  private static final Set<String> REASONS =
      Set.of("duplicate", "fraudulent", "order_change", "product_unsatisfactory");

  private final Store store;
  private final InvoiceApi invoices;
  private PaymentApi payments;

  CreditNoteApi(Store store, InvoiceApi invoices) {
    this.store = store;
    this.invoices = invoices;
  }

  void payments(PaymentApi payments) {
    this.payments = payments;
  }

  @Nullable Map<String, Object> route(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() < 2 || !path.get(1).equals("credit_notes")) {
      return null;
    }
    if (path.size() == 2) {
      return switch (method) {
        case "POST" -> store.render(create(ctx, p), p.expand());
        case "GET" -> list(p);
        default -> null;
      };
    }
    Map<String, Object> note = store.require("credit_note", path.get(2));
    if (path.size() == 3) {
      switch (method) {
        case "GET":
          p.allow();
          return store.render(note, p.expand());
        case "POST":
          p.allow("memo", "metadata");
          return store.render(update(ctx, note, p), p.expand());
        default:
          return null;
      }
    }
    if (path.size() == 4 && path.get(3).equals("lines") && method.equals("GET")) {
      p.allow("limit", "starting_after", "ending_before");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) note.get("lines")).get("data");
      return store.list(new ArrayList<>(lines), false, "/v1/credit_notes/" + note.get("id") + "/lines", p.expand());
    }
    if (path.size() == 4 && path.get(3).equals("void") && method.equals("POST")) {
      p.allow();
      return store.render(voidNote(ctx, note), p.expand());
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> create(Ctx ctx, Params p) {
    p.allow("invoice", "lines", "amount", "credit_amount", "refund_amount", "out_of_band_amount", "memo",
        "metadata", "reason", "effective_at", "email_type");
    String invoiceId = p.requireString("invoice");
    Map<String, Object> inv = store.ref("invoice", invoiceId, "invoice");
    String status = (String) inv.get("status");
    boolean open = status.equals("open");
    if (!open && !status.equals("paid")) {
      throw ApiError.state(InvoiceApi.NOT_EDITABLE, "Credit notes can only be issued for invoices that are open or paid; invoice "
          + invoiceId + " is " + status + ".");
    }
    String reason = p.string("reason");
    if (reason != null && !REASONS.contains(reason)) {
      throw ApiError.invalid(null, "reason",
          "Invalid reason: must be one of duplicate, fraudulent, order_change or product_unsatisfactory");
    }
    String currency = (String) inv.get("currency");
    String noteId = store.newId("cn");
    List<Map<String, Object>> lines = new ArrayList<>();
    long total = 0;
    Object rawLines = p.raw("lines");
    if (rawLines != null && !"".equals(rawLines)) {
      if (!(rawLines instanceof List<?> list)) {
        throw ApiError.invalid(null, "lines", "Invalid array: lines must be a list of hashes.");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map)) {
          throw ApiError.invalid(null, "lines[" + i + "]", "Invalid hash: lines[" + i + "]");
        }
        Map<String, Object> line = line(inv, Params.of((Map<String, Object>) list.get(i)), "lines[" + i + "]");
        lines.add(line);
        total += (Long) line.get("amount");
      }
    }
    Long amount = p.longValue("amount");
    if (lines.isEmpty()) {
      if (amount == null) {
        throw ApiError.invalid(null, "lines", "You must pass either lines or amount to create a credit note.");
      }
      total = amount;
    } else if (amount != null && amount != total) {
      throw ApiError.invalid(null, "amount", "The amount (" + amount + ") must equal the sum of the lines (" + total + ").");
    }
    if (total <= 0) {
      throw ApiError.invalid(null, lines.isEmpty() ? "amount" : "lines", "A credit note's amount must be positive, was " + total + ".");
    }
    Long creditAmount = p.longValue("credit_amount");
    Long refundAmount = p.longValue("refund_amount");
    Long outOfBand = p.longValue("out_of_band_amount");
    long creditable;
    if (open) {
      if (creditAmount != null || refundAmount != null || outOfBand != null) {
        String param = creditAmount != null ? "credit_amount" : refundAmount != null ? "refund_amount" : "out_of_band_amount";
        throw ApiError.invalid(null, param, "The invoice " + invoiceId + " is open: a credit note reduces its amount due, "
            + "so " + param + " cannot be set.");
      }
      creditable = (Long) inv.get("amount_remaining");
    } else {
      creditable = (Long) inv.get("amount_paid") - (Long) inv.get("post_payment_credit_notes_amount");
    }
    if (total > creditable) {
      throw ApiError.invalid("credit_note_amount_too_large", lines.isEmpty() ? "amount" : "lines",
          "The credit note amount (" + total + ") exceeds the amount that can still be credited on invoice " + invoiceId
              + " (" + creditable + ").");
    }
    long refund = refundAmount == null ? 0 : refundAmount;
    long oob = outOfBand == null ? 0 : outOfBand;
    long credit;
    if (open) {
      credit = 0;
    } else if (creditAmount == null && refundAmount == null && outOfBand == null) {
      credit = total; // Stripe's default for a paid invoice: the customer's credit balance
    } else {
      credit = creditAmount == null ? 0 : creditAmount;
      if (credit < 0 || refund < 0 || oob < 0 || credit + refund + oob != total) {
        throw ApiError.invalid(null, "credit_amount", "The sum of credit amount, refund amount and out of band amount ("
            + (credit + refund + oob) + ") must equal the credit note amount (" + total + ").");
      }
    }
    List<Map<String, Object>> refunds = new ArrayList<>();
    if (refund > 0) {
      Map<String, Object> charge = invoices.paidCharge(inv);
      if (charge == null) {
        throw ApiError.invalid(null, "refund_amount", "Invoice " + invoiceId + " has no charge to refund.");
      }
      Map<String, Object> r = payments.refund(ctx, charge, refund, null, null);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("amount_refunded", refund);
      entry.put("payment_record_refund", null);
      entry.put("refund", r.get("id"));
      entry.put("type", "refund");
      refunds.add(entry);
    }
    Map<String, Object> customerBalanceTxn = null;
    if (credit > 0) {
      Map<String, Object> customer = store.get((String) inv.get("customer"));
      long balance = (Long) customer.get("balance");
      customer.put("balance", balance - credit);
      store.touched(customer);
      customerBalanceTxn = new LinkedHashMap<>();
      customerBalanceTxn.put("id", store.newId("cbtxn"));
    }

    long now = store.now();
    long sequence = 1 + store.all("credit_note").stream().filter(n -> invoiceId.equals(n.get("invoice"))).count();
    if (lines.isEmpty()) {
      Map<String, Object> line = customLine("Credit", 1L, total, null);
      lines.add(line);
    }
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("id", noteId);
    note.put("object", "credit_note");
    note.put("amount", total);
    note.put("amount_shipping", 0L);
    note.put("created", now);
    note.put("currency", currency);
    note.put("customer", inv.get("customer"));
    note.put("customer_account", null);
    note.put("customer_balance_transaction", customerBalanceTxn == null ? null : customerBalanceTxn.get("id"));
    note.put("discount_amount", 0L);
    note.put("discount_amounts", new ArrayList<>());
    note.put("effective_at", p.longValue("effective_at") == null ? now : p.longValue("effective_at"));
    note.put("invoice", invoiceId);
    Map<String, Object> lineList = new LinkedHashMap<>();
    lineList.put("object", "list");
    lineList.put("data", lines);
    lineList.put("has_more", false);
    lineList.put("url", "/v1/credit_notes/" + noteId + "/lines");
    note.put("lines", lineList);
    note.put("livemode", false);
    String memo = p.string("memo");
    note.put("memo", memo == null || memo.isEmpty() ? null : memo);
    note.put("metadata", new LinkedHashMap<String, Object>());
    note.put("number", inv.get("number") + "-CN-" + String.format("%02d", sequence));
    note.put("out_of_band_amount", oob == 0 ? null : oob);
    note.put("pdf", "https://pay.stripe.com/credit_notes/" + store.accountId + "/test_" + noteId.substring(3) + "/pdf?s=ap");
    note.put("post_payment_amount", open ? 0L : total);
    note.put("pre_payment_amount", open ? total : 0L);
    note.put("pretax_credit_amounts", new ArrayList<>());
    note.put("reason", reason);
    note.put("refunds", refunds);
    note.put("shipping_cost", null);
    note.put("status", "issued");
    note.put("subtotal", total);
    note.put("subtotal_excluding_tax", total);
    note.put("total", total);
    note.put("total_excluding_tax", total);
    note.put("total_taxes", new ArrayList<>());
    note.put("type", open ? "pre_payment" : "post_payment");
    note.put("voided_at", null);
    p.applyMetadata((Map<String, Object>) note.get("metadata"));
    store.insert(note);

    Map<String, Object> before = Json.copy(inv);
    if (open) {
      inv.put("pre_payment_credit_notes_amount", (Long) inv.get("pre_payment_credit_notes_amount") + total);
      inv.put("amount_due", (Long) inv.get("amount_due") - total);
      inv.put("amount_remaining", (Long) inv.get("amount_remaining") - total);
    } else {
      inv.put("post_payment_credit_notes_amount", (Long) inv.get("post_payment_credit_notes_amount") + total);
    }
    store.emit(ctx, "credit_note.created", note, null);
    invoices.changedByCreditNote(ctx, inv, before);
    return note;
  }

  /** One credit note line from its parameters; its amount is checked against the invoice line. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> line(Map<String, Object> inv, Params lp, String param) {
    lp.allow("type", "amount", "description", "invoice_line_item", "quantity", "unit_amount", "unit_amount_decimal",
        "tax_rates", "tax_amounts", "metadata");
    String type = lp.string("type");
    if (type == null) {
      throw ApiError.missing(param + "[type]");
    }
    Long quantity = lp.longValue("quantity");
    if (quantity != null && quantity <= 0) {
      throw ApiError.invalid(null, param + "[quantity]", "Invalid quantity: must be at least 1.");
    }
    Map<String, Object> out;
    if (type.equals("custom_line_item")) {
      String description = lp.string("description");
      if (description == null || description.isEmpty()) {
        throw ApiError.missing(param + "[description]");
      }
      BigDecimal unit;
      if (lp.has("unit_amount_decimal")) {
        unit = new BigDecimal(lp.string("unit_amount_decimal"));
      } else if (lp.has("unit_amount")) {
        unit = BigDecimal.valueOf(lp.longValue("unit_amount"));
      } else {
        throw ApiError.missing(param + "[unit_amount]");
      }
      long q = quantity == null ? 1L : quantity;
      long amount = unit.multiply(BigDecimal.valueOf(q)).setScale(0, RoundingMode.HALF_UP).longValueExact();
      out = customLine(description, q, amount, unit);
    } else if (type.equals("invoice_line_item")) {
      String lineId = lp.string("invoice_line_item");
      if (lineId == null) {
        throw ApiError.missing(param + "[invoice_line_item]");
      }
      Map<String, Object> invLine = null;
      for (Map<String, Object> l : invoices.lineList(inv)) {
        if (lineId.equals(l.get("id"))) {
          invLine = l;
        }
      }
      if (invLine == null) {
        throw ApiError.noSuch("line_item", lineId, param + "[invoice_line_item]");
      }
      long lineAmount = (Long) invLine.get("amount");
      Long given = lp.longValue("amount");
      long amount;
      if (given != null) {
        amount = given;
      } else if (quantity != null && invLine.get("quantity") instanceof Long lq && lq > 0) {
        amount = BigDecimal.valueOf(lineAmount).multiply(BigDecimal.valueOf(quantity))
            .divide(BigDecimal.valueOf(lq), 0, RoundingMode.HALF_UP).longValueExact();
      } else {
        amount = lineAmount;
      }
      if (amount > lineAmount) {
        throw ApiError.invalid(null, param + "[amount]", "The credit amount (" + amount
            + ") exceeds the amount of invoice line " + lineId + " (" + lineAmount + ").");
      }
      out = customLine((String) invLine.get("description"), quantity == null ? 1L : quantity, amount, null);
      out.put("invoice_line_item", lineId);
      out.put("type", "invoice_line_item");
      out.put("unit_amount", null);
      out.put("unit_amount_decimal", null);
    } else {
      throw ApiError.invalid(null, param + "[type]", "Invalid type: must be one of invoice_line_item or custom_line_item");
    }
    if (lp.has("metadata")) {
      Map<String, Object> md = new LinkedHashMap<>();
      lp.applyMetadata(md);
      out.put("metadata", md);
    }
    return out;
  }

  private Map<String, Object> customLine(String description, long quantity, long amount, @Nullable BigDecimal unit) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", store.newId("cnli"));
    line.put("object", "credit_note_line_item");
    line.put("amount", amount);
    line.put("description", description);
    line.put("discount_amount", 0L);
    line.put("discount_amounts", new ArrayList<>());
    line.put("livemode", false);
    line.put("metadata", null);
    line.put("pretax_credit_amounts", new ArrayList<>());
    line.put("quantity", quantity);
    line.put("tax_rates", new ArrayList<>());
    line.put("taxes", new ArrayList<>());
    line.put("type", "custom_line_item");
    BigDecimal u = unit != null ? unit : BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(quantity), 12, RoundingMode.HALF_UP);
    String decimal = u.stripTrailingZeros().toPlainString();
    line.put("unit_amount", u.stripTrailingZeros().scale() <= 0 ? u.longValue() : null);
    line.put("unit_amount_decimal", decimal);
    return line;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> update(Ctx ctx, Map<String, Object> note, Params p) {
    Map<String, Object> before = Json.copy(note);
    if (p.has("memo")) {
      String memo = p.string("memo");
      note.put("memo", memo == null || memo.isEmpty() ? null : memo);
    }
    p.applyMetadata((Map<String, Object>) note.get("metadata"));
    store.touched(note);
    Map<String, Object> previous = Diff.previous(before, note);
    if (!previous.isEmpty()) {
      store.emit(ctx, "credit_note.updated", note, previous);
    }
    return note;
  }

  private Map<String, Object> voidNote(Ctx ctx, Map<String, Object> note) {
    if (!"issued".equals(note.get("status"))) {
      throw ApiError.state(null, "Credit note " + note.get("id") + " is already void.");
    }
    Map<String, Object> inv = store.get((String) note.get("invoice"));
    long amount = (Long) note.get("amount");
    boolean prePayment = "pre_payment".equals(note.get("type"));
    if (prePayment && !"open".equals(inv.get("status"))) {
      throw ApiError.state(null, "Credit note " + note.get("id") + " cannot be voided: its invoice "
          + inv.get("id") + " is " + inv.get("status") + ".");
    }
    if (!prePayment && !((List<?>) note.get("refunds")).isEmpty()) {
      throw ApiError.state(null, "Credit note " + note.get("id") + " refunded money and cannot be voided.");
    }
    Map<String, Object> before = Json.copy(note);
    note.put("status", "void");
    note.put("voided_at", store.now());
    store.touched(note);
    Map<String, Object> invBefore = Json.copy(inv);
    if (prePayment) {
      inv.put("pre_payment_credit_notes_amount", (Long) inv.get("pre_payment_credit_notes_amount") - amount);
      inv.put("amount_due", (Long) inv.get("amount_due") + amount);
      inv.put("amount_remaining", (Long) inv.get("amount_remaining") + amount);
    } else {
      inv.put("post_payment_credit_notes_amount", (Long) inv.get("post_payment_credit_notes_amount") - amount);
      if (note.get("customer_balance_transaction") != null) {
        Map<String, Object> customer = store.get((String) inv.get("customer"));
        customer.put("balance", (Long) customer.get("balance") + amount);
        store.touched(customer);
      }
    }
    store.emit(ctx, "credit_note.voided", note, Diff.previous(before, note));
    invoices.changedByCreditNote(ctx, inv, invBefore);
    return note;
  }

  private Map<String, Object> list(Params p) {
    p.allow("invoice", "customer", "created", "limit", "starting_after", "ending_before");
    String invoice = p.string("invoice");
    String customer = p.string("customer");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> note : store.all("credit_note")) {
      if ((invoice == null || invoice.equals(note.get("invoice")))
          && (customer == null || customer.equals(note.get("customer")))
          && Filters.created(p, note)) {
        out.add(note);
      }
    }
    return store.page(out, p, "/v1/credit_notes");
  }
}
