package io.mlconnector.testkit.acumatica.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The business logic behind the entities: defaults, auto-numbers, derived amounts, validation
 * (each error placed on its field, line or record) and the release and void actions with their
 * effect on balances and statuses.
 */
final class Business {

  /** One validation error: {@code path} is empty for the record, else field or [detail, index, field]. */
  record Err(List<Object> path, String message) {}

  private static final Set<String> EDITABLE_WHEN_RELEASED = Set.of("Description", "note", "id", "ExternalRef");

  private final Settings settings;
  private final Records records;

  Business(Settings settings, Records records) {
    this.settings = settings;
    this.records = records;
  }

  boolean released(Map<String, Object> rec) {
    Object s = rec.get("Status");
    return s != null && (s.equals(settings.statusOpen) || s.equals(settings.statusClosed)
        || s.equals(settings.statusPosted) || s.equals(settings.statusVoided));
  }

  /**
   * Merges {@code body} (unwrapped) into {@code rec} and validates. {@code insert} tells a new
   * record. Returns the errors; {@code rec} is only committed by the caller when there are none.
   */
  @SuppressWarnings("unchecked")
  List<Err> apply(String entity, Map<String, Object> rec, Map<String, Object> body, boolean insert,
      LocalDate businessDate, String branch) {
    List<Err> errors = new ArrayList<>();
    if (!insert && released(rec)) {
      for (Map.Entry<String, Object> e : body.entrySet()) {
        if (EDITABLE_WHEN_RELEASED.contains(e.getKey()) || Records.keys(entity).contains(e.getKey())) {
          continue;
        }
        if (!Objects.equals(normal(rec.get(e.getKey())), normal(e.getValue()))) {
          errors.add(new Err(List.of(), "The document has been released and cannot be modified."));
          return errors;
        }
      }
    }
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (k.equals("id")) {
        continue;
      }
      if (v instanceof List) {
        rec.put(k, mergeLines((List<Object>) rec.get(k), (List<Map<String, Object>>) v));
      } else if (v instanceof Map && rec.get(k) instanceof Map) {
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) rec.get(k));
        mergeInto(merged, (Map<String, Object>) v);
        rec.put(k, merged);
      } else {
        rec.put(k, v);
      }
    }
    switch (entity) {
      case "Customer":
        customer(rec, insert, errors);
        break;
      case "SalesInvoice":
      case "Invoice":
        invoice(entity, rec, insert, errors, businessDate);
        break;
      case "Payment":
        payment(rec, insert, errors, businessDate);
        break;
      case "JournalTransaction":
        journal(rec, insert, errors, businessDate, branch);
        break;
      case "Account":
        account(rec, insert, errors);
        break;
      default:
        break;
    }
    return errors;
  }

  private static Object normal(Object v) {
    return v instanceof BigDecimal ? ((BigDecimal) v).stripTrailingZeros() : v;
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
    for (Map.Entry<String, Object> e : source.entrySet()) {
      if (e.getValue() instanceof Map && target.get(e.getKey()) instanceof Map) {
        Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) target.get(e.getKey()));
        mergeInto(inner, (Map<String, Object>) e.getValue());
        target.put(e.getKey(), inner);
      } else {
        target.put(e.getKey(), e.getValue());
      }
    }
  }

  /** Lines carrying an id (or a known LineNbr) update that line; others are appended; delete removes. */
  @SuppressWarnings("unchecked")
  private static List<Object> mergeLines(List<Object> existing, List<Map<String, Object>> sent) {
    List<Object> lines = new ArrayList<>();
    if (existing != null) {
      for (Object o : existing) {
        lines.add(new LinkedHashMap<>((Map<String, Object>) o));
      }
    }
    for (Map<String, Object> line : sent) {
      Map<String, Object> target = null;
      for (Object o : lines) {
        Map<String, Object> l = (Map<String, Object>) o;
        if ((line.get("id") != null && line.get("id").equals(l.get("id")))
            || (line.get("LineNbr") != null && line.get("LineNbr").equals(l.get("LineNbr")))) {
          target = l;
        }
      }
      if (Boolean.TRUE.equals(line.get("delete"))) {
        if (target != null) {
          lines.remove(target);
        }
        continue;
      }
      if (target == null) {
        target = new LinkedHashMap<>();
        target.put("id", Records.newId());
        lines.add(target);
      }
      for (Map.Entry<String, Object> e : line.entrySet()) {
        if (!e.getKey().equals("id") && !e.getKey().equals("delete")) {
          target.put(e.getKey(), e.getValue());
        }
      }
    }
    return lines;
  }

  private void customer(Map<String, Object> rec, boolean insert, List<Err> errors) {
    Object id = rec.get("CustomerID");
    if (id == null || id.toString().isBlank()) {
      errors.add(new Err(List.of("CustomerID"), "'Customer ID' cannot be empty."));
      return;
    }
    rec.put("CustomerID", id.toString().toUpperCase(Locale.ROOT));
    if (rec.get("CustomerName") == null) {
      errors.add(new Err(List.of("CustomerName"), "'Customer Name' cannot be empty."));
    }
    rec.putIfAbsent("Status", "Active");
    rec.putIfAbsent("CurrencyID", "USD");
    rec.putIfAbsent("CustomerClass", "DEFAULT");
  }

  private boolean customerExists(Object id) {
    return id != null && records.byKeys("Customer", List.of(id.toString())) != null;
  }

  @SuppressWarnings("unchecked")
  private void invoice(String entity, Map<String, Object> rec, boolean insert, List<Err> errors, LocalDate date) {
    String customerField = entity.equals("Invoice") ? "Customer" : "CustomerID";
    rec.putIfAbsent("Type", "Invoice");
    if (!List.of("Invoice", "Credit Memo", "Debit Memo").contains(rec.get("Type"))) {
      errors.add(new Err(List.of("Type"), "'" + rec.get("Type") + "' is not a valid value for Type."));
    }
    if (!customerExists(rec.get(customerField))) {
      errors.add(new Err(List.of(customerField), "'Customer' cannot be found in the system."));
    } else {
      rec.put(customerField, rec.get(customerField).toString().toUpperCase(Locale.ROOT));
    }
    rec.putIfAbsent("Date", date.atStartOfDay(settings.zone).toInstant());
    rec.putIfAbsent("DueDate", rec.get("Date"));
    if (entity.equals("SalesInvoice")) {
      Map<String, Object> customer = customerExists(rec.get(customerField))
          ? records.byKeys("Customer", List.of(rec.get(customerField).toString())) : null;
      rec.putIfAbsent("Currency", customer == null ? "USD" : customer.getOrDefault("CurrencyID", "USD"));
    }
    BigDecimal total = BigDecimal.ZERO;
    List<Object> lines = (List<Object>) rec.getOrDefault("Details", List.of());
    int n = 0;
    for (Object o : lines) {
      n++;
      Map<String, Object> line = (Map<String, Object>) o;
      line.putIfAbsent("LineNbr", n);
      BigDecimal qty = dec(line.get("Qty"), BigDecimal.ONE);
      BigDecimal price = dec(line.get("UnitPrice"), null);
      BigDecimal amount = dec(line.get("Amount"), null);
      if (amount == null) {
        if (price == null) {
          errors.add(new Err(List.of("Details", n, "UnitPrice"), "'Unit Price' cannot be empty."));
          continue;
        }
        amount = qty.multiply(price).setScale(2, java.math.RoundingMode.HALF_EVEN);
      }
      line.putIfAbsent("Qty", qty);
      line.put("Amount", amount);
      total = total.add(amount);
    }
    if (!released(rec)) {
      rec.put("Amount", total);
      rec.put("DetailTotal", total);
      rec.put("TaxTotal", BigDecimal.ZERO);
      rec.put("Balance", total);
      boolean hold = Boolean.TRUE.equals(rec.get("Hold"));
      rec.putIfAbsent("Hold", false);
      rec.put("Status", hold ? settings.statusOnHold : settings.statusBalanced);
    }
    if (insert && rec.get("ReferenceNbr") == null && errors.isEmpty()) {
      rec.put("ReferenceNbr", records.nextNumber("ARINV", "INV"));
    }
  }

  @SuppressWarnings("unchecked")
  private void payment(Map<String, Object> rec, boolean insert, List<Err> errors, LocalDate date) {
    rec.putIfAbsent("Type", "Payment");
    if (!List.of("Payment", "Prepayment", "Refund", "Credit Memo").contains(rec.get("Type"))) {
      errors.add(new Err(List.of("Type"), "'" + rec.get("Type") + "' is not a valid value for Type."));
    }
    if (!customerExists(rec.get("CustomerID"))) {
      errors.add(new Err(List.of("CustomerID"), "'Customer' cannot be found in the system."));
      return;
    }
    rec.put("CustomerID", rec.get("CustomerID").toString().toUpperCase(Locale.ROOT));
    rec.putIfAbsent("ApplicationDate", date.atStartOfDay(settings.zone).toInstant());
    BigDecimal amount = dec(rec.get("PaymentAmount"), null);
    if (amount == null || amount.signum() <= 0) {
      errors.add(new Err(List.of("PaymentAmount"), "'Payment Amount' must be greater than 0."));
      return;
    }
    if (rec.get("PaymentMethod") == null) {
      errors.add(new Err(List.of("PaymentMethod"), "'Payment Method' cannot be empty."));
    }
    rec.putIfAbsent("CurrencyID", "USD");
    BigDecimal applied = BigDecimal.ZERO;
    List<Object> docs = (List<Object>) rec.getOrDefault("DocumentsToApply", List.of());
    int n = 0;
    for (Object o : docs) {
      n++;
      Map<String, Object> d = (Map<String, Object>) o;
      Object docType = d.get("DocType");
      if (docType == null || !settings.acceptedInvoiceDocTypes.contains(docType.toString())) {
        errors.add(new Err(List.of("DocumentsToApply", n, "DocType"),
            "'" + docType + "' is not a valid value for Doc. Type."));
        continue;
      }
      Map<String, Object> invoice = openInvoice(d.get("ReferenceNbr"));
      if (invoice == null) {
        errors.add(new Err(List.of("DocumentsToApply", n, "ReferenceNbr"),
            "'Reference Nbr.' cannot be found in the system."));
        continue;
      }
      Object owner = invoice.containsKey("CustomerID") ? invoice.get("CustomerID") : invoice.get("Customer");
      if (!rec.get("CustomerID").toString().equalsIgnoreCase(String.valueOf(owner))) {
        errors.add(new Err(List.of("DocumentsToApply", n, "ReferenceNbr"),
            "The document belongs to another customer."));
        continue;
      }
      BigDecimal paid = dec(d.get("AmountPaid"), dec(invoice.get("Balance"), BigDecimal.ZERO));
      d.put("AmountPaid", paid);
      if (!released(rec) && paid.compareTo(dec(invoice.get("Balance"), BigDecimal.ZERO)) > 0) {
        errors.add(new Err(List.of("DocumentsToApply", n, "AmountPaid"),
            "The amount paid cannot exceed the balance of the document (" + invoice.get("Balance") + ")."));
      }
      applied = applied.add(paid);
    }
    if (applied.compareTo(amount) > 0) {
      errors.add(new Err(List.of("PaymentAmount"),
          "The applied amount " + applied + " exceeds the payment amount " + amount + "."));
    }
    if (!released(rec)) {
      rec.put("AppliedToDocuments", applied);
      rec.put("AvailableBalance", amount.subtract(applied));
      boolean hold = Boolean.TRUE.equals(rec.get("Hold"));
      rec.putIfAbsent("Hold", false);
      rec.put("Status", hold ? settings.statusOnHold : settings.statusBalanced);
    }
    if (insert && rec.get("ReferenceNbr") == null && errors.isEmpty()) {
      rec.put("ReferenceNbr", records.nextNumber("ARPMT", ""));
    }
  }

  /** A released invoice (SalesInvoice or Invoice) by reference number, or null. */
  private @Nullable Map<String, Object> openInvoice(Object ref) {
    if (ref == null) {
      return null;
    }
    for (String entity : List.of("SalesInvoice", "Invoice")) {
      Map<String, Object> r = records.byKeys(entity, List.of("Invoice", ref.toString()));
      if (r != null && (settings.statusOpen.equals(r.get("Status")) || settings.statusClosed.equals(r.get("Status")))) {
        return r;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private void journal(Map<String, Object> rec, boolean insert, List<Err> errors, LocalDate date, String branch) {
    rec.putIfAbsent("Module", "GL");
    rec.putIfAbsent("TransactionDate", date.atStartOfDay(settings.zone).toInstant());
    if (branch != null) {
      rec.putIfAbsent("BranchID", branch);
    }
    rec.putIfAbsent("CurrencyID", "USD");
    rec.putIfAbsent("LedgerID", "ACTUAL");
    List<Object> lines = (List<Object>) rec.getOrDefault("Details", List.of());
    int n = 0;
    for (Object o : lines) {
      n++;
      Map<String, Object> line = (Map<String, Object>) o;
      line.putIfAbsent("LineNbr", n);
      if (rec.get("BranchID") != null) {
        line.putIfAbsent("BranchID", rec.get("BranchID"));
      }
      Object account = line.get("Account");
      if (account == null || records.byKeys("Account", List.of(account.toString())) == null) {
        errors.add(new Err(List.of("Details", n, "Account"), "'Account' cannot be found in the system."));
      }
      BigDecimal debit = dec(line.get("DebitAmount"), BigDecimal.ZERO);
      BigDecimal credit = dec(line.get("CreditAmount"), BigDecimal.ZERO);
      if (debit.signum() < 0 || credit.signum() < 0) {
        errors.add(new Err(List.of("Details", n, "DebitAmount"), "Amounts cannot be negative."));
      }
      line.put("DebitAmount", debit);
      line.put("CreditAmount", credit);
    }
    if (!released(rec)) {
      boolean hold = Boolean.TRUE.equals(rec.get("Hold"));
      rec.putIfAbsent("Hold", false);
      rec.put("Status", hold ? settings.statusOnHold : settings.statusBalanced);
    }
    if (insert && rec.get("BatchNbr") == null && errors.isEmpty()) {
      rec.put("BatchNbr", records.nextNumber("GLBATCH", ""));
    }
  }

  private void account(Map<String, Object> rec, boolean insert, List<Err> errors) {
    Object cd = rec.get("AccountCD");
    if (cd == null || cd.toString().isBlank()) {
      errors.add(new Err(List.of("AccountCD"), "'Account' cannot be empty."));
      return;
    }
    rec.put("AccountCD", cd.toString().toUpperCase(Locale.ROOT));
    rec.putIfAbsent("Active", true);
    rec.putIfAbsent("CashAccount", false);
    rec.putIfAbsent("Type", "Asset");
  }

  // ------------------------------------------------------------------ actions

  /**
   * Runs {@code action} on {@code rec}; returns null on success (the effect is applied, with
   * other records changed listed in {@code touched}) or the failure message.
   */
  @SuppressWarnings("unchecked")
  @Nullable String act(String entity, String action, Map<String, Object> rec, List<Object[]> touched, Instant now) {
    switch (action) {
      case "ReleaseSalesInvoice":
      case "ReleaseInvoice": {
        if (!settings.statusBalanced.equals(rec.get("Status"))) {
          return "The document cannot be released: its status is " + rec.get("Status") + ".";
        }
        BigDecimal amount = dec(rec.get("Amount"), BigDecimal.ZERO);
        rec.put("Balance", amount);
        rec.put("Status", amount.signum() == 0 ? settings.statusClosed : settings.statusOpen);
        return null;
      }
      case "ReleasePayment": {
        if (!settings.statusBalanced.equals(rec.get("Status"))) {
          return "The payment cannot be released: its status is " + rec.get("Status") + ".";
        }
        List<Object> docs = (List<Object>) rec.getOrDefault("DocumentsToApply", List.of());
        List<Object[]> effects = new ArrayList<>();
        for (Object o : docs) {
          Map<String, Object> d = (Map<String, Object>) o;
          Map<String, Object> invoice = openInvoice(d.get("ReferenceNbr"));
          if (invoice == null) {
            return "Document " + d.get("ReferenceNbr") + " is not open.";
          }
          BigDecimal balance = dec(invoice.get("Balance"), BigDecimal.ZERO);
          BigDecimal paid = dec(d.get("AmountPaid"), BigDecimal.ZERO);
          if (paid.compareTo(balance) > 0) {
            return "The amount paid on " + d.get("ReferenceNbr") + " exceeds its balance " + balance + ".";
          }
          effects.add(new Object[] {invoice, balance.subtract(paid)});
        }
        for (Object[] e : effects) {
          Map<String, Object> invoice = (Map<String, Object>) e[0];
          BigDecimal left = (BigDecimal) e[1];
          Map<String, Object> before = new LinkedHashMap<>(invoice);
          invoice.put("Balance", left);
          invoice.put("Status", left.signum() == 0 ? settings.statusClosed : settings.statusOpen);
          invoice.put("LastModifiedDateTime", now);
          touched.add(new Object[] {invoice.containsKey("Customer") ? "Invoice" : "SalesInvoice", before, invoice});
        }
        BigDecimal available = dec(rec.get("AvailableBalance"), BigDecimal.ZERO);
        rec.put("Status", available.signum() == 0 ? settings.statusClosed : settings.statusOpen);
        return null;
      }
      case "VoidPayment": {
        if (!settings.statusOpen.equals(rec.get("Status")) && !settings.statusClosed.equals(rec.get("Status"))) {
          return "Only a released payment can be voided.";
        }
        List<Object> docs = (List<Object>) rec.getOrDefault("DocumentsToApply", List.of());
        for (Object o : docs) {
          Map<String, Object> d = (Map<String, Object>) o;
          Map<String, Object> invoice = openInvoice(d.get("ReferenceNbr"));
          if (invoice != null) {
            Map<String, Object> before = new LinkedHashMap<>(invoice);
            invoice.put("Balance", dec(invoice.get("Balance"), BigDecimal.ZERO).add(dec(d.get("AmountPaid"), BigDecimal.ZERO)));
            invoice.put("Status", settings.statusOpen);
            invoice.put("LastModifiedDateTime", now);
            touched.add(new Object[] {invoice.containsKey("Customer") ? "Invoice" : "SalesInvoice", before, invoice});
          }
        }
        rec.put("Status", settings.statusVoided);
        return null;
      }
      case "ReleaseJournalTransaction": {
        if (!settings.statusBalanced.equals(rec.get("Status"))) {
          return "The batch cannot be released: its status is " + rec.get("Status") + ".";
        }
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (Object o : (List<Object>) rec.getOrDefault("Details", List.of())) {
          Map<String, Object> l = (Map<String, Object>) o;
          debit = debit.add(dec(l.get("DebitAmount"), BigDecimal.ZERO));
          credit = credit.add(dec(l.get("CreditAmount"), BigDecimal.ZERO));
        }
        if (debit.compareTo(credit) != 0) {
          return "Batch is out of balance, please review. Debit total " + debit + ", credit total " + credit + ".";
        }
        rec.put("Status", settings.statusPosted);
        return null;
      }
      default:
        return "The action " + action + " is not simulated.";
    }
  }

  static @Nullable BigDecimal dec(@Nullable Object v, @Nullable BigDecimal fallback) {
    if (v == null) {
      return fallback;
    }
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    return new BigDecimal(v.toString());
  }
}
